import "server-only";

import { db } from "@/lib/db/client";

/** GL/co-GL view of their qualities: figures, not lists, so the page stays light at 5,000 users. */
export async function loadManagedQualities(entityId: string, qualityIds: string[]) {
  const now = new Date();
  const soon = new Date(now.getTime() + 30 * 86_400_000);
  const activeGrant = { entityId, qualityId: { in: qualityIds }, revokedAt: null, OR: [{ validUntil: null }, { validUntil: { gt: now } }] };
  const [qualities, byRight, expiring, recent, reviews] = await Promise.all([
    db.quality.findMany({
      where: { entityId, id: { in: qualityIds } },
      select: {
        id: true,
        type: true,
        email: true,
        isActive: true,
        roles: { where: { revokedAt: null, role: "TECHNICAL_USER" }, select: { person: { select: { firstName: true, lastName: true, email: true } } } },
      },
    }),
    db.rightGrant.groupBy({ by: ["qualityId", "rightCode"], where: activeGrant, _count: { _all: true } }),
    db.rightGrant.groupBy({ by: ["qualityId"], where: { ...activeGrant, validUntil: { gt: now, lte: soon } }, _count: { _all: true } }),
    db.rightGrant.findMany({
      where: activeGrant,
      orderBy: { grantedAt: "desc" },
      take: 10,
      select: {
        id: true,
        qualityId: true,
        rightCode: true,
        grantedAt: true,
        validUntil: true,
        right: { select: { name: true } },
        person: { select: { firstName: true, lastName: true } },
      },
    }),
    db.accessReview.findMany({
      where: { entityId, qualityId: { in: qualityIds }, closedAt: null },
      select: { qualityId: true, deadline: true, _count: { select: { items: { where: { decision: null } } } } },
    }),
  ]);
  return qualities.map((q) => ({
    ...q,
    technicalUser: q.roles[0]?.person ?? null,
    rightCounts: byRight.filter((g) => g.qualityId === q.id).map((g) => ({ rightCode: g.rightCode, count: g._count._all })),
    expiringSoon: expiring.find((e) => e.qualityId === q.id)?._count._all ?? 0,
    recentGrants: recent.filter((g) => g.qualityId === q.id),
    openReview: reviews.find((r) => r.qualityId === q.id) ?? null,
  }));
}
