import "server-only";

import type { Db, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";

import type { Actor } from "../actor";
import { outranks, outranksEverywhere, type Scope, type Standing } from "../hierarchy";

export const HIERARCHY_MESSAGE = msg("access.errors.hierarchy");

/** The actor's own standing, from the roles loaded with the actor (active qualities only). */
export function actorStanding(actor: Actor): Standing {
  return {
    personId: actor.personId,
    isDpd: actor.isDpd,
    roles: actor.roles,
    activeQualityIds: new Set(actor.qualities.filter((q) => q.isActive).map((q) => q.id)),
  };
}

/** A person's standing read in the caller's transaction (or outside one, for a screen): every current role (blocked ones too) and the DPD flag. */
export async function loadStanding(tx: Db | Tx, person: { id: string; entityId: string }): Promise<Standing> {
  const [roles, entity] = await Promise.all([
    tx.roleAssignment.findMany({ where: { personId: person.id, revokedAt: null }, select: { role: true, qualityId: true, subdivisionId: true } }),
    tx.entity.findUnique({ where: { id: person.entityId }, select: { dpdPersonId: true } }),
  ]);
  return { personId: person.id, isDpd: entity?.dpdPersonId === person.id, roles };
}

/**
 * What rank lets the actor (`mine`: actorStanding) do to a person, by the very checks the commands make: `block` — block,
 * unblock, reset the second factor (assertOutranksEverywhere) — and `rights` — grant or revoke in
 * `rightsScope` (assertOutranks). For screens, so that they offer no button the server would refuse
 * for rank; the commands still check, on standings read in their own transaction.
 */
export function rankAllows(mine: Standing, target: Standing, rightsScope: Scope): { block: boolean; rights: boolean } {
  return { block: outranksEverywhere(mine, target), rights: outranks(mine, target, rightsScope) };
}

/** 403 unless the actor stands strictly above the person in this scope (issue 9, lib/access/hierarchy.ts). */
export async function assertOutranks(tx: Tx, actor: Actor, person: { id: string; entityId: string }, scope: Scope, o: { peers?: boolean } = {}): Promise<void> {
  if (!outranks(actorStanding(actor), await loadStanding(tx, person), scope, o)) throw new AppError("FORBIDDEN", HIERARCHY_MESSAGE);
}

/** 403 unless the actor stands strictly above the person wherever the person holds a role (blocking ends all their access). */
export async function assertOutranksEverywhere(tx: Tx, actor: Actor, person: { id: string; entityId: string }): Promise<void> {
  if (!outranksEverywhere(actorStanding(actor), await loadStanding(tx, person))) throw new AppError("FORBIDDEN", HIERARCHY_MESSAGE);
}
