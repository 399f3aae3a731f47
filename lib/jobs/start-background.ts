import "server-only";

import { parseDatabaseUrl } from "@/lib/db/database-url";
import { env } from "@/lib/env";
import { currentMailSettings } from "@/lib/mail/transport";
import type { MailSettings } from "@/lib/mail/settings";
import { startBackgroundWorker } from "@/lib/outbox/worker";

import { mailExpiringRights } from "./mail-expiring-rights";
import { mailOnemDeadlines } from "./mail-onem-deadlines";
import { runHourlyJobs, scheduleHourlyJobs } from "./run-hourly-jobs";
import { sendDailyDigests } from "./send-daily-digests";

// What each portal instance runs beside the web server (server.ts), docs/mail.md:
// - on PostgreSQL, one graphile-worker runner: the mail jobs, and the hourly jobs and the daily
//   digest as cron tasks, which the queue runs once per slot across every instance;
// - on the embedded database (PGlite: one connection, one process, a demonstration), no job
//   queue can run: the hourly jobs keep their timer, and mails stay in the outbox, shown by the
//   demo mailbox page (/courriels/demo).
export async function startBackground(o: { hourlyJobs: boolean }): Promise<void> {
  const target = parseDatabaseUrl(env().DATABASE_URL);
  const mail = readMailSettings();
  if (target.kind !== "postgres") {
    if (o.hourlyJobs) scheduleHourlyJobs();
    if (mail.configured)
      console.warn("Courriels : la base intégrée ne fait pas tourner la file d'envoi ; ils restent dans la boîte d'envoi (PostgreSQL requis pour envoyer).");
    return;
  }
  if (!mail.configured && !o.hourlyJobs) return; // nothing for a queue to run on this instance
  await startBackgroundWorker({
    connectionString: target.url,
    mail,
    extraTasks: {
      hourly_jobs: async () => {
        await runHourlyJobs();
      },
      mail_digest: async () => {
        await sendDailyDigests();
      },
      expiring_rights: async (payload) => {
        await mailExpiringRights(slotOf(payload));
      },
      onem_deadlines: async (payload) => {
        await mailOnemDeadlines(slotOf(payload));
      },
    },
    // 06:00 UTC: 7 or 8 o'clock in Brussels, before the working day.
    // The rights expiring are told just before the digest that may carry them; a missed slot
    // (the portal down at 06:00) is run when it comes back (fill=2d).
    extraCrontab: o.hourlyJobs
      ? [
          "0 * * * * hourly_jobs ?max=1",
          "55 5 * * * expiring_rights ?fill=2d&max=3",
          "50 5 * * * onem_deadlines ?fill=2d&max=3",
          "0 6 * * * mail_digest ?max=1",
        ]
      : [],
  });
  console.log(mail.configured ? `Courriels : envoi par ${mail.description}.` : "Courriels : SMTP non configuré, ils restent dans la boîte d'envoi.");
}

function readMailSettings(): MailSettings {
  if (env().PORTAL_MAIL_WORKER === "off") return { configured: false };
  try {
    return currentMailSettings();
  } catch (error) {
    // A wrong setting must not stop the portal: the mails wait in the outbox until it is fixed.
    console.error(`${(error as Error).message} Les courriels attendent dans la boîte d'envoi.`);
    return { configured: false };
  }
}

/** The time of the cron slot a job was made for (a backfilled slot keeps its own time). */
function slotOf(payload: unknown): Date {
  const ts = (payload as { _cron?: { ts?: string } } | null)?._cron?.ts;
  return ts ? new Date(ts) : new Date();
}
