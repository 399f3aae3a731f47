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
    figures: { rightCounts: { rightCode: string; count: number }[]; expiringSoon: number };
    openReview: { qualityId: string; deadline: number; items: number } | null;
  }[];
  recent: { id: string; qualityId: string; rightCode: string; grantedAt: number; validUntil: number | null; firstName: string; lastName: string }[];
};

const ms = (col: string) => Prisma.raw(`(extract(epoch from ${col}) * 1000)::float8`);

/**
 * GL/co-GL view of their qualities: figures, not lists, so the page stays light at 5,000 users.
 * ONE statement whatever the number of qualities and users (issue 15: Prisma's nested selections
 * and group-bys took nine round trips, every dashboard of a GL paid them). The quality's active
 * rights are counted from one index (RightGrant_active_quality_code_idx); the ten latest grants are
 * taken per quality in index order (RightGrant_active_quality_grantedAt_idx), then their people are
 * joined (joining first read 5,000 people for ten). A right is active when
 * it is not revoked and has no end or ends later than now; « expiring soon » ends within 30 days.
 * The ten latest grants are the latest of all the managed qualities together, as before.
 */
export async function loadManagedQualities(entityId: string, qualityIds: string[]) {
  // As UTC text cast to `timestamp` (the columns hold UTC; a zone in the text is ignored), so the
  // comparison never depends on the database session's time zone.
  const at = new Date();
  const now = Prisma.sql`${at.toISOString()}::timestamp`;
  const soon = Prisma.sql`${new Date(at.getTime() + 30 * 86_400_000).toISOString()}::timestamp`;
  const active = Prisma.sql`g."entityId" = ${entityId}::uuid AND g."revokedAt" IS NULL AND (g."validUntil" IS NULL OR g."validUntil" > ${now})`;
  const rows = await db.$queryRaw<Row[]>`
    SELECT
      (SELECT coalesce(json_agg(json_build_object(
          'id', q.id, 'type', q.type, 'email', q.email, 'isActive', q."isActive",
          'technicalUser', (SELECT json_build_object('firstName', p."firstName", 'lastName', p."lastName", 'email', p.email)
             FROM "RoleAssignment" r JOIN "Person" p ON p.id = r."personId"
             WHERE r."qualityId" = q.id AND r."revokedAt" IS NULL AND r.role = 'TECHNICAL_USER' ORDER BY r."grantedAt", r.id LIMIT 1),
          'figures', (SELECT json_build_object(
                'rightCounts', coalesce(json_agg(json_build_object('rightCode', c."rightCode", 'count', c.n) ORDER BY c."rightCode"), '[]'::json),
                'expiringSoon', coalesce(sum(c.soon), 0)::int)
             FROM (SELECT g."rightCode", count(*)::int AS n, count(*) FILTER (WHERE g."validUntil" > ${now} AND g."validUntil" <= ${soon})::int AS soon
                     FROM "RightGrant" g WHERE ${active} AND g."qualityId" = q.id GROUP BY g."rightCode") c),
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
               FROM (SELECT g.* FROM unnest(${qualityIds}::uuid[]) AS m(id)
                       CROSS JOIN LATERAL (SELECT g.* FROM "RightGrant" g WHERE ${active} AND g."qualityId" = m.id
                                             ORDER BY g."grantedAt" DESC, g.id LIMIT 10) g
                      ORDER BY g."grantedAt" DESC, g.id LIMIT 10) g
               JOIN "Person" p ON p.id = g."personId") t) AS recent`;
  const { qualities, recent } = rows[0]!;
  return qualities.map((q) => ({
    id: q.id,
    type: q.type,
    email: q.email,
    isActive: q.isActive,
    technicalUser: q.technicalUser,
    rightCounts: q.figures.rightCounts,
    expiringSoon: q.figures.expiringSoon,
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
