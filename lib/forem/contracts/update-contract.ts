import "server-only";

import type { Actor } from "@/lib/access/actor";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { RequestMeta } from "@/lib/http/request-context";

import { assertForemAccess } from "../access";
import { auditContext } from "../audit-context";
import { toDbDate } from "../dates";

import { contractSummary, toContractData } from "./contract-data";
import type { TUpdateContract } from "./contract-schema";
import { DUPLICATE_CONTRACT } from "./create-contract";

/** Edits a contract of the actor's centre; another centre's contract is "not found" (STYLE 6). */
export async function updateContract(o: { actor: Actor; input: TUpdateContract; meta: RequestMeta }) {
  assertForemAccess(o.actor);
  const { id, ...fields } = o.input;
  const entityId = o.actor.entityId;
  return db.$transaction(async (tx) => {
    const before = await tx.contract.findFirst({ where: { id, entityId } });
    if (!before) throw notFound();
    const duplicate = await tx.contract.findFirst({
      where: { entityId, workerId: before.workerId, kind: fields.kind, startDate: toDbDate(fields.startDate), id: { not: id } },
      select: { id: true },
    });
    if (duplicate) throw new AppError("CONFLICT", DUPLICATE_CONTRACT);
    const after = await tx.contract.update({ where: { id }, data: toContractData(fields) });
    await writeAuditEvent(tx, auditContext(o.actor, o.meta), {
      action: "contract.updated",
      targetType: "Contract",
      targetId: id,
      before: contractSummary(before),
      after: contractSummary(after),
    });
    return after;
  });
}
