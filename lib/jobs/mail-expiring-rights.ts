import "server-only";

import { rightNameKey, type RightCode } from "@/lib/access/catalogue";
import { db } from "@/lib/db/client";
import { msg } from "@/lib/i18n/message-ref";
import { mailWorkNotification } from "@/lib/outbox/notify-work";

// Managers are told when a right they manage ends in NOTICE_DAYS (issue 12), once per right: the
// daily cron slot `slot` (06:00 UTC, backfilled by the queue if the portal was down then) takes the
// rights whose end falls in the one-day window NOTICE_DAYS after it, so each falls in exactly one slot.

export const NOTICE_DAYS = 14;
const DAY = 86_400_000;

export async function mailExpiringRights(slot: Date): Promise<number> {
  const from = new Date(slot.getTime() + NOTICE_DAYS * DAY);
  const grants = await db.rightGrant.findMany({
    where: { revokedAt: null, validUntil: { gte: from, lt: new Date(from.getTime() + DAY) }, person: { status: "ACTIVE" } },
    select: {
      entityId: true,
      qualityId: true,
      personId: true,
      validUntil: true,
      rightCode: true,
      person: { select: { firstName: true, lastName: true } },
    },
  });
  let sent = 0;
  for (const g of grants) {
    // The quality's GL and co-GL (seed 003: they manage its users' rights), not the holder.
    const managers = await db.roleAssignment.findMany({
      where: { qualityId: g.qualityId, role: { in: ["GL", "CO_GL"] }, revokedAt: null, isBlocked: false, subdivisionId: null, personId: { not: g.personId } },
      select: { personId: true },
    });
    // A message reference: each manager's mail names the right and the date in their own language (issue 13).
    const title = msg("mail.work.rightExpiringTitle", {
      right: msg(rightNameKey(g.rightCode as RightCode)),
      name: `${g.person.firstName} ${g.person.lastName}`,
      until: g.validUntil!.getTime(),
    });
    sent += await db.$transaction((tx) =>
      mailWorkNotification(tx, {
        kind: "right_expiring",
        entityId: g.entityId,
        recipientIds: managers.map((m) => m.personId),
        title,
        path: `/gestion/qualites/${g.qualityId}`,
      }),
    );
  }
  return sent;
}
