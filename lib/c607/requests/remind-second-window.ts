import "server-only";

import { addDays, formatBelgianDate, toBrusselsDate } from "@/lib/c607/calendar-date";
import {
  getSecondCalculationWindow,
  SECOND_CALCULATION_CLOSES_DAYS_BEFORE_END,
  SECOND_CALCULATION_OPENS_DAYS_BEFORE_END,
} from "@/lib/c607/second-calculation-window";
import { db } from "@/lib/db/client";
import { msg } from "@/lib/i18n/message-ref";
import { C607_AUDIENCE } from "@/lib/notifications/notify-entity";
import { mailSecondWindowOpened } from "@/lib/outbox/notify-domain";

const KIND = "c607.second_window";
const day = (v: string) => new Date(`${v}T00:00:00Z`);

/**
 * Posts, once per contract, a reminder in the centre's inbox when the second-calculation window of
 * a calculated contract is open (issue 4). Idempotent: the reminder's link names the contract and
 * is looked for first, so calling it on every inbox visit (or from a daily job) is harmless.
 * Three queries whatever the number of contracts.
 */
export async function remindSecondCalculationWindows({ entityId, now = new Date() }: { entityId: string; now?: Date }): Promise<number> {
  const today = toBrusselsDate(now);
  // Window open today ⇔ end − 30 ≤ today ≤ end − 15 ⇔ today + 15 ≤ end ≤ today + 30.
  const contracts = await db.contract.findMany({
    where: {
      entityId,
      plannedEndDate: {
        gte: day(
          addDays({
            date: today,
            days: SECOND_CALCULATION_CLOSES_DAYS_BEFORE_END,
          }),
        ),
        lte: day(
          addDays({
            date: today,
            days: SECOND_CALCULATION_OPENS_DAYS_BEFORE_END,
          }),
        ),
      },
      c607Requests: {
        some: { status: "CALCULATED", isSecondCalculation: false },
        none: { isSecondCalculation: true },
      },
    },
    select: {
      id: true,
      plannedEndDate: true,
      worker: { select: { firstName: true, lastName: true } },
      c607Requests: {
        where: { status: "CALCULATED" },
        select: { id: true, reference: true },
        take: 1,
      },
    },
  });
  if (contracts.length === 0) return 0;
  const links = contracts.map((c) => `/c607/${c.c607Requests[0]!.id}?contrat=${c.id}`);
  const existing = new Set(
    (
      await db.notification.findMany({
        where: { entityId, kind: KIND, link: { in: links } },
        select: { link: true },
      })
    ).map((n) => n.link),
  );
  const fresh = contracts.filter((_, i) => !existing.has(links[i]!));
  if (fresh.length === 0) return 0;
  await db.notification.createMany({
    data: fresh.map((c) => {
      const end = c.plannedEndDate.toISOString().slice(0, 10);
      const w = getSecondCalculationWindow({ contractEnd: end });
      const request = c.c607Requests[0]!;
      return {
        entityId,
        audience: C607_AUDIENCE,
        kind: KIND,
        title: msg("c607.inbox.secondWindowTitle", { name: `${c.worker.lastName} ${c.worker.firstName}` }),
        body: msg("c607.inbox.secondWindowBody", {
          end: formatBelgianDate(end),
          opens: formatBelgianDate(w.opensOn),
          closes: formatBelgianDate(w.closesOn),
          reference: request.reference,
        }),
        link: `/c607/${request.id}?contrat=${c.id}`,
      };
    }),
  });
  await mailSecondWindowOpened(fresh.map((c) => c.c607Requests[0]!.id));
  return fresh.length;
}
