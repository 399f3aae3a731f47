import "server-only";

import type { Actor } from "@/lib/access/actor";
import { canUseApplication } from "@/lib/access/application-scope";
import type { AuditContext } from "@/lib/audit/write-audit-event";
import { forbidden } from "@/lib/errors/app-error";
import type { RequestMeta } from "@/lib/http/request-context";

import type { Side } from "./transitions";

/** Who acts and from where: every domain function of this folder takes it. */
export type C607Context = { actor: Actor; meta: RequestMeta };

/**
 * The actor's side of the workflow. ONEM collaborators pass "app.c607.onem" (role « Collaborateur
 * ONEM »); CPAS staff pass "app.c607" (right Agent Social under Action Sociale, or GL/co-GL of that
 * quality). Anyone else — a GL of Employeur ONSS included — gets 403.
 */
export function sideOf(actor: Actor): Side {
  if (actor.entityKind === "ONEM") {
    if (canUseApplication(actor, "app.c607.onem")) return "ONEM";
  } else if (canUseApplication(actor, "app.c607")) return "CPAS";
  throw forbidden();
}

/** The check on one request's centre (STYLE 5): the side's action, on the request's entity. */
export function canOnRequest(actor: Actor, side: Side, entityId: string): boolean {
  // ONEM reads every centre's sent requests (the domain functions hide drafts); a CPAS only its own,
  // through the application's quality (Action Sociale) of that centre.
  if (side === "ONEM") return canUseApplication(actor, "app.c607.onem");
  return entityId === actor.entityId && canUseApplication(actor, "app.c607");
}

export function auditContext(ctx: C607Context): AuditContext {
  return {
    actorId: ctx.actor.personId,
    entityId: ctx.actor.entityId,
    ip: ctx.meta.ip,
    userAgent: ctx.meta.userAgent,
  };
}
