import "server-only";

import { toBrusselsDate } from "@/lib/c607/calendar-date";
import { db } from "@/lib/db/client";
import { mailWorkNotification } from "@/lib/outbox/notify-work";

// ONEM side (issue 12): a C60.7 request still open at ONEM whose deadline is tomorrow, or was
// yesterday, is mailed to the collaborator who took it — or, untaken, to every ONEM collaborator.
// Run by the daily cron slot (start-background.ts): the deadline is a date, so each request meets
// each of the two windows in exactly one slot; a slot missed while the portal was down is backfilled.

const DAY = 86_400_000;
const utcDay = (ymd: string, plusDays: number) => new Date(Date.parse(`${ymd}T00:00:00Z`) + plusDays * DAY);

export async function mailOnemDeadlines(slot: Date): Promise<number> {
  const today = toBrusselsDate(slot);
  const open = { status: { in: ["SENT" as const, "IN_PROGRESS" as const] } };
  const [near, passed] = await Promise.all([
    db.c607Request.findMany({ where: { ...open, deadline: utcDay(today, 1) }, select: { id: true, reference: true, takenById: true } }),
    db.c607Request.findMany({ where: { ...open, deadline: utcDay(today, -1) }, select: { id: true, reference: true, takenById: true } }),
  ]);
  if (near.length + passed.length === 0) return 0;
  const collaborators = await db.roleAssignment.findMany({
    where: { role: "ONEM_COLLABORATOR", revokedAt: null, isBlocked: false, entity: { kind: "ONEM" } },
    select: { personId: true, entityId: true },
  });
  let sent = 0;
  for (const [kind, requests] of [["c607_deadline_near", near] as const, ["c607_deadline_passed", passed] as const]) {
    for (const r of requests) {
      const to = r.takenById ? collaborators.filter((c) => c.personId === r.takenById) : collaborators;
      for (const entityId of new Set(to.map((c) => c.entityId))) {
        const recipientIds = to.filter((c) => c.entityId === entityId).map((c) => c.personId);
        sent += await db.$transaction((tx) => mailWorkNotification(tx, { kind, entityId, recipientIds, title: r.reference, path: `/c607/${r.id}` }));
      }
    }
  }
  return sent;
}
