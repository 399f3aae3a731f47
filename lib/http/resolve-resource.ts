import "server-only";

import type { Actor, Resource } from "@/lib/access/actor";
import { applicationResource } from "@/lib/access/application-scope";
import { personResources as scopesOfPerson } from "@/lib/access/manage/person-scope";
import type { Action } from "@/lib/access/permissions";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { hasUnsafeChars } from "@/lib/validation/safe-text";

import { parseId } from "./parse-id";

// The resources an entry point checks its permission on (lib/http/define-action.ts,
// define-route.ts), each loaded by id AND the actor's entity in the query itself (STYLE 6): an id of
// another centre, or one that is not a UUID, is "not found" — the same answer an unknown id gets.
// Only the scope is selected; the domain function loads what it needs and checks again.

/** The actor's own centre (entity-level permissions: RAE, DPD). */
export const entityResource = (actor: Actor): Resource => ({ entityId: actor.entityId });

/**
 * The centre's application (lib/access/application-scope.ts): the quality of the actor's centre
 * where that application lives (Action Sociale for C60.7, FOREM, FileExchange…). None: not found,
 * the answer a missing page gets.
 */
export function appResource(actor: Actor, action: Action): Resource {
  const r = applicationResource(actor, action);
  if (!r) throw notFound();
  return r;
}

export async function qualityResource(actor: Actor, qualityId: unknown): Promise<Resource> {
  const q = await db.quality.findFirst({ where: { id: parseId(qualityId), entityId: actor.entityId }, select: { id: true } });
  if (!q) throw notFound();
  return { entityId: actor.entityId, qualityId: q.id };
}

export async function subdivisionResource(actor: Actor, subdivisionId: unknown): Promise<Resource> {
  const s = await db.subdivision.findFirst({
    where: { id: parseId(subdivisionId), quality: { entityId: actor.entityId } },
    select: { id: true, qualityId: true },
  });
  if (!s) throw notFound();
  return { entityId: actor.entityId, qualityId: s.qualityId, subdivisionId: s.id };
}

/** A quality, narrowed to one of its subdivisions when the input names one (invitations). */
export async function qualityOrSubdivisionResource(actor: Actor, qualityId: unknown, subdivisionId: unknown): Promise<Resource> {
  if (!subdivisionId) return qualityResource(actor, qualityId);
  const r = await subdivisionResource(actor, subdivisionId);
  if (r.qualityId !== parseId(qualityId)) throw notFound();
  return r;
}

export async function roleResource(actor: Actor, roleId: unknown): Promise<Resource> {
  const r = await db.roleAssignment.findFirst({
    where: { id: parseId(roleId), entityId: actor.entityId },
    select: { qualityId: true, subdivisionId: true },
  });
  if (!r) throw notFound();
  return { entityId: actor.entityId, qualityId: r.qualityId, subdivisionId: r.subdivisionId };
}

/** A right grant: its quality, and the holder's subdivision (subdivision managers grant there). */
export async function grantResource(actor: Actor, grantId: unknown): Promise<Resource> {
  const g = await db.rightGrant.findFirst({
    where: { id: parseId(grantId), entityId: actor.entityId },
    select: { qualityId: true, person: { select: { subdivisionId: true } } },
  });
  if (!g) throw notFound();
  return { entityId: actor.entityId, qualityId: g.qualityId, subdivisionId: g.person.subdivisionId };
}

/**
 * A person of the actor's centre, as every scope they live in (their subdivision, the qualities of
 * their roles, rights and invitations; the entity when none): a manager passes the gate when the
 * permission holds on one of them. The domain function then applies the hierarchy.
 */
export async function personResources(actor: Actor, personId: unknown, quality?: Resource): Promise<Resource[]> {
  const p = await db.person.findFirst({ where: { id: parseId(personId), entityId: actor.entityId }, select: { id: true, subdivisionId: true } });
  if (!p) throw notFound();
  // The same scopes the domain command checks again (lib/access/manage/person-scope.ts).
  const scopes = await scopesOfPerson(db, { ...p, entityId: actor.entityId });
  // Granting in a named quality: that quality, narrowed to the person's subdivision when it is in it.
  const subdivision = scopes.find((s) => s.subdivisionId);
  if (quality)
    return [quality, ...(subdivision && subdivision.qualityId === quality.qualityId ? [{ ...quality, subdivisionId: subdivision.subdivisionId }] : [])];
  return scopes;
}

/** Forms name a person by e-mail (a select of 5,000 people would be unusable): their id, in the actor's centre only. */
export async function personIdByEmail(actor: Actor, email: unknown): Promise<string> {
  const normalized = typeof email === "string" ? email.trim().toLowerCase() : "";
  const person =
    normalized && normalized.length <= 254 && !hasUnsafeChars(normalized)
      ? await db.person.findFirst({ where: { email: normalized, entityId: actor.entityId }, select: { id: true } })
      : null;
  if (!person) throw notFound();
  return person.id;
}

export async function reviewItemResource(actor: Actor, itemId: unknown): Promise<Resource> {
  const i = await db.accessReviewItem.findFirst({ where: { id: parseId(itemId), review: { entityId: actor.entityId } }, select: { grantId: true } });
  if (!i) throw notFound();
  return grantResource(actor, i.grantId);
}

export async function channelResource(actor: Actor, channelId: unknown): Promise<Resource> {
  const c = await db.technicalChannel.findFirst({ where: { id: parseId(channelId), entityId: actor.entityId }, select: { qualityId: true } });
  if (!c) throw notFound();
  return { entityId: actor.entityId, qualityId: c.qualityId };
}

/** A REST client of the quality « Employeur ONSS » (issue 14): its quality. */
export async function restClientResource(actor: Actor, restClientId: unknown): Promise<Resource> {
  const c = await db.restClient.findFirst({ where: { id: parseId(restClientId), entityId: actor.entityId }, select: { qualityId: true } });
  if (!c) throw notFound();
  return { entityId: actor.entityId, qualityId: c.qualityId };
}

export async function mandateResource(actor: Actor, mandateId: unknown): Promise<Resource> {
  const m = await db.batchMandate.findFirst({ where: { id: parseId(mandateId), entityId: actor.entityId }, select: { qualityId: true } });
  if (!m) throw notFound();
  return { entityId: actor.entityId, qualityId: m.qualityId };
}

/** A batch deposit (issue 14: its GO or TD): the quality of its channel, in the actor's centre. */
export async function depositResource(actor: Actor, depositId: unknown): Promise<Resource> {
  const d = await db.batchDeposit.findFirst({ where: { id: parseId(depositId), entityId: actor.entityId }, select: { channelId: true } });
  if (!d) throw notFound();
  return channelResource(actor, d.channelId);
}

/**
 * A C60.7 request: a CPAS sees its own centre's (through the centre's C60.7 application), ONEM any
 * centre's (the domain functions hide drafts from ONEM with the same 404).
 */
export async function c607RequestResource(actor: Actor, requestId: unknown): Promise<Resource> {
  const isOnem = actor.entityKind === "ONEM";
  const r = await db.c607Request.findFirst({
    where: { id: parseId(requestId), ...(isOnem ? {} : { entityId: actor.entityId }) },
    select: { entityId: true },
  });
  if (!r) throw notFound();
  return isOnem ? { entityId: r.entityId } : appResource(actor, "app.c607");
}

/** A row of the centre's Agent Social application (contract, attestation): the application's scope. */
export async function foremRowResource(actor: Actor, kind: "contract" | "attestation", id: unknown): Promise<Resource> {
  const where = { id: parseId(id), entityId: actor.entityId };
  const row =
    kind === "contract" ? await db.contract.findFirst({ where, select: { id: true } }) : await db.attestation.findFirst({ where, select: { id: true } });
  if (!row) throw notFound();
  return appResource(actor, "app.agent_social");
}

/** A FileExchange transfer the actor's centre sent or received. */
export async function fileTransferResource(actor: Actor, transferId: unknown): Promise<Resource> {
  const t = await db.fileTransfer.findFirst({
    where: { id: parseId(transferId), OR: [{ fromEntityId: actor.entityId }, { toEntityId: actor.entityId }] },
    select: { id: true },
  });
  if (!t) throw notFound();
  return appResource(actor, "app.file_exchange");
}

export async function reviewResource(actor: Actor, reviewId: unknown): Promise<Resource> {
  const r = await db.accessReview.findFirst({ where: { id: parseId(reviewId), entityId: actor.entityId }, select: { qualityId: true } });
  if (!r) throw notFound();
  return { entityId: actor.entityId, qualityId: r.qualityId };
}

export async function sodRuleResource(actor: Actor, ruleId: unknown): Promise<Resource> {
  const r = await db.sodRule.findFirst({ where: { id: parseId(ruleId), entityId: actor.entityId }, select: { id: true } });
  if (!r) throw notFound();
  return entityResource(actor);
}
