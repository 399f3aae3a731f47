import "server-only";

import { verifyAndCheckpoint } from "@/lib/audit/chain-checkpoint";
import { fetchAllAcknowledgements } from "@/lib/batch/scheduled-acknowledgements";
import { remindSecondCalculationWindows } from "@/lib/c607/requests/remind-second-window";
import { remindRapportUnique } from "@/lib/rapport-unique/reminders";
import { db } from "@/lib/db/client";
import { purgeExpiredTransfers } from "@/lib/forem/fileexchange/partners";
import { reportUnexpectedError } from "@/lib/errors/report-error";
import { hitRateLimit } from "@/lib/security/rate-limit";

/**
 * Hourly housekeeping, started by server.ts: the inbox reminders of second-calculation windows
 * that opened (issue 4) for every centre, the purge of FileExchange files past their sending
 * centre's retention period (issue 5), and the sweep of expired rate-limit counters. With
 * several instances, the first to take the round's lease (an atomic counter in PostgreSQL, as for
 * rate limits) runs it; the others skip.
 */
export async function runHourlyJobs(now = new Date()): Promise<{ ran: boolean; reminders: number; purgedFiles: number }> {
  const lease = await hitRateLimit("jobs:hourly", { limit: 1, windowSeconds: 50 * 60 });
  if (!lease.allowed) return { ran: false, reminders: 0, purgedFiles: 0 };
  const centres = await db.entity.findMany({ where: { kind: "CPAS" }, select: { id: true } });
  let reminders = 0;
  for (const c of centres) reminders += await remindSecondCalculationWindows({ entityId: c.id, now });
  // Rapport unique (issue 10): deadline near, signature waiting — all centres in a fixed number of queries.
  reminders += await remindRapportUnique(now);
  const purgedFiles = await purgeExpiredTransfers(now);
  // Batch channel (issue 14): new ACRF/NOTI of every channel the portal deposits on; failures are recorded per channel, never thrown.
  await fetchAllAcknowledgements().catch((e: unknown) => reportUnexpectedError(e, "relevé des accusés du canal batch"));
  await db.rateLimitBucket.deleteMany({ where: { expiresAt: { lt: now } } });
  // Issue 15: every audit chain verified from its first event, and how far each is intact recorded
  // for the security log, which verifies only what follows (a broken chain is reported there).
  await verifyAndCheckpoint(db).catch((e: unknown) => reportUnexpectedError(e, "vérification des chaînes d'audit"));
  return { ran: true, reminders, purgedFiles };
}

export function scheduleHourlyJobs(): void {
  const run = () =>
    void runHourlyJobs().catch((e: unknown) => {
      reportUnexpectedError(e, "tâches horaires");
    });
  setTimeout(run, 30_000).unref();
  setInterval(run, 3_600_000).unref();
}
