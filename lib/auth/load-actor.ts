import "server-only";

import type { Actor } from "@/lib/access/actor";
import type { RightCode } from "@/lib/access/catalogue";
import { db } from "@/lib/db/client";
import type { RequestMeta } from "@/lib/http/request-context";
import { checkAccessPolicy, endSessionForViolation } from "@/lib/security/enforce-access-policy";

import { checkSession } from "./sessions";

// Loading an actor from the database, without anything of Next (the request helpers live in
// get-actor.ts): used by every request, by API tokens, and by test fixtures outside Next.

/**
 * The actor behind a personal API token (no browser session): the same roles and rights as
 * at sign-in, the same centre policy. `sessionId` names the token, never a session row.
 */
export async function loadActorForPerson(personId: string, o: { tokenId: string; meta: RequestMeta }): Promise<Actor | null> {
  return buildActor(personId, `api-token:${o.tokenId}`, o.meta);
}

/**
 * Loads the actor of a valid session, a fixed number of queries whatever the size of the entity.
 * With `meta` (a real request) the centre's access policy is applied too: outside its hours or
 * networks the session ends at once.
 */
export async function loadActor(sessionId: string, opts: { touch: boolean; meta?: RequestMeta }): Promise<Actor | null> {
  const check = await checkSession(sessionId, opts);
  if (!check.ok) return null;
  return buildActor(check.personId, sessionId, opts.meta);
}

export async function buildActor(personId: string, sessionId: string, meta: RequestMeta | undefined): Promise<Actor | null> {
  const now = new Date();
  const p = await db.person.findUnique({
    where: { id: personId },
    include: {
      entity: {
        select: { kind: true, name: true, sessionIdleSeconds: true, dpdPersonId: true, qualities: { select: { id: true, type: true, isActive: true } } },
      },
      roles: {
        where: { revokedAt: null, isBlocked: false },
        select: { role: true, qualityId: true, subdivisionId: true, quality: { select: { type: true } } },
      },
      grants: {
        where: { revokedAt: null, validFrom: { lte: now }, OR: [{ validUntil: null }, { validUntil: { gt: now } }], quality: { isActive: true } },
        select: { rightCode: true, qualityId: true },
      },
    },
  });
  if (!p || p.status !== "ACTIVE") return null;
  if (meta) {
    const verdict = await checkAccessPolicy(p.entityId, meta.ip, now);
    if (!verdict.ok) {
      const isSession = !sessionId.startsWith("api-token:");
      await endSessionForViolation({ sessionId: isSession ? sessionId : null, personId: p.id, entityId: p.entityId, ...meta, verdict, stage: "requête" });
      return null;
    }
  }
  return {
    personId: p.id,
    sessionId,
    entityId: p.entityId,
    entityKind: p.entity.kind,
    entityName: p.entity.name,
    sessionIdleSeconds: p.entity.sessionIdleSeconds,
    firstName: p.firstName,
    lastName: p.lastName,
    email: p.email,
    language: p.language,
    isDpd: p.entity.dpdPersonId === p.id,
    roles: p.roles.map((r) => ({ role: r.role, qualityId: r.qualityId, subdivisionId: r.subdivisionId, qualityType: r.quality?.type ?? null })),
    rights: p.grants.map((g) => ({ code: g.rightCode as RightCode, qualityId: g.qualityId })),
    qualities: p.entity.qualities,
  };
}
