import "server-only";

import { db } from "@/lib/db/client";
import { mailWorkNotification } from "@/lib/outbox/notify-work";

// Managers are told when a right they manage ends in NOTICE_DAYS (issue 12), once per right: the
// daily cron slot `slot` (06:00 UTC, backfilled by the queue if the portal was down then) takes the
// rights whose end falls in the one-day window NOTICE_DAYS after it, so each falls in exactly one slot.

export const NOTICE_DAYS = 14;
const DAY = 86_400_000;
const dayFr = new Intl.DateTimeFormat("fr-BE", { dateStyle: "long", timeZone: "Europe/Brussels" });

export async function mailExpiringRights(slot: Date): Promise<number> {
  const from = new Date(slot.getTime() + NOTICE_DAYS * DAY);
  const grants = await db.rightGrant.findMany({
    where: { revokedAt: null, validUntil: { gte: from, lt: new Date(from.getTime() + DAY) }, person: { status: "ACTIVE" } },
    select: {
      entityId: true,
      qualityId: true,
      personId: true,
      validUntil: true,
      right: { select: { name: true } },
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
    const title = `« ${g.right.name} » de ${g.person.firstName} ${g.person.lastName}, jusqu'au ${dayFr.format(g.validUntil!)}`;
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
