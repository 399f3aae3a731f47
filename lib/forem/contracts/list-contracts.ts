import "server-only";

import type { Actor } from "@/lib/access/actor";
import { blindIndex } from "@/lib/crypto/keys";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { checkNiss, maskNiss } from "@/lib/validation/niss";
import { hasUnsafeChars } from "@/lib/validation/safe-text";
import { revealWorkerNiss } from "@/lib/workers";

import { assertForemAccess } from "../access";
import { fromDbDate, todayInBrussels } from "../dates";

import { contractProgress } from "./contract-progress";

export const CONTRACTS_PAGE_SIZE = 200;

export type ContractRow = Awaited<ReturnType<typeof listContracts>>["rows"][number];

/**
 * The centre's contracts register, newest first. `query` is a full NISS (exact match through the
 * blind index) or part of a last name. The NISS is shown masked: the register is for finding people.
 */
export async function listContracts(o: { actor: Actor; query?: string }) {
  assertForemAccess(o.actor);
  const q = o.query?.trim() ?? "";
  const niss = q ? checkNiss(q) : null;
  // Names are stored without control characters (safeText): such a query matches no one, and a
  // NUL byte must never reach PostgreSQL (it refuses it: a 500).
  const worker: Prisma.WorkerWhereInput | undefined = !q
    ? undefined
    : niss?.ok
      ? { nissBlindIndex: blindIndex(niss.digits) }
      : hasUnsafeChars(q)
        ? { id: { in: [] } }
        : { lastName: { contains: q, mode: "insensitive" } };
  const where: Prisma.ContractWhereInput = { entityId: o.actor.entityId, ...(worker ? { worker } : {}) };
  const [total, contracts] = await Promise.all([
    db.contract.count({ where }),
    db.contract.findMany({
      where,
      orderBy: [{ startDate: "desc" }, { createdAt: "desc" }],
      take: CONTRACTS_PAGE_SIZE,
      include: { worker: { select: { id: true, firstName: true, lastName: true, nissEncrypted: true } } },
    }),
  ]);
  const today = todayInBrussels();
  const rows = contracts.map((c) => ({
    id: c.id,
    workerId: c.worker.id,
    workerName: `${c.worker.lastName} ${c.worker.firstName}`,
    maskedNiss: maskNiss(revealWorkerNiss(c.worker)),
    kind: c.kind,
    startDate: fromDbDate(c.startDate),
    plannedEndDate: fromDbDate(c.plannedEndDate),
    actualEndDate: c.actualEndDate ? fromDbDate(c.actualEndDate) : null,
    progress: contractProgress({ startDate: fromDbDate(c.startDate), actualEndDate: c.actualEndDate ? fromDbDate(c.actualEndDate) : null }, today),
    employerName: c.employerName,
    regime: c.regime,
    weeklyHours: c.weeklyHours?.toString() ?? null,
  }));
  return { total, rows };
}
