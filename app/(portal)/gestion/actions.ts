"use server";

import type { RightCode } from "@/lib/access/catalogue";
import { closeAccessReview, decideReviewItem, startAccessReview } from "@/lib/access/manage/access-review";
import { activateQuality, deactivateQuality } from "@/lib/access/manage/activate-quality";
import { designateLocalManager } from "@/lib/access/manage/designate-local-manager";
import { grantRight, revokeRight } from "@/lib/access/manage/grant-right";
import { inviteUser } from "@/lib/access/manage/invite-user";
import { changeCoRae, designateCoRae } from "@/lib/access/manage/manage-co-rae";
import { designateQualityRole, removeQualityRole, updateQualityEmail } from "@/lib/access/manage/manage-quality-roles";
import { addSodRule, removeSodRule } from "@/lib/access/manage/manage-sod-rules";
import { createSubdivision, designateSubdivisionManager } from "@/lib/access/manage/manage-subdivisions";
import { byPerson, managementAction as action, withPerson } from "@/lib/access/manage/run-management-action";
import * as S from "@/lib/access/manage/schemas";
import { setEntityDpd } from "@/lib/access/manage/set-entity-dpd";
import { setPersonBlocked } from "@/lib/access/manage/set-person-blocked";
import { defineFormAction } from "@/lib/http/define-action";
import { msg } from "@/lib/i18n/message-ref";
import * as R from "@/lib/http/resolve-resource";
import { rememberSearch } from "@/lib/http/search-cookie";
import { ZSearchQuery } from "@/lib/http/search-params";

// Access management (seed 003). Each action names its permission and the resource it is checked
// on, resolved from the form inside the actor's centre (lib/http/define-action.ts); the domain
// command then checks the hierarchy, self-designation and segregation of duties itself.

export const activateQualityAction = action({
  name: "activer une qualité",
  permission: "entity.activate_quality",
  input: S.ZActivateQuality,
  resource: ({ actor }) => R.entityResource(actor),
  run: activateQuality,
  success: msg("access.success.qualityActivated"),
});
export const deactivateQualityAction = action({
  name: "désactiver une qualité",
  permission: "entity.activate_quality",
  input: S.ZQualityId,
  resource: ({ actor, input }) => R.qualityResource(actor, input.qualityId),
  run: deactivateQuality,
  success: msg("access.success.qualityDeactivated"),
});
export const setDpdAction = action({
  name: "désigner le DPD",
  permission: "entity.set_dpd",
  input: byPerson(S.ZPersonId),
  resource: async ({ actor, input }) => (await withPerson(actor, input), R.entityResource(actor)),
  run: setEntityDpd,
  success: msg("access.success.dpdSet"),
});
export const designateGlAction = action({
  name: "désigner le GL",
  permission: "entity.designate_gl",
  input: byPerson(S.ZDesignateGl),
  resource: async ({ actor, input }) => (await withPerson(actor, input), R.qualityResource(actor, input.qualityId)),
  run: designateLocalManager,
  success: msg("access.success.glDesignated"),
});
export const designateCoRaeAction = action({
  name: "désigner un co-RAE",
  permission: "entity.manage_co_rae",
  input: byPerson(S.ZPersonId),
  resource: async ({ actor, input }) => (await withPerson(actor, input), R.entityResource(actor)),
  run: designateCoRae,
  success: msg("access.success.coRaeDesignated"),
});
export const changeCoRaeAction = action({
  name: "modifier un co-RAE",
  permission: "entity.manage_co_rae",
  input: S.ZChangeCoRae,
  resource: ({ actor, input }) => R.roleResource(actor, input.roleId),
  run: changeCoRae,
  success: msg("access.success.coRaeChanged"),
});
export const designateQualityRoleAction = action({
  name: "désigner un rôle de qualité",
  // co-GL or technical user: the command checks the one its `role` names.
  permission: ["quality.manage_co_gl", "quality.designate_technical_user"],
  input: byPerson(S.ZDesignateQualityRole),
  resource: async ({ actor, input }) => (await withPerson(actor, input), R.qualityResource(actor, input.qualityId)),
  run: designateQualityRole,
  success: msg("access.success.roleDesignated"),
});
export const removeQualityRoleAction = action({
  name: "retirer un rôle de qualité",
  permission: ["quality.manage_co_gl", "quality.designate_technical_user"],
  input: S.ZRoleId,
  resource: ({ actor, input }) => R.roleResource(actor, input.roleId),
  run: removeQualityRole,
  success: msg("access.success.roleRemoved"),
});
export const updateQualityEmailAction = action({
  name: "changer l'e-mail de la qualité",
  permission: "quality.update_email",
  input: S.ZQualityEmail,
  resource: ({ actor, input }) => R.qualityResource(actor, input.qualityId),
  run: updateQualityEmail,
  success: msg("access.success.qualityEmailChanged"),
});
export const setBlockedAction = action({
  name: "bloquer ou débloquer",
  permission: "quality.manage_users",
  input: byPerson(S.ZSetBlocked),
  resource: async ({ actor, input }) => R.personResources(actor, await withPerson(actor, input)),
  run: setPersonBlocked,
  success: msg("access.success.statusChanged"),
});
export const inviteUserAction = action({
  name: "inviter un utilisateur",
  permission: "quality.manage_users",
  input: S.ZInviteUser,
  resource: ({ actor, input }) => R.qualityOrSubdivisionResource(actor, input.qualityId, input.subdivisionId),
  run: inviteUser,
  // The link travels by mail only (issue 12): never shown to the manager.
  success: msg("access.success.invited"),
});
export const grantRightAction = action({
  name: "attribuer un droit",
  permission: "quality.manage_rights",
  input: byPerson(S.ZGrantRight),
  resource: async ({ actor, input }) => R.personResources(actor, await withPerson(actor, input), await R.qualityResource(actor, input.qualityId)),
  run: (c) => grantRight({ ...c, rightCode: c.rightCode as RightCode }),
  success: msg("access.success.rightGranted"),
});
export const revokeRightAction = action({
  name: "retirer un droit",
  permission: "quality.manage_rights",
  input: S.ZGrantId,
  resource: ({ actor, input }) => R.grantResource(actor, input.grantId),
  run: revokeRight,
  success: msg("access.success.rightRevoked"),
});
export const createSubdivisionAction = action({
  name: "créer une subdivision",
  permission: "quality.manage_subdivisions",
  input: S.ZCreateSubdivision,
  resource: ({ actor, input }) => R.qualityResource(actor, input.qualityId),
  run: createSubdivision,
  success: msg("access.success.subdivisionCreated"),
});
export const designateSubdivisionManagerAction = action({
  name: "désigner un gestionnaire de subdivision",
  permission: "quality.manage_subdivisions",
  input: byPerson(S.ZDesignateSubdivisionManager),
  resource: async ({ actor, input }) => (await withPerson(actor, input), R.subdivisionResource(actor, input.subdivisionId)),
  run: designateSubdivisionManager,
  success: msg("access.success.subdivisionManagerDesignated"),
});
export const startReviewAction = action({
  name: "lancer une revue",
  permission: "entity.start_access_review",
  input: S.ZStartReview,
  resource: ({ actor, input }) => R.qualityResource(actor, input.qualityId),
  run: (c) => startAccessReview({ ...c, deadline: c.deadline! }),
  success: (r) => msg("access.success.reviewStarted", { items: r.items }),
});
export const decideReviewAction = action({
  name: "décider en revue",
  permission: "quality.review_decide",
  input: S.ZDecideReview,
  resource: ({ actor, input }) => R.reviewItemResource(actor, input.itemId),
  run: decideReviewItem,
  success: msg("access.success.reviewDecided"),
});
export const closeReviewAction = action({
  name: "clôturer une revue",
  permission: "entity.start_access_review",
  input: S.ZReviewId,
  resource: ({ actor, input }) => R.reviewResource(actor, input.reviewId),
  run: closeAccessReview,
  success: (r) => msg("access.success.reviewClosed", { revoked: r.revoked, unanswered: r.unanswered }),
});
export const addSodRuleAction = action({
  name: "règle de séparation des fonctions",
  permission: "entity.manage_sod",
  input: S.ZSodRule,
  resource: ({ actor }) => R.entityResource(actor),
  run: (c) => addSodRule({ ...c, rightA: c.rightA as RightCode, rightB: c.rightB as RightCode }),
  success: msg("access.success.sodRuleSet"),
});
export const removeSodRuleAction = action({
  name: "retirer une règle",
  permission: "entity.manage_sod",
  input: S.ZSodRuleId,
  resource: ({ actor, input }) => R.sodRuleResource(actor, input.ruleId),
  run: removeSodRule,
  success: msg("access.success.sodRuleRemoved"),
});

/** Searching people (name, e-mail or national number): a POST, kept in a sealed cookie, never in the URL. */
export const searchPeopleAction = defineFormAction({
  name: "rechercher une personne",
  permission: "entity.search_people",
  input: ZSearchQuery,
  resource: ({ actor }) => R.entityResource(actor),
  run: ({ actor, input }) => rememberSearch(actor, "recherche", input.q),
  redirectTo: "/gestion/recherche",
});
