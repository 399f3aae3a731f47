import "server-only";

import type { Actor } from "@/lib/access/actor";
import type { RightCode } from "@/lib/access/catalogue";
import { db } from "@/lib/db/client";
import type { RequestMeta } from "@/lib/http/request-context";
import { Prisma } from "@/lib/generated/prisma/client";
import type { QualityType } from "@/lib/generated/prisma/enums";
import { evaluateAccessPolicy, type AccessPolicyRule } from "@/lib/security/access-policy";
import { checkAccessPolicy, endSessionForViolation } from "@/lib/security/enforce-access-policy";

import { settleSession } from "./sessions";

// Loading an actor from the database, without anything of Next (the request helpers live in
// get-actor.ts): used by every request, by API tokens, and by test fixtures outside Next.

/**
 * The actor behind a personal API token (no browser session): the same roles and rights as
 * at sign-in, the same centre policy. `sessionId` names the token, never a session row.
 */
export async function loadActorForPerson(personId: string, o: { tokenId: string; meta: RequestMeta }): Promise<Actor | null> {
  return buildActor(personId, `api-token:${o.tokenId}`, o.meta);
}

/** One row: the session, its person, the centre, its qualities and access policy, the person's roles and rights. */
type RequestRow = {
  personId: string;
  revokedAt: number | null;
  expiresAt: number;
  lastSeenAt: number;
  status: string;
  entityId: string;
  firstName: string;
  lastName: string;
  email: string;
  language: Actor["language"];
  entityKind: Actor["entityKind"];
  entityName: string;
  sessionIdleSeconds: number;
  dpdPersonId: string | null;
  qualities: Actor["qualities"];
  roles: { role: Actor["roles"][number]["role"]; qualityId: string | null; subdivisionId: string | null; qualityType: QualityType | null }[];
  grants: { code: RightCode; qualityId: string; validFrom: number; validUntil: number | null }[];
  policy: AccessPolicyRule | null;
};

const instant = (ms: number | null) => (ms === null ? null : new Date(ms));

/**
 * Loads the actor of a valid session in ONE statement whatever the size of the entity (issue 15:
 * every portal page pays this; it was ten round trips through Prisma's nested includes). Same
 * rules as checkSession + buildActor: an unknown, closed, expired, idle or blocked session gives
 * null (the last three end it, audited); a person who is not ACTIVE gives null. With `meta` (a
 * real request) the centre's access policy is applied too: outside its hours or networks the
 * session ends at once. Instants come back as epoch milliseconds (`timestamp` columns hold UTC).
 */
export async function loadActor(sessionId: string, opts: { touch: boolean; meta?: RequestMeta }): Promise<Actor | null> {
  const ms = (col: string) => Prisma.raw(`(extract(epoch from ${col}) * 1000)::float8`);
  const rows = await db.$queryRaw<RequestRow[]>`
    SELECT s."personId"::text AS "personId", ${ms('s."revokedAt"')} AS "revokedAt", ${ms('s."expiresAt"')} AS "expiresAt", ${ms('s."lastSeenAt"')} AS "lastSeenAt",
      p.status::text AS status, p."entityId"::text AS "entityId", p."firstName", p."lastName", p.email, p.language::text AS language,
      e.kind::text AS "entityKind", e.name AS "entityName", e."sessionIdleSeconds", e."dpdPersonId"::text AS "dpdPersonId",
      (SELECT coalesce(json_agg(json_build_object('id', q.id, 'type', q.type, 'isActive', q."isActive")), '[]'::json)
         FROM "Quality" q WHERE q."entityId" = e.id) AS qualities,
      (SELECT coalesce(json_agg(json_build_object('role', r.role, 'qualityId', r."qualityId", 'subdivisionId', r."subdivisionId", 'qualityType', rq.type)), '[]'::json)
         FROM "RoleAssignment" r LEFT JOIN "Quality" rq ON rq.id = r."qualityId"
         WHERE r."personId" = p.id AND r."revokedAt" IS NULL AND NOT r."isBlocked") AS roles,
      (SELECT coalesce(json_agg(json_build_object('code', g."rightCode", 'qualityId', g."qualityId",
                'validFrom', ${ms('g."validFrom"')}, 'validUntil', ${ms('g."validUntil"')})), '[]'::json)
         FROM "RightGrant" g JOIN "Quality" gq ON gq.id = g."qualityId"
         WHERE g."personId" = p.id AND g."revokedAt" IS NULL AND gq."isActive") AS grants,
      (SELECT json_build_object('isEnforced', a."isEnforced", 'allowedDays', a."allowedDays", 'startMinute', a."startMinute",
                'endMinute', a."endMinute", 'allowedCidrs', a."allowedCidrs")
         FROM "AccessPolicy" a WHERE a."entityId" = p."entityId") AS policy
    FROM "Session" s JOIN "Person" p ON p.id = s."personId" JOIN "Entity" e ON e.id = p."entityId"
    WHERE s.id = ${sessionId}`;
  const row = rows[0];
  if (!row) return null; // « inconnue »
  const check = await settleSession(
    sessionId,
    {
      personId: row.personId,
      entityId: row.entityId,
      revokedAt: instant(row.revokedAt),
      expiresAt: new Date(row.expiresAt),
      lastSeenAt: new Date(row.lastSeenAt),
      personStatus: row.status,
      sessionIdleSeconds: row.sessionIdleSeconds,
    },
    opts,
  );
  if (!check.ok || row.status !== "ACTIVE") return null;
  const now = new Date();
  if (opts.meta) {
    const verdict = evaluateAccessPolicy(row.policy, { now, ip: opts.meta.ip });
    if (!verdict.ok) {
      await endSessionForViolation({ sessionId, personId: row.personId, entityId: row.entityId, ...opts.meta, verdict, stage: "requête" });
      return null;
    }
  }
  const t = now.getTime();
  return {
    personId: row.personId,
    sessionId,
    entityId: row.entityId,
    entityKind: row.entityKind,
    entityName: row.entityName,
    sessionIdleSeconds: row.sessionIdleSeconds,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    language: row.language,
    isDpd: row.dpdPersonId === row.personId,
    roles: row.roles,
    // Rights in force now: the same test as buildActor's query, on the instants read.
    rights: row.grants.filter((g) => g.validFrom <= t && (g.validUntil === null || g.validUntil > t)).map((g) => ({ code: g.code, qualityId: g.qualityId })),
    qualities: row.qualities,
  };
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
