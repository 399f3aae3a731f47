import "server-only";

import type { Actor } from "@/lib/access/actor";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db, type Tx } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import type { RequestMeta } from "@/lib/http/request-context";

import { assertForemAccess } from "../access";
import { auditContext } from "../audit-context";
import { fromDbDate, todayInBrussels } from "../dates";

import { attestationNumber, type AttestationSnapshot, type TCreateAttestation } from "./attestation-schema";

/**
 * Issues a numbered attestation (ATT-YYYY-NNNN, per centre and year) of a worker's art. 60 §7 / 61
 * periods, for a case-by-case or urgent request to FOREM (seed 000). The number is taken under a
 * per-centre transaction lock, so two agents issuing at once get consecutive numbers, never the same.
 */
export async function createAttestation(o: { actor: Actor; input: TCreateAttestation; meta: RequestMeta }) {
  assertForemAccess(o.actor);
  const entityId = o.actor.entityId;
  return db.$transaction(async (tx) => {
    const worker = await tx.worker.findFirst({
      where: { id: o.input.workerId, entityId },
      include: { contracts: { where: { entityId }, orderBy: { startDate: "asc" } } },
    });
    if (!worker) throw notFound();
    if (worker.contracts.length === 0) throw new AppError("UNPROCESSABLE", msg("forem.errors.noContractToAttest"));
    const entity = await tx.entity.findUniqueOrThrow({ where: { id: entityId }, select: { name: true, bceNumber: true } });
    const issuedOn = todayInBrussels();
    const snapshot: AttestationSnapshot = {
      version: 1,
      centre: { name: entity.name, bce: entity.bceNumber },
      worker: { firstName: worker.firstName, lastName: worker.lastName },
      issuedOn,
      periods: worker.contracts.map((c) => ({
        kind: c.kind,
        startDate: fromDbDate(c.startDate),
        endDate: fromDbDate(c.actualEndDate ?? c.plannedEndDate),
        isEnded: c.actualEndDate !== null,
        isUpcoming: c.actualEndDate === null && fromDbDate(c.startDate) > issuedOn,
        employerName: c.employerName,
      })),
    };
    const number = await nextNumber(tx, entityId, Number(issuedOn.slice(0, 4)));
    const attestation = await tx.attestation.create({
      data: {
        entityId,
        number,
        workerId: worker.id,
        createdById: o.actor.personId,
        place: o.input.place,
        signatory: o.input.signatory,
        reason: o.input.reason,
        periods: snapshot,
      },
    });
    await writeAuditEvent(tx, auditContext(o.actor, o.meta), {
      action: "attestation.created",
      targetType: "Attestation",
      targetId: attestation.id,
      after: { number, workerId: worker.id, periodCount: snapshot.periods.length, place: o.input.place, signatory: o.input.signatory },
    });
    return attestation;
  });
}

async function nextNumber(tx: Tx, entityId: string, year: number): Promise<string> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`attestation:${entityId}`}))`;
  const prefix = `ATT-${year}-`;
  const last = await tx.attestation.findFirst({ where: { entityId, number: { startsWith: prefix } }, orderBy: { number: "desc" }, select: { number: true } });
  return attestationNumber(year, last ? Number(last.number.slice(prefix.length)) + 1 : 1);
}
