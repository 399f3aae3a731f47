import "server-only";

import { addDays, toBrusselsDate } from "@/lib/c607/calendar-date";
import { db } from "@/lib/db/client";
import { AppError, forbidden } from "@/lib/errors/app-error";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DerogationStatus } from "@/lib/generated/prisma/enums";
import { msg } from "@/lib/i18n/message-ref";

import { PAGE_SIZE } from "./config";
import { type C607Context, sideOf } from "./context";
import { decodeCursor, encodeCursor, TOTAL_CAP } from "./queue-cursor";
import type { TQueueFilter } from "./schemas";
import type { C607StatusCode } from "./transitions";

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const WAITING_FOR_ONEM: C607StatusCode[] = ["SENT", "IN_PROGRESS"];

export type Urgency = "OVERDUE" | "TODAY" | null;

/** Overdue and due-today only matter while ONEM still owes an answer. */
export function urgencyOf(o: { status: string; deadline: string | null; today: string }): Urgency {
  if (!o.deadline || !WAITING_FOR_ONEM.includes(o.status as C607StatusCode)) return null;
  if (o.deadline < o.today) return "OVERDUE";
  return o.deadline === o.today ? "TODAY" : null;
}

/**
 * Statuses written as SQL literals, never as parameters: Prisma sends an enum as
 * `CAST($1::text AS "C607Status")`, which PostgreSQL does not fold when it plans the statement, so
 * it could not match the partial indexes' `WHERE status …` (the overdue view walked the queue's
 * index and dropped 75,000 rows: docs/benchmarks-issue15-pages.md, section 4). A fixed table of
 * literals: no user text ever reaches the SQL.
 */
const STATUS_SQL: Record<C607StatusCode, Prisma.Sql> = {
  DRAFT: Prisma.sql`'DRAFT'`,
  SENT: Prisma.sql`'SENT'`,
  IN_PROGRESS: Prisma.sql`'IN_PROGRESS'`,
  COMPLEMENT_REQUESTED: Prisma.sql`'COMPLEMENT_REQUESTED'`,
  CALCULATED: Prisma.sql`'CALCULATED'`,
  REFUSED: Prisma.sql`'REFUSED'`,
};
const statusSql = (s: string): Prisma.Sql => {
  const literal = STATUS_SQL[s as C607StatusCode];
  if (!literal) throw new Error(`Unknown C60.7 status ${s.slice(0, 40)}`);
  return literal;
};

type PageRow = {
  id: string;
  reference: string;
  entityId: string;
  centreName: string;
  workerFirstName: string;
  workerLastName: string;
  status: string;
  deadline: Date | null;
  sentAt: Date | null;
  createdAt: Date;
  isSecondCalculation: boolean;
  derogationStatus: string | null;
};

/**
 * The CPAS list (own centre only, newest first) and the ONEM queue (every centre, by deadline then
 * receipt), filtered by status, centre and deadline. Two statements whatever the number of
 * requests: the page's rows (with the worker's and the centre's names) and the capped count.
 *
 * Pages: the first; a cursor's next or previous page (keyset on the list's order, queue-cursor.ts);
 * or a page number up to MAX_PAGE (OFFSET, for the API's existing clients). Each reads one row more
 * than it shows to know whether another page follows. A cursor of the other list is refused (400).
 */
export async function listRequests({ ctx, filter, now = new Date() }: { ctx: C607Context; filter: TQueueFilter; now?: Date }) {
  const side = sideOf(ctx.actor);
  const today = toBrusselsDate(now);
  const where: Prisma.Sql[] = [];
  // The status condition: ONEM sees what was sent to it, never the CPAS's drafts; a status filter
  // replaces it; a deadline filter without a status keeps what ONEM still owes an answer to.
  let status: Prisma.Sql | null = null;
  if (side === "CPAS") where.push(Prisma.sql`r."entityId" = ${ctx.actor.entityId}::uuid`);
  else {
    if (filter.entityId) where.push(Prisma.sql`r."entityId" = ${filter.entityId}::uuid`);
    status = Prisma.sql`r.status <> ${STATUS_SQL.DRAFT}`;
  }
  if (filter.status) {
    if (side === "ONEM" && filter.status === "DRAFT") throw forbidden();
    status = Prisma.sql`r.status = ${statusSql(filter.status)}`;
  }
  if (filter.deadline) {
    where.push(
      filter.deadline === "OVERDUE"
        ? Prisma.sql`r.deadline < ${today}::date`
        : filter.deadline === "TODAY"
          ? Prisma.sql`r.deadline = ${today}::date`
          : Prisma.sql`r.deadline <= ${addDays({ date: today, days: 7 })}::date`,
    );
    if (!filter.status) status = Prisma.sql`r.status IN (${Prisma.join(WAITING_FOR_ONEM.map(statusSql))})`;
  }
  if (status) where.push(status);
  const whereSql = where.length > 0 ? Prisma.join(where, " AND ") : Prisma.sql`TRUE`;

  const cursor = filter.cursor === undefined ? null : decodeCursor(filter.cursor);
  if (filter.cursor !== undefined && (cursor === null || cursor.list !== (side === "ONEM" ? "q" : "c"))) {
    throw new AppError("BAD_REQUEST", msg("c607.validation.cursor"), { cursor: [msg("c607.validation.cursor")] });
  }
  const backwards = cursor?.dir === "p";
  // Ascending is the list's order; `backwards` reads it in reverse from the cursor (previous page).
  const order = (reverse: boolean) =>
    side === "ONEM"
      ? reverse
        ? Prisma.sql`r.deadline DESC NULLS FIRST, r."sentAt" DESC, r.id DESC`
        : Prisma.sql`r.deadline ASC NULLS LAST, r."sentAt" ASC, r.id ASC`
      : reverse
        ? Prisma.sql`r."createdAt" ASC, r.id ASC`
        : Prisma.sql`r."createdAt" DESC, r.id DESC`;
  let from = Prisma.sql`TRUE`;
  if (cursor?.list === "q") {
    const at = Prisma.sql`(${cursor.deadline}::date, ${cursor.sentAt.toISOString()}::timestamp, ${cursor.id}::uuid)`;
    from = backwards ? Prisma.sql`(r.deadline, r."sentAt", r.id) < ${at}` : Prisma.sql`(r.deadline, r."sentAt", r.id) > ${at}`;
  } else if (cursor?.list === "c") {
    const at = Prisma.sql`(${cursor.createdAt.toISOString()}::timestamp, ${cursor.id}::uuid)`;
    from = backwards ? Prisma.sql`(r."createdAt", r.id) > ${at}` : Prisma.sql`(r."createdAt", r.id) < ${at}`;
  }
  const page = cursor ? null : (filter.page ?? 1);
  const offset = page === null ? 0 : (page - 1) * PAGE_SIZE;

  const [rows, [counted]] = await Promise.all([
    db.$queryRaw<PageRow[]>`
      SELECT r.id, r.reference, r."entityId", e.name AS "centreName", w."firstName" AS "workerFirstName",
             w."lastName" AS "workerLastName", r.status::text AS status, r.deadline, r."sentAt", r."createdAt",
             r."isSecondCalculation", r."derogationStatus"::text AS "derogationStatus"
      FROM (SELECT r.id FROM "C607Request" r WHERE ${whereSql} AND ${from} ORDER BY ${order(backwards)}
            LIMIT ${PAGE_SIZE + 1} OFFSET ${offset}) p
      JOIN "C607Request" r ON r.id = p.id
      JOIN "Worker" w ON w.id = r."workerId"
      JOIN "Entity" e ON e.id = r."entityId"
      ORDER BY ${order(false)}`,
    db.$queryRaw<{ counted: number }[]>`
      SELECT count(*)::int AS counted FROM (SELECT 1 FROM "C607Request" r WHERE ${whereSql} LIMIT ${TOTAL_CAP + 1}) capped`,
  ]);
  // The extra row read tells whether a page lies beyond this one in the reading direction.
  const more = rows.length > PAGE_SIZE;
  const shown = more ? (backwards ? rows.slice(1) : rows.slice(0, PAGE_SIZE)) : rows;
  const positionOf = (r: PageRow, dir: "n" | "p"): string | null =>
    side === "ONEM"
      ? r.deadline && r.sentAt
        ? encodeCursor({ list: "q", dir, deadline: iso(r.deadline)!, sentAt: r.sentAt, id: r.id })
        : null
      : encodeCursor({ list: "c", dir, createdAt: r.createdAt, id: r.id });
  const first = shown[0];
  const last = shown.at(-1);
  const hasNext = backwards ? shown.length > 0 : more;
  const hasPrevious = backwards ? more : cursor !== null || offset > 0;
  const total = Math.min(counted?.counted ?? 0, TOTAL_CAP);
  return {
    side,
    today,
    /** The page's number when reached by number (or the first page); null when reached by a cursor. */
    page: backwards && !more ? 1 : page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    /** Exact up to TOTAL_CAP; when `totalCapped`, there are more than TOTAL_CAP requests. */
    total,
    totalCapped: (counted?.counted ?? 0) > TOTAL_CAP,
    nextCursor: hasNext && last ? positionOf(last, "n") : null,
    previousCursor: hasPrevious && first && !(backwards && !more) ? positionOf(first, "p") : null,
    items: shown.map((r) => ({
      id: r.id,
      reference: r.reference,
      centre: { id: r.entityId, name: r.centreName },
      worker: `${r.workerLastName} ${r.workerFirstName}`,
      status: r.status as C607StatusCode,
      deadline: iso(r.deadline),
      sentAt: r.sentAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      isSecondCalculation: r.isSecondCalculation,
      derogationStatus: r.derogationStatus as DerogationStatus | null,
      urgency: urgencyOf({
        status: r.status,
        deadline: iso(r.deadline),
        today,
      }),
    })),
  };
}
