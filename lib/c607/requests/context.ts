import "server-only";

import type { Actor } from "@/lib/access/actor";
import { can, canAnywhere } from "@/lib/access/can";
import type { AuditContext } from "@/lib/audit/write-audit-event";
import { forbidden } from "@/lib/errors/app-error";
import type { RequestMeta } from "@/lib/http/request-context";

import type { Side } from "./transitions";

/** Who acts and from where: every domain function of this folder takes it. */
export type C607Context = { actor: Actor; meta: RequestMeta };

/**
 * The actor's side of the workflow. ONEM collaborators pass "app.c607.onem" (ONEM membership);
 * CPAS staff pass "app.c607" (right Agent Social, or GL/co-GL of its quality). Anyone else: 403.
 */
export function sideOf(actor: Actor): Side {
  if (actor.entityKind === "ONEM") {
    if (canAnywhere(actor, "app.c607.onem")) return "ONEM";
  } else if (canAnywhere(actor, "app.c607")) return "CPAS";
  throw forbidden();
}

/** The check on one request's centre (STYLE 5): the side's action, on the request's entity. */
export function canOnRequest(actor: Actor, side: Side, entityId: string): boolean {
  return side === "ONEM" ? can(actor, "app.c607.onem", { entityId }) : can(actor, "app.c607", { entityId });
}

export function auditContext(ctx: C607Context): AuditContext {
  return {
    actorId: ctx.actor.personId,
    entityId: ctx.actor.entityId,
    ip: ctx.meta.ip,
    userAgent: ctx.meta.userAgent,
  };
}
