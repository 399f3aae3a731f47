import "server-only";

import { addDays, toBrusselsDate } from "@/lib/c607/calendar-date";
import { db } from "@/lib/db/client";
import { forbidden } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";

import { PAGE_SIZE } from "./config";
import { type C607Context, sideOf } from "./context";
import type { TQueueFilter } from "./schemas";
import type { C607StatusCode } from "./transitions";

const day = (v: string) => new Date(`${v}T00:00:00Z`);
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
 * The CPAS list (own centre only) and the ONEM queue (every centre), filtered by status, centre and
 * deadline. Three queries whatever the number of requests (rows, count, centre names).
 */
export async function listRequests({ ctx, filter, now = new Date() }: { ctx: C607Context; filter: TQueueFilter; now?: Date }) {
  const side = sideOf(ctx.actor);
  const today = toBrusselsDate(now);
  const where: Prisma.C607RequestWhereInput = {};
  if (side === "CPAS") where.entityId = ctx.actor.entityId;
  else {
    if (filter.entityId) where.entityId = filter.entityId;
    // ONEM sees what was sent to it, never the CPAS's drafts.
    where.status = { not: "DRAFT" };
  }
  if (filter.status) {
    if (side === "ONEM" && filter.status === "DRAFT") throw forbidden();
    where.status = filter.status;
  }
  if (filter.deadline) {
    const deadline =
      filter.deadline === "OVERDUE"
        ? { lt: day(today) }
        : filter.deadline === "TODAY"
          ? { equals: day(today) }
          : { lte: day(addDays({ date: today, days: 7 })) };
    where.deadline = deadline;
    if (!filter.status) where.status = { in: WAITING_FOR_ONEM };
  }
  const page = filter.page ?? 1;
  const orderBy: Prisma.C607RequestOrderByWithRelationInput[] =
    side === "ONEM" ? [{ deadline: { sort: "asc", nulls: "last" } }, { sentAt: "asc" }] : [{ createdAt: "desc" }];
  const [rows, total] = await Promise.all([
    db.c607Request.findMany({
      where,
      orderBy,
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        reference: true,
        entityId: true,
        status: true,
        deadline: true,
        sentAt: true,
        createdAt: true,
        isSecondCalculation: true,
        derogationStatus: true,
        worker: { select: { firstName: true, lastName: true } },
      },
    }),
    db.c607Request.count({ where }),
  ]);
  const entityIds = [...new Set(rows.map((r) => r.entityId))];
  const centres = await db.entity.findMany({
    where: { id: { in: entityIds } },
    select: { id: true, name: true },
  });
  const centreName = new Map(centres.map((c) => [c.id, c.name]));
  return {
    side,
    today,
    page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    total,
    items: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      centre: { id: r.entityId, name: centreName.get(r.entityId) ?? "" },
      worker: `${r.worker.lastName} ${r.worker.firstName}`,
      status: r.status as C607StatusCode,
      deadline: iso(r.deadline),
      sentAt: r.sentAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      isSecondCalculation: r.isSecondCalculation,
      derogationStatus: r.derogationStatus,
      urgency: urgencyOf({
        status: r.status,
        deadline: iso(r.deadline),
        today,
      }),
    })),
  };
}

/**
 * Centres that sent something, for the queue's filter (ONEM only). One query: for each centre, an
 * index probe on the requests' entityId that stops at its first request that is not a draft — not
 * a scan of every request of the country (issue 15; plan in docs/benchmarks.md).
 */
export async function listSendingCentres({ ctx }: { ctx: C607Context }) {
  if (sideOf(ctx.actor) !== "ONEM") throw forbidden();
  return db.$queryRaw<{ id: string; name: string }[]>`
    SELECT e.id, e.name FROM "Entity" e
    WHERE EXISTS (SELECT 1 FROM "C607Request" r WHERE r."entityId" = e.id AND r.status <> 'DRAFT')
    ORDER BY e.name ASC`;
}
