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
import { runManagementAction as run } from "@/lib/access/manage/run-management-action";
import * as S from "@/lib/access/manage/schemas";
import { setEntityDpd } from "@/lib/access/manage/set-entity-dpd";
import { setPersonBlocked } from "@/lib/access/manage/set-person-blocked";
import type { ActionState } from "@/lib/http/server-action";

// Server actions are public endpoints: each one goes through runManagementAction, which loads the
// actor from the session, and each domain command checks the permission table itself.
type State = ActionState<unknown>;

export async function activateQualityAction(_: State, f: FormData) {
  return run("activer une qualité", S.ZActivateQuality, f, activateQuality, "Qualité activée.");
}
export async function deactivateQualityAction(_: State, f: FormData) {
  return run("désactiver une qualité", S.ZQualityId, f, deactivateQuality, "Qualité désactivée.");
}
export async function setDpdAction(_: State, f: FormData) {
  return run("désigner le DPD", S.ZPersonId, f, setEntityDpd, "DPD enregistré.");
}
export async function designateGlAction(_: State, f: FormData) {
  return run("désigner le GL", S.ZDesignateGl, f, designateLocalManager, "Gestionnaire local désigné.");
}
export async function designateCoRaeAction(_: State, f: FormData) {
  return run("désigner un co-RAE", S.ZPersonId, f, designateCoRae, "co-RAE désigné.");
}
export async function changeCoRaeAction(_: State, f: FormData) {
  return run("modifier un co-RAE", S.ZChangeCoRae, f, changeCoRae, "co-RAE mis à jour.");
}
export async function designateQualityRoleAction(_: State, f: FormData) {
  return run("désigner un rôle de qualité", S.ZDesignateQualityRole, f, designateQualityRole, "Désignation enregistrée.");
}
export async function removeQualityRoleAction(_: State, f: FormData) {
  return run("retirer un rôle de qualité", S.ZRoleId, f, removeQualityRole, "Rôle retiré.");
}
export async function updateQualityEmailAction(_: State, f: FormData) {
  return run("changer l'e-mail de la qualité", S.ZQualityEmail, f, updateQualityEmail, "Adresse e-mail de la qualité modifiée.");
}
export async function setBlockedAction(_: State, f: FormData) {
  return run("bloquer ou débloquer", S.ZSetBlocked, f, setPersonBlocked, "Statut modifié.");
}
export async function inviteUserAction(_: State, f: FormData) {
  return run(
    "inviter un utilisateur",
    S.ZInviteUser,
    f,
    inviteUser,
    (r) => `Invitation créée. Transmettez ce lien à la personne (valable 7 jours, une seule fois) : /invitation/${r.token}`,
  );
}
export async function grantRightAction(_: State, f: FormData) {
  return run("attribuer un droit", S.ZGrantRight, f, (c) => grantRight({ ...c, rightCode: c.rightCode as RightCode }), "Droit attribué.");
}
export async function revokeRightAction(_: State, f: FormData) {
  return run("retirer un droit", S.ZGrantId, f, revokeRight, "Droit retiré.");
}
export async function createSubdivisionAction(_: State, f: FormData) {
  return run("créer une subdivision", S.ZCreateSubdivision, f, createSubdivision, "Subdivision créée.");
}
export async function designateSubdivisionManagerAction(_: State, f: FormData) {
  return run("désigner un gestionnaire de subdivision", S.ZDesignateSubdivisionManager, f, designateSubdivisionManager, "Gestionnaire de subdivision désigné.");
}
export async function startReviewAction(_: State, f: FormData) {
  return run(
    "lancer une revue",
    S.ZStartReview,
    f,
    (c) => startAccessReview({ ...c, deadline: c.deadline! }),
    (r) => `Revue lancée : ${r.items} droit(s) à revoir.`,
  );
}
export async function decideReviewAction(_: State, f: FormData) {
  return run("décider en revue", S.ZDecideReview, f, decideReviewItem, "Décision enregistrée.");
}
export async function closeReviewAction(_: State, f: FormData) {
  return run("clôturer une revue", S.ZReviewId, f, closeAccessReview, (r) => `Revue clôturée : ${r.revoked} droit(s) retiré(s), ${r.unanswered} sans réponse.`);
}
export async function addSodRuleAction(_: State, f: FormData) {
  return run(
    "règle de séparation des fonctions",
    S.ZSodRule,
    f,
    (c) => addSodRule({ ...c, rightA: c.rightA as RightCode, rightB: c.rightB as RightCode }),
    "Règle enregistrée.",
  );
}
export async function removeSodRuleAction(_: State, f: FormData) {
  return run("retirer une règle", S.ZSodRuleId, f, removeSodRule, "Règle retirée.");
}
