import "server-only";

import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { QualityType } from "@/lib/generated/prisma/enums";

type Row = {
  qualities: {
    id: string;
    type: QualityType;
    email: string | null;
    isActive: boolean;
    technicalUser: { firstName: string; lastName: string; email: string } | null;
    rightCounts: { rightCode: string; count: number }[];
    expiringSoon: number;
    openReview: { qualityId: string; deadline: number; items: number } | null;
  }[];
  recent: { id: string; qualityId: string; rightCode: string; grantedAt: number; validUntil: number | null; firstName: string; lastName: string }[];
};

const ms = (col: string) => Prisma.raw(`(extract(epoch from ${col}) * 1000)::float8`);

/**
 * GL/co-GL view of their qualities: figures, not lists, so the page stays light at 5,000 users.
 * ONE statement whatever the number of qualities and users (issue 15: Prisma's nested selections
 * and group-bys took nine round trips, every dashboard of a GL paid them). A right is active when
 * it is not revoked and has no end or ends later than now; « expiring soon » ends within 30 days.
 * The ten latest grants are the latest of all the managed qualities together, as before.
 */
export async function loadManagedQualities(entityId: string, qualityIds: string[]) {
  const now = new Date();
  const soon = new Date(now.getTime() + 30 * 86_400_000);
  const active = Prisma.sql`g."entityId" = ${entityId}::uuid AND g."revokedAt" IS NULL AND (g."validUntil" IS NULL OR g."validUntil" > ${now})`;
  const rows = await db.$queryRaw<Row[]>`
    SELECT
      (SELECT coalesce(json_agg(json_build_object(
          'id', q.id, 'type', q.type, 'email', q.email, 'isActive', q."isActive",
          'technicalUser', (SELECT json_build_object('firstName', p."firstName", 'lastName', p."lastName", 'email', p.email)
             FROM "RoleAssignment" r JOIN "Person" p ON p.id = r."personId"
             WHERE r."qualityId" = q.id AND r."revokedAt" IS NULL AND r.role = 'TECHNICAL_USER' ORDER BY r."grantedAt", r.id LIMIT 1),
          'rightCounts', (SELECT coalesce(json_agg(json_build_object('rightCode', c."rightCode", 'count', c.n) ORDER BY c."rightCode"), '[]'::json)
             FROM (SELECT g."rightCode", count(*)::int AS n FROM "RightGrant" g WHERE ${active} AND g."qualityId" = q.id GROUP BY g."rightCode") c),
          'expiringSoon', (SELECT count(*)::int FROM "RightGrant" g
             WHERE ${active} AND g."qualityId" = q.id AND g."validUntil" > ${now} AND g."validUntil" <= ${soon}),
          'openReview', (SELECT json_build_object('qualityId', a."qualityId", 'deadline', ${ms("a.deadline")},
                'items', (SELECT count(*)::int FROM "AccessReviewItem" i WHERE i."reviewId" = a.id AND i.decision IS NULL))
             FROM "AccessReview" a WHERE a."entityId" = q."entityId" AND a."qualityId" = q.id AND a."closedAt" IS NULL
             ORDER BY a.deadline, a.id LIMIT 1)
        ) ORDER BY q.type), '[]'::json)
       FROM "Quality" q WHERE q."entityId" = ${entityId}::uuid AND q.id = ANY(${qualityIds}::uuid[])) AS qualities,
      (SELECT coalesce(json_agg(json_build_object('id', t.id, 'qualityId', t."qualityId", 'rightCode', t."rightCode",
                'grantedAt', t."grantedAt", 'validUntil', t."validUntil", 'firstName', t."firstName", 'lastName', t."lastName")
              ORDER BY t."grantedAt" DESC, t.id), '[]'::json)
       FROM (SELECT g.id, g."qualityId", g."rightCode", ${ms('g."grantedAt"')} AS "grantedAt", ${ms('g."validUntil"')} AS "validUntil",
                    p."firstName", p."lastName"
               FROM "RightGrant" g JOIN "Person" p ON p.id = g."personId"
              WHERE ${active} AND g."qualityId" = ANY(${qualityIds}::uuid[])
              ORDER BY g."grantedAt" DESC, g.id LIMIT 10) t) AS recent`;
  const { qualities, recent } = rows[0]!;
  return qualities.map((q) => ({
    id: q.id,
    type: q.type,
    email: q.email,
    isActive: q.isActive,
    technicalUser: q.technicalUser,
    rightCounts: q.rightCounts,
    expiringSoon: q.expiringSoon,
    recentGrants: recent
      .filter((g) => g.qualityId === q.id)
      .map((g) => ({
        id: g.id,
        rightCode: g.rightCode,
        grantedAt: new Date(g.grantedAt),
        validUntil: g.validUntil === null ? null : new Date(g.validUntil),
        person: { firstName: g.firstName, lastName: g.lastName },
      })),
    openReview: q.openReview && { qualityId: q.openReview.qualityId, deadline: new Date(q.openReview.deadline), _count: { items: q.openReview.items } },
  }));
}
