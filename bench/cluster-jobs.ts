import { db } from "@/lib/db/client";

import { SECOND_WINDOW_DUE } from "./cluster-fixture";

// "Jobs run once" (issue 15, goal 4), read from the database after the two-instance run:
// - the daily slots of `onem_deadlines` that both instances backfill at the same start (the queue's
//   own cron: one job per slot across instances), counted as the digest rows they leave;
// - one hourly round for which two jobs were queued at the same moment (as if both instances had
//   scheduled it): the lease of runHourlyJobs lets one run;
// - every mail of the outbox sent once: the SMTP server received each Message-ID once.

const DAY = 86_400_000;
const DAILY_SLOT = { hour: 5, minute: 50 }; // "50 5 * * * onem_deadlines ?fill=2d" (lib/jobs/start-background.ts)
const BACKFILL_MS = 2 * DAY;

/** Makes the queue believe onem_deadlines last ran 3 days ago: the next instances to start backfill the last 2 days' slots. */
export async function backdateDailySlots(): Promise<void> {
  await db.$executeRawUnsafe(`
    INSERT INTO graphile_worker._private_known_crontabs (identifier, known_since, last_execution)
    VALUES ('onem_deadlines', now() - interval '3 days', now() - interval '3 days')
    ON CONFLICT (identifier) DO UPDATE SET known_since = excluded.known_since, last_execution = excluded.last_execution`);
}

/** The 05:50 UTC slots in (start − 2 days, start]: what a start at `start` backfills. */
export function backfilledSlots(start: Date): Date[] {
  const slots: Date[] = [];
  for (let d = -3; d <= 0; d++) {
    const day = new Date(start.getTime() + d * DAY);
    const slot = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), DAILY_SLOT.hour, DAILY_SLOT.minute));
    if (slot.getTime() > start.getTime() - BACKFILL_MS && slot.getTime() <= start.getTime()) slots.push(slot);
  }
  return slots;
}

const ymd = (d: Date) => d.toISOString().slice(0, 10);
const plusDays = (d: Date, n: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + n));

/** Rows one run of each slot must leave: the open requests due the day after (near) or the day before (passed). */
async function expectedDeadlineRows(slots: Date[]): Promise<number> {
  let n = 0;
  for (const s of slots) {
    for (const d of [plusDays(s, 1), plusDays(s, -1)]) {
      const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM "C607Request" WHERE status IN ('SENT', 'IN_PROGRESS') AND deadline = $1::date`,
        ymd(d),
      );
      n += Number(row!.n);
    }
  }
  return n;
}

/** Two jobs of the hourly round at the same moment, from two connections. */
export async function queueHourlyRoundTwice(): Promise<void> {
  await Promise.all([1, 2].map(() => db.$executeRawUnsafe(`SELECT graphile_worker.add_job('hourly_jobs', '{}'::json, max_attempts => 1)`)));
}

/** Until the queue holds no job and the outbox no pending mail (or `timeoutMs`). */
export async function waitForQuiet(timeoutMs: number): Promise<{ jobs: number; pendingMails: number }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await db.$queryRawUnsafe<{ jobs: bigint }[]>(`SELECT count(*) AS jobs FROM graphile_worker.jobs WHERE task_identifier <> 'outbox_sweep'`);
    const pendingMails = await db.outboxMail.count({ where: { status: "PENDING" } });
    const jobs = Number(row!.jobs);
    if ((jobs === 0 && pendingMails === 0) || Date.now() > deadline) return { jobs, pendingMails };
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

export type Check = { name: string; expected: number; actual: number; ok: boolean; detail?: string };

export async function checkJobsRanOnce(o: {
  onemPersonId: string;
  instancesStartedAt: Date;
  benchMails: number;
  receivedMessageIds: string[];
}): Promise<Check[]> {
  const checks: Check[] = [];
  const check = (name: string, expected: number, actual: number, detail?: string) => checks.push({ name, expected, actual, ok: expected === actual, detail });

  const slots = backfilledSlots(o.instancesStartedAt);
  const digest = await db.mailDigestItem.groupBy({
    by: ["kind", "title"],
    where: { personId: o.onemPersonId, kind: { in: ["c607_deadline_near", "c607_deadline_passed"] } },
    _count: { _all: true },
  });
  const rows = digest.reduce((n, g) => n + g._count._all, 0);
  check(
    `onem_deadlines : créneaux quotidiens rattrapés (${slots.map((s) => s.toISOString().slice(0, 16)).join(", ")}) — lignes du résumé`,
    await expectedDeadlineRows(slots),
    rows,
  );
  check("onem_deadlines : demandes notées deux fois", 0, digest.filter((g) => g._count._all > 1).length);

  const reminders = await db.notification.groupBy({ by: ["link"], where: { kind: "c607.second_window" }, _count: { _all: true } });
  check("hourly_jobs : rappels « second calcul » (un par contrat)", SECOND_WINDOW_DUE, reminders.length);
  check("hourly_jobs : rappels en double", 0, reminders.filter((g) => g._count._all > 1).length);
  // Two queued jobs, plus the queue's own slot if the run crossed the top of an hour: one round.
  const lease = await db.rateLimitBucket.findUnique({ where: { key: "jobs:hourly" }, select: { count: true } });
  const attempts = lease?.count ?? 0;
  checks.push({
    name: "hourly_jobs : tentatives de prendre le bail (au moins les 2 tâches ; une seule tournée l'obtient)",
    expected: 2,
    actual: attempts,
    ok: attempts >= 2,
  });

  const secondWindowMails = await db.outboxMail.count({ where: { kind: "c607_second_window" } });
  check("hourly_jobs : courriels « second calcul » (un par contrat)", SECOND_WINDOW_DUE, secondWindowMails);
  const benchMails = await db.outboxMail.count({ where: { kind: "fileexchange_received" } });
  check("boîte d'envoi : courriels déposés pendant la mesure", o.benchMails, benchMails);

  const outbox = await db.outboxMail.findMany({ select: { status: true, messageId: true } });
  const sent = outbox.filter((m) => m.status === "SENT");
  check("boîte d'envoi : courriels envoyés (tous)", outbox.length, sent.length);
  const received = new Map<string, number>();
  for (const id of o.receivedMessageIds) received.set(id, (received.get(id) ?? 0) + 1);
  check("SMTP : messages reçus (un par courriel envoyé)", sent.length, o.receivedMessageIds.length);
  check("SMTP : Message-ID reçus plus d'une fois", 0, [...received.values()].filter((n) => n > 1).length);
  check("SMTP : courriels envoyés jamais reçus", 0, sent.filter((m) => !m.messageId || !received.has(m.messageId)).length);
  return checks;
}
