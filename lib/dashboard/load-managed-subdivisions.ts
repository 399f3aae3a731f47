import "server-only";

import { db } from "@/lib/db/client";

/** Subdivision managers' view: their subdivision's members and the rights those members hold. */
export async function loadManagedSubdivisions(entityId: string, subdivisionIds: string[]) {
  const now = new Date();
  const [subdivisions, grants] = await Promise.all([
    db.subdivision.findMany({
      where: { id: { in: subdivisionIds }, quality: { entityId } },
      select: { id: true, name: true, quality: { select: { type: true } }, _count: { select: { members: true } } },
    }),
    db.rightGrant.groupBy({
      by: ["rightCode"],
      where: { entityId, revokedAt: null, person: { subdivisionId: { in: subdivisionIds } }, OR: [{ validUntil: null }, { validUntil: { gt: now } }] },
      _count: { _all: true },
    }),
  ]);
  return subdivisions.map((s) => ({
    ...s,
    rightCounts: subdivisions.length === 1 ? grants.map((g) => ({ rightCode: g.rightCode, count: g._count._all })) : [],
  }));
}
