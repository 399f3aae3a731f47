import "server-only";

import type { Actor } from "@/lib/access/actor";
import { db } from "@/lib/db/client";
import { maskNiss } from "@/lib/validation/niss";
import { revealWorkerNiss } from "@/lib/workers";

import { assertForemAccess } from "../access";
import { fromDbDate } from "../dates";

/** A contract of the actor's centre, as form values; null for an unknown id or another centre's. */
export async function getContract(o: { actor: Actor; id: string }) {
  assertForemAccess(o.actor);
  if (!/^[0-9a-f-]{36}$/i.test(o.id)) return null;
  const c = await db.contract.findFirst({
    where: { id: o.id, entityId: o.actor.entityId },
    include: { worker: { select: { firstName: true, lastName: true, nissEncrypted: true } } },
  });
  if (!c) return null;
  return {
    id: c.id,
    worker: { firstName: c.worker.firstName, lastName: c.worker.lastName, maskedNiss: maskNiss(revealWorkerNiss(c.worker)) },
    values: {
      kind: c.kind,
      startDate: fromDbDate(c.startDate),
      plannedEndDate: fromDbDate(c.plannedEndDate),
      actualEndDate: c.actualEndDate ? fromDbDate(c.actualEndDate) : "",
      employerName: c.employerName ?? "",
      employerBce: c.employerBce ?? "",
      regime: c.regime,
      weeklyHours: c.weeklyHours?.toString() ?? "",
      fullTimeWeeklyHours: c.fullTimeWeeklyHours?.toString() ?? "",
    },
  };
}

export type ContractForEdit = NonNullable<Awaited<ReturnType<typeof getContract>>>;
