import "server-only";

import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PersonStatus, QualityType, RoleKind } from "@/lib/generated/prisma/enums";

type OverviewPerson = { id: string; firstName: string; lastName: string; email: string; status: PersonStatus };
type OverviewRole = { id: string; role: RoleKind; person: OverviewPerson };
type OverviewRow = {
  id: string;
  name: string;
  bceNumber: string;
  dpdPersonId: string | null;
  dpdPerson: OverviewPerson | null;
  qualities: { id: string; type: QualityType; identifier: string; isActive: boolean; roles: OverviewRole[] }[];
  roles: (OverviewRole & { isBlocked: boolean })[];
  people: number;
  blockedPeople: number;
  openReviews: number;
};

const person = (alias: string) =>
  Prisma.raw(
    `json_build_object('id', ${alias}.id, 'firstName', ${alias}."firstName", 'lastName', ${alias}."lastName", 'email', ${alias}.email, 'status', ${alias}.status)`,
  );

/**
 * RAE/co-RAE view: the entity, its qualities with their local managers, the co-RAEs and the
 * centre's figures, in ONE statement whatever the centre's size (issue 15: Prisma's nested
 * selections took nine round trips, three of them one after another).
 */
export async function loadEntityOverview(entityId: string) {
  const rows = await db.$queryRaw<OverviewRow[]>`
    SELECT e.id::text AS id, e.name, e."bceNumber", e."dpdPersonId"::text AS "dpdPersonId",
      (SELECT ${person("d")} FROM "Person" d WHERE d.id = e."dpdPersonId") AS "dpdPerson",
      (SELECT coalesce(json_agg(json_build_object('id', q.id, 'type', q.type, 'identifier', q.identifier, 'isActive', q."isActive",
                'roles', (SELECT coalesce(json_agg(json_build_object('id', r.id, 'role', r.role, 'person', ${person("rp")}) ORDER BY r.id), '[]'::json)
                            FROM "RoleAssignment" r JOIN "Person" rp ON rp.id = r."personId"
                            WHERE r."qualityId" = q.id AND r."revokedAt" IS NULL AND r.role IN ('GL', 'CO_GL'))) ORDER BY q.type), '[]'::json)
         FROM "Quality" q WHERE q."entityId" = e.id) AS qualities,
      (SELECT coalesce(json_agg(json_build_object('id', r.id, 'role', r.role, 'isBlocked', r."isBlocked", 'person', ${person("rp")}) ORDER BY r.id), '[]'::json)
         FROM "RoleAssignment" r JOIN "Person" rp ON rp.id = r."personId"
         WHERE r."entityId" = e.id AND r."revokedAt" IS NULL AND r.role IN ('RAE', 'CO_RAE')) AS roles,
      (SELECT count(*)::int FROM "Person" p WHERE p."entityId" = e.id) AS people,
      (SELECT count(*)::int FROM "Person" p WHERE p."entityId" = e.id AND p.status = 'BLOCKED') AS "blockedPeople",
      (SELECT count(*)::int FROM "AccessReview" a WHERE a."entityId" = e.id AND a."closedAt" IS NULL) AS "openReviews"
    FROM "Entity" e WHERE e.id = ${entityId}::uuid`;
  const row = rows[0];
  if (!row) throw new Error(`Entité introuvable : ${entityId}`);
  const { people, blockedPeople, openReviews, ...entity } = row;
  const qualities = entity.qualities.map((q) => {
    const gl = q.roles.find((r) => r.role === "GL") ?? null;
    return {
      ...q,
      gl: gl?.person ?? null,
      coGls: q.roles.filter((r) => r.role === "CO_GL").map((r) => r.person),
      // CPAS rule (seed 003): the GL of Action Sociale must be the entity's DPD.
      isGlCompliant: q.type !== "ACTION_SOCIALE" || !gl || gl.person.id === entity.dpdPersonId,
      // designateLocalManager refuses whoever is named for Action Sociale while its GL is already the
      // DPD (the DPD: « déjà GL », anyone else: « doit être le DPD ») or no DPD is recorded: the RAE
      // first changes or records the DPD (issue 9 follow-up: no form the server always refuses).
      isGlSetByDpd: q.type === "ACTION_SOCIALE" && (entity.dpdPersonId === null || gl?.person.id === entity.dpdPersonId),
    };
  });
  return { ...entity, _count: { people }, qualities, blockedPeople, openReviews };
}
