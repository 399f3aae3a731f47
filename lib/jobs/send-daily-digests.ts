import "server-only";

import { db } from "@/lib/db/client";
import { enqueueMail } from "@/lib/outbox/enqueue-mail";

/**
 * The daily digest (issue 12): for each person with notifications held back, one mail listing
 * them, written to the outbox in the same transaction that marks them digested — a digest is
 * never sent twice, nor an item lost. Run by the queue's cron once a day (start-background.ts).
 */
export async function sendDailyDigests(now = new Date()): Promise<number> {
  const waiting = await db.mailDigestItem.groupBy({ by: ["personId"], where: { digestedAt: null } });
  let sent = 0;
  for (const { personId } of waiting) {
    sent += await db.$transaction(async (tx) => {
      const person = await tx.person.findUnique({ where: { id: personId }, select: { email: true, firstName: true, entityId: true, status: true } });
      const items = await tx.mailDigestItem.findMany({ where: { personId, digestedAt: null }, orderBy: { createdAt: "asc" }, take: 100 });
      const claimed = await tx.mailDigestItem.updateMany({ where: { id: { in: items.map((i) => i.id) }, digestedAt: null }, data: { digestedAt: now } });
      // Another run took some meanwhile: roll back, the next run sends them all.
      if (claimed.count !== items.length) throw new Error("résumé quotidien : éléments pris par une autre exécution");
      if (!person || person.status !== "ACTIVE" || items.length === 0) return 0;
      await enqueueMail(tx, {
        kind: "digest",
        to: person.email,
        entityId: person.entityId,
        personId,
        data: {
          firstName: person.firstName,
          // The template names each item's kind in the recipient's language (issue 13).
          items: items.map((i) => ({ title: i.title, path: i.path, kind: i.kind })),
        },
      });
      return 1;
    });
  }
  return sent;
}
