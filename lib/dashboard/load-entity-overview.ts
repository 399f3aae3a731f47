import "server-only";

import { db } from "@/lib/db/client";

const PERSON = { select: { id: true, firstName: true, lastName: true, email: true, status: true } } as const;

/** RAE/co-RAE view: the entity, its qualities with their local managers, and the co-RAEs. */
export async function loadEntityOverview(entityId: string) {
  const [entity, blockedPeople, openReviews] = await Promise.all([
    loadEntity(entityId),
    db.person.count({ where: { entityId, status: "BLOCKED" } }),
    db.accessReview.count({ where: { entityId, closedAt: null } }),
  ]);
  const qualities = entity.qualities.map((q) => {
    const gl = q.roles.find((r) => r.role === "GL") ?? null;
    return {
      ...q,
      gl: gl?.person ?? null,
      coGls: q.roles.filter((r) => r.role === "CO_GL").map((r) => r.person),
      // CPAS rule (seed 003): the GL of Action Sociale must be the entity's DPD.
      isGlCompliant: q.type !== "ACTION_SOCIALE" || !gl || gl.person.id === entity.dpdPersonId,
    };
  });
  return { ...entity, qualities, blockedPeople, openReviews };
}

function loadEntity(entityId: string) {
  return db.entity.findUniqueOrThrow({
    where: { id: entityId },
    select: {
      id: true,
      name: true,
      bceNumber: true,
      dpdPersonId: true,
      dpdPerson: PERSON,
      qualities: {
        orderBy: { type: "asc" },
        select: {
          id: true,
          type: true,
          identifier: true,
          isActive: true,
          roles: { where: { revokedAt: null, role: { in: ["GL", "CO_GL"] } }, select: { id: true, role: true, person: PERSON } },
        },
      },
      roles: { where: { revokedAt: null, role: { in: ["RAE", "CO_RAE"] } }, select: { id: true, role: true, isBlocked: true, person: PERSON } },
      _count: { select: { people: true } },
    },
  });
}
