import "server-only";

import type { Actor } from "@/lib/access/actor";
import { db } from "@/lib/db/client";
import { revealWorkerNiss } from "@/lib/workers";

import { assertForemAccess } from "../access";
import { fromDbDate, toDbDate } from "../dates";

import type { ForemRow } from "./build-forem-workbook";
import type { TPeriod } from "./period-schema";

export type EndedContract = ForemRow & { contractId: string; workerName: string; kind: "ART_60_7" | "ART_61" };

/**
 * The rows of the FOREM file: one per contract of the actor's centre that ENDED in the period
 * (actual end date within it, bounds included). Contracts still running are never listed, whatever
 * their planned end: FOREM needs people who finished (seed 000).
 */
export async function listEndedContracts(o: { actor: Actor; period: TPeriod }): Promise<EndedContract[]> {
  assertForemAccess(o.actor);
  const contracts = await db.contract.findMany({
    where: { entityId: o.actor.entityId, actualEndDate: { gte: toDbDate(o.period.from), lte: toDbDate(o.period.to) } },
    orderBy: [{ actualEndDate: "asc" }, { startDate: "asc" }, { id: "asc" }],
    include: { worker: { select: { firstName: true, lastName: true, nissEncrypted: true } } },
  });
  return contracts.map((c) => ({
    contractId: c.id,
    workerName: `${c.worker.lastName} ${c.worker.firstName}`,
    kind: c.kind,
    niss: revealWorkerNiss(c.worker),
    startDate: fromDbDate(c.startDate),
    endDate: fromDbDate(c.actualEndDate!),
  }));
}

export async function countEndedContracts(o: { actor: Actor; period: TPeriod }): Promise<number> {
  assertForemAccess(o.actor);
  return db.contract.count({ where: { entityId: o.actor.entityId, actualEndDate: { gte: toDbDate(o.period.from), lte: toDbDate(o.period.to) } } });
}
