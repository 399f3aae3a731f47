import "server-only";

import type { Actor } from "@/lib/access/actor";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

import { inboxAudiences } from "./list-inbox";

/**
 * What the portal's frame needs on every page besides the actor, in ONE statement (issue 15: it was
 * three round trips on every page — the usage policy, its acceptance, the unread count):
 * - `policyPending`: the centre has a usage policy and the actor has not accepted its latest
 *   version (seed 002: accepted before any portal page, each new version too);
 * - `unread`: the unread messages the actor may read (list-inbox.ts's rule: addressed to them, to
 *   everyone in the centre, or to an audience whose application they can use); 0 when
 *   `withUnread` is false (no « Messages » in their navigation).
 */
export async function loadPortalFrame(actor: Actor, o: { withUnread: boolean }): Promise<{ policyPending: boolean; unread: number }> {
  const unread = o.withUnread
    ? Prisma.sql`(SELECT count(*)::int FROM "Notification" n
         WHERE n."entityId" = ${actor.entityId}::uuid AND n."readAt" IS NULL
           AND (n."personId" = ${actor.personId}::uuid
                OR (n."personId" IS NULL AND (n.audience IS NULL OR n.audience = ANY(${inboxAudiences(actor)}::text[])))))`
    : Prisma.sql`0`;
  const rows = await db.$queryRaw<{ policyPending: boolean; unread: number }[]>`
    SELECT
      EXISTS (SELECT 1 FROM (SELECT u.id FROM "UsagePolicy" u WHERE u."entityId" = ${actor.entityId}::uuid ORDER BY u.version DESC LIMIT 1) cur
              WHERE NOT EXISTS (SELECT 1 FROM "UsagePolicyAcceptance" a WHERE a."policyId" = cur.id AND a."personId" = ${actor.personId}::uuid))
        AS "policyPending",
      ${unread} AS unread`;
  return rows[0]!;
}
