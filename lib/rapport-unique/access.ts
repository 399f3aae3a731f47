import "server-only";

import type { Actor } from "@/lib/access/actor";
import { applicationResource, canUseApplication } from "@/lib/access/application-scope";
import { can } from "@/lib/access/can";
import type { AuditContext } from "@/lib/audit/write-audit-event";
import { forbidden } from "@/lib/errors/app-error";
import type { RuSignerRole } from "@/lib/generated/prisma/enums";
import type { RequestMeta } from "@/lib/http/request-context";

/** Who acts and from where: every domain function of the Rapport unique takes it. */
export type RuContext = { actor: Actor; meta: RequestMeta };

export type RuSide = "CPAS" | "SPPIS";

/**
 * The actor's side: the centre's three Rapport unique roles (rights held personally under Action
 * Sociale), or a « Collaborateur SPP IS ». Anyone else — the centre's GL and RAE included — gets 403:
 * nobody else sees any of it (issue 10).
 */
export function ruSide(actor: Actor): RuSide {
  if (actor.entityKind === "SPP_IS" && canUseApplication(actor, "app.rapport_unique.sppis")) return "SPPIS";
  if (actor.entityKind === "CPAS" && canUseApplication(actor, "app.rapport_unique")) return "CPAS";
  throw forbidden();
}

/** What the actor may do in their centre's report: encode (member) and/or sign (secretary, president). */
export function cpasRoles(actor: Actor): { member: boolean; signerRoles: RuSignerRole[] } {
  const resource = applicationResource(actor, "app.rapport_unique");
  if (!resource?.qualityId || actor.entityKind !== "CPAS") return { member: false, signerRoles: [] };
  const holds = (code: string) => actor.rights.some((r) => r.code === code && r.qualityId === resource.qualityId);
  const signerRoles: RuSignerRole[] = [];
  if (can(actor, "app.rapport_unique.sign", resource)) {
    if (holds("RU_SECRETAIRE")) signerRoles.push("SECRETAIRE");
    if (holds("RU_PRESIDENT")) signerRoles.push("PRESIDENT");
  }
  return { member: can(actor, "app.rapport_unique.encode", resource), signerRoles };
}

export function auditCtx(ctx: RuContext): AuditContext {
  return { actorId: ctx.actor.personId, entityId: ctx.actor.entityId, ip: ctx.meta.ip, userAgent: ctx.meta.userAgent };
}

export const actorName = (actor: Actor) => `${actor.firstName} ${actor.lastName}`.trim();
