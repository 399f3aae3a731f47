import "server-only";

import { Logger, run, type Runner, type TaskList } from "graphile-worker";
import nodemailer from "nodemailer";
import pg from "pg";

import { reportUnexpectedError } from "@/lib/errors/report-error";
import type { MailSettings } from "@/lib/mail/settings";

import { deliverOutboxMail } from "./deliver-mail";
import { OUTBOX_CHANNEL } from "./enqueue-mail";
import { mailsToQueue } from "./outbox-sweep";

// The background worker on PostgreSQL (issue 12): graphile-worker, a maintained job queue in the
// portal's own database. Every instance runs one; the queue hands each job to one of them.
// - send_mail {id}: one job per outbox row (job key mail:<id>, added once); the queue retries it
//   with its exponential backoff (e^attempt seconds, capped at e^10 ≈ 6 h) for MAIL_MAX_ATTEMPTS
//   attempts (about 16 hours of outage) before the row is recorded as failed;
// - outbox_sweep, every minute (the queue's cron runs it once per minute across all instances):
//   adds the job of any mail still pending, and of one whose worker died mid-send;
// - the tasks of `extraTasks`/`crontab` (the hourly jobs, the daily digest: lib/jobs).
// A NOTIFY on OUTBOX_CHANNEL (enqueue-mail.ts, sent at commit) adds the job at once.

export const MAIL_MAX_ATTEMPTS = 12;

type Configured = Extract<MailSettings, { configured: true }>;

export type BackgroundWorker = { runner: Runner; stop(): Promise<void> };

export async function startBackgroundWorker(o: {
  connectionString: string;
  mail: MailSettings;
  extraTasks?: TaskList;
  extraCrontab?: string[];
  concurrency?: number;
  pollInterval?: number;
}): Promise<BackgroundWorker> {
  const tasks: TaskList = { ...o.extraTasks };
  const crontab = [...(o.extraCrontab ?? [])];
  if (o.mail.configured) {
    const sender = { settings: o.mail, transporter: nodemailer.createTransport(o.mail.transport) };
    Object.assign(tasks, mailTasks(sender));
    crontab.push("* * * * * outbox_sweep ?max=1");
  }
  const runner = await run({
    connectionString: o.connectionString,
    concurrency: o.concurrency ?? 4,
    noHandleSignals: true,
    pollInterval: o.pollInterval ?? 2_000,
    taskList: tasks,
    crontab: crontab.join("\n"),
    logger: quietLogger,
  });
  const listener = o.mail.configured ? await listen(o.connectionString, runner) : null;
  return {
    runner,
    async stop() {
      await listener?.end().catch(() => undefined);
      await runner.stop();
    },
  };
}

function mailTasks(sender: { settings: Configured; transporter: nodemailer.Transporter }): TaskList {
  return {
    send_mail: async (payload, helpers) => {
      const id = (payload as { id?: unknown }).id;
      if (typeof id !== "string") return;
      const result = await deliverOutboxMail(id, sender as never, { isLastAttempt: helpers.job.attempts >= helpers.job.max_attempts });
      // Thrown, the queue schedules the next attempt with its backoff; the row stays pending.
      if (result === "retry") throw new Error("envoi reporté : serveur SMTP indisponible ou refus temporaire");
    },
    outbox_sweep: async (_payload, helpers) => {
      for (const id of await mailsToQueue()) await helpers.addJob("send_mail", { id }, mailJobSpec(id));
    },
  };
}

/** unsafe_dedupe: a mail already queued (even waiting for its next attempt) is not queued again. */
export const mailJobSpec = (id: string) => ({ jobKey: `mail:${id}`, jobKeyMode: "unsafe_dedupe" as const, maxAttempts: MAIL_MAX_ATTEMPTS });

/** LISTEN for new mails; on a lost connection, listen again (the sweep covers the gap). */
async function listen(connectionString: string, runner: Runner): Promise<{ end(): Promise<void> }> {
  let client: pg.Client | null = null;
  let isStopped = false;
  const connect = async () => {
    const c = new pg.Client({ connectionString });
    c.on("notification", (n) => {
      if (n.channel === OUTBOX_CHANNEL && n.payload)
        void runner
          .addJob("send_mail", { id: n.payload }, mailJobSpec(n.payload))
          .catch((e: unknown) => reportUnexpectedError(e, "file d'envoi des courriels"));
    });
    c.on("error", () => {
      client = null;
      retry();
    });
    await c.connect();
    await c.query(`LISTEN ${OUTBOX_CHANNEL}`);
    client = c;
  };
  const retry = () => {
    if (!isStopped) setTimeout(() => void connect().catch(retry), 5_000).unref();
  };
  await connect();
  return {
    async end() {
      isStopped = true;
      await client?.end();
    },
  };
}

// The queue's own messages: warnings and errors only, without job payloads (an id, no address).
const quietLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.warn(`[file de tâches] ${message}`);
});
