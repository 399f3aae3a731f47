import "server-only";

import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { QualityType, RoleKind } from "@/lib/generated/prisma/enums";

import type { Standing } from "../hierarchy";

// Issue 15: a page of 50 people with their subdivision, roles and rights cost Prisma one statement
// per relation and per nested relation (four to six round trips after the page's own). Here the
// relations of the whole page come in ONE statement, whatever the page or the centre's size; the
// page's people themselves are still chosen by Prisma (its filters, order and paging unchanged).

type RawGrant = { id: string; rightCode: string; grantedAt: number; validUntil: number | null; qualityType: QualityType; rightName: string };
type RawRow = {
  id: string;
  subdivisionId: string | null;
  subdivisionName: string | null;
  isDpd: boolean;
  roles: { id: string; role: RoleKind; qualityId: string | null; subdivisionId: string | null; qualityType: QualityType | null }[];
  grants: RawGrant[];
};

export type PersonRelations = {
  subdivision: { id: string; name: string } | null;
  /** Roles not revoked. */
  roles: { id: string; role: RoleKind; quality: { type: QualityType } | null }[];
  /** Rights not revoked and in force at `now` (no end, or an end after it), in the order granted. */
  grants: { id: string; rightCode: string; grantedAt: Date; validUntil: Date | null; quality: { type: QualityType }; right: { name: string } }[];
  /** Their rank (lib/access/hierarchy.ts) from the same rows `loadStanding` reads: every role not revoked (blocked ones too), the DPD flag. */
  standing: Standing;
};

const ms = (col: string) => Prisma.raw(`(extract(epoch from ${col}) * 1000)::float8`);

/** Relations of the people `ids`; `qualityId` keeps only the rights of that quality. */
export async function loadPeopleRelations(ids: string[], o: { now: Date; qualityId?: string }): Promise<Map<string, PersonRelations>> {
  if (ids.length === 0) return new Map();
  // The quality's rights are kept by the aggregate's FILTER, not by the WHERE: with the quality in
  // the WHERE, a planner without statistics (a table just filled) walked the quality's index for
  // each person — 5,000 index entries per person, 50 to 80 ms for a page — instead of the person's.
  const inQuality = o.qualityId ? Prisma.sql` FILTER (WHERE g."qualityId" = ${o.qualityId}::uuid)` : Prisma.empty;
  const rows = await db.$queryRaw<RawRow[]>`
    SELECT p.id::text AS id, p."subdivisionId"::text AS "subdivisionId", s.name AS "subdivisionName",
      coalesce(e."dpdPersonId" = p.id, false) AS "isDpd",
      (SELECT coalesce(json_agg(json_build_object('id', r.id, 'role', r.role, 'qualityId', r."qualityId", 'subdivisionId', r."subdivisionId",
                'qualityType', rq.type) ORDER BY r.id), '[]'::json)
         FROM "RoleAssignment" r LEFT JOIN "Quality" rq ON rq.id = r."qualityId"
         WHERE r."personId" = p.id AND r."revokedAt" IS NULL) AS roles,
      (SELECT coalesce(json_agg(json_build_object('id', g.id, 'rightCode', g."rightCode", 'grantedAt', ${ms('g."grantedAt"')},
                'validUntil', ${ms('g."validUntil"')}, 'qualityType', gq.type, 'rightName', ar.name) ORDER BY g."grantedAt", g.id)${inQuality}, '[]'::json)
         FROM "RightGrant" g JOIN "Quality" gq ON gq.id = g."qualityId" JOIN "AccessRight" ar ON ar.code = g."rightCode"
         WHERE g."personId" = p.id AND g."revokedAt" IS NULL) AS grants
    FROM "Person" p JOIN "Entity" e ON e.id = p."entityId" LEFT JOIN "Subdivision" s ON s.id = p."subdivisionId"
    WHERE p.id = ANY(${ids}::uuid[])`;
  const now = o.now.getTime();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        subdivision: r.subdivisionId === null || r.subdivisionName === null ? null : { id: r.subdivisionId, name: r.subdivisionName },
        roles: r.roles.map((x) => ({ id: x.id, role: x.role, quality: x.qualityType ? { type: x.qualityType } : null })),
        grants: r.grants
          .filter((g) => g.validUntil === null || g.validUntil > now)
          .map((g) => ({
            id: g.id,
            rightCode: g.rightCode,
            grantedAt: new Date(g.grantedAt),
            validUntil: g.validUntil === null ? null : new Date(g.validUntil),
            quality: { type: g.qualityType },
            right: { name: g.rightName },
          })),
        standing: {
          personId: r.id,
          isDpd: r.isDpd,
          roles: r.roles.map((x) => ({ role: x.role, qualityId: x.qualityId, subdivisionId: x.subdivisionId })),
        },
      },
    ]),
  );
}
