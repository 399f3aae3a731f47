import "server-only";

import { db } from "@/lib/db/client";

import { SENDING_LEASE_MS } from "./deliver-mail";

/**
 * The mails that need a send job: pending ones, and those a dead worker left SENDING past its
 * lease. Run every minute by the queue (worker.ts), it catches every mail whose NOTIFY no instance
 * heard (no worker running when it was written, a dropped listening connection).
 */
export async function mailsToQueue(now = new Date(), limit = 500): Promise<string[]> {
  const rows = await db.outboxMail.findMany({
    where: { OR: [{ status: "PENDING" }, { status: "SENDING", lastAttemptAt: { lt: new Date(now.getTime() - SENDING_LEASE_MS) } }] },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
