import "server-only";

import type { Actor } from "@/lib/access/actor";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import type { RequestMeta } from "@/lib/http/request-context";
import { findOrCreateWorker } from "@/lib/workers";

import { assertForemAccess } from "../access";
import { auditContext } from "../audit-context";
import { toDbDate } from "../dates";

import { contractSummary, toContractData } from "./contract-data";
import type { TCreateContract } from "./contract-schema";

export const DUPLICATE_CONTRACT = msg("forem.errors.duplicateContract");

/** Registers an art. 60 §7 / 61 contract, creating the worker on first use; audited in the same transaction. */
export async function createContract(o: { actor: Actor; input: TCreateContract; meta: RequestMeta }) {
  assertForemAccess(o.actor);
  const { niss, firstName, lastName, ...fields } = o.input;
  const entityId = o.actor.entityId;
  const audit = auditContext(o.actor, o.meta);
  return db.$transaction(async (tx) => {
    // Shared with C60.7 (lib/workers): one worker per NISS and centre, the latest name typed wins.
    const { worker } = await findOrCreateWorker(tx, { entityId, niss, firstName, lastName, audit });
    const duplicate = await tx.contract.findFirst({
      where: { entityId, workerId: worker.id, kind: fields.kind, startDate: toDbDate(fields.startDate) },
      select: { id: true },
    });
    if (duplicate) throw new AppError("CONFLICT", DUPLICATE_CONTRACT);
    const contract = await tx.contract.create({ data: { entityId, workerId: worker.id, createdById: o.actor.personId, ...toContractData(fields) } });
    await writeAuditEvent(tx, audit, {
      action: "contract.created",
      targetType: "Contract",
      targetId: contract.id,
      after: { workerId: worker.id, ...contractSummary(contract) },
    });
    return contract;
  });
}
