import "server-only";

import type { AuditContext } from "@/lib/audit/write-audit-event";
import type { Tx } from "@/lib/db/client";
import { AppError, forbidden, notFound } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import type { RequestMeta } from "@/lib/http/request-context";

import type { Actor, Resource } from "../actor";
import { can } from "../can";
import type { Action } from "../permissions";

/** Every access-management command gets who acts and from where; the rest is its own input. */
export type Command<I> = { actor: Actor; meta: RequestMeta } & I;

export const auditContext = (actor: Actor, meta: RequestMeta): AuditContext => ({ actorId: actor.personId, entityId: actor.entityId, ...meta });

/** Throws 403 unless the permission table allows it. Callers first load the resource inside the actor's entity (404 otherwise). */
export function authorize(actor: Actor, action: Action, resource: Resource): void {
  if (!can(actor, action, resource)) throw forbidden();
}

/** Nobody designates, grants, blocks or deletes themselves (issue 3: "nobody escalates themselves"). */
export function refuseSelf(actor: Actor, personId: string): void {
  if (actor.personId === personId) throw new AppError("FORBIDDEN", msg("access.errors.self"));
}

// Loaders scoped in the query itself (STYLE 6): an id of another entity is simply not found.

export async function findQuality(tx: Tx, actor: Actor, qualityId: string) {
  const q = await tx.quality.findFirst({ where: { id: qualityId, entityId: actor.entityId } });
  if (!q) throw notFound();
  return q;
}

export async function findSubdivision(tx: Tx, actor: Actor, subdivisionId: string) {
  const s = await tx.subdivision.findFirst({ where: { id: subdivisionId, quality: { entityId: actor.entityId } }, include: { quality: true } });
  if (!s) throw notFound();
  return s;
}

export async function findPerson(tx: Tx, actor: Actor, personId: string) {
  const p = await tx.person.findFirst({ where: { id: personId, entityId: actor.entityId } });
  if (!p) throw notFound();
  return p;
}

/** A person who may receive a role: of this entity, active (not blocked, invitation accepted). */
export async function findDesignablePerson(tx: Tx, actor: Actor, personId: string) {
  const p = await findPerson(tx, actor, personId);
  if (p.status === "BLOCKED") throw new AppError("UNPROCESSABLE", msg("access.errors.personBlockedDesignate"));
  if (p.status === "INVITED") throw new AppError("UNPROCESSABLE", msg("access.errors.personInvited"));
  return p;
}

export const personSummary = (p: { id: string; firstName: string; lastName: string }) => ({ id: p.id, name: `${p.firstName} ${p.lastName}` });
