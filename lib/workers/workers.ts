import "server-only";

import { writeAuditEvent, type AuditContext } from "@/lib/audit/write-audit-event";
import { blindIndex, open, seal } from "@/lib/crypto/keys";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Worker } from "@/lib/generated/prisma/client";
import { checkNiss } from "@/lib/validation/niss";

function nissDigits(niss: string): string {
  const check = checkNiss(niss);
  if (!check.ok)
    throw new AppError("BAD_REQUEST", check.message, {
      "worker.niss": [check.message],
    });
  return check.digits;
}

export async function findWorkerByNiss(tx: Tx, o: { entityId: string; niss: string }): Promise<Worker | null> {
  return tx.worker.findUnique({
    where: {
      entityId_nissBlindIndex: {
        entityId: o.entityId,
        nissBlindIndex: blindIndex(nissDigits(o.niss)),
      },
    },
  });
}

type FindOrCreate = {
  entityId: string;
  niss: string;
  firstName: string;
  lastName: string;
  birthDate?: string | null;
  audit: AuditContext;
};

/**
 * Concurrent creates of the same new worker: the unique (entityId, nissBlindIndex) index makes the
 * second insert fail; callers run in a transaction they can retry (lib/c607/requests does).
 */
export async function findOrCreateWorker(tx: Tx, o: FindOrCreate): Promise<{ worker: Worker; isNew: boolean }> {
  const check = checkNiss(o.niss);
  if (!check.ok)
    throw new AppError("BAD_REQUEST", check.message, {
      "worker.niss": [check.message],
    });
  const birthDate = check.birthDate ?? (o.birthDate ? new Date(`${o.birthDate}T00:00:00Z`) : null);
  const existing = await tx.worker.findUnique({
    where: {
      entityId_nissBlindIndex: {
        entityId: o.entityId,
        nissBlindIndex: blindIndex(check.digits),
      },
    },
  });
  if (existing) {
    const isRenamed = existing.firstName !== o.firstName || existing.lastName !== o.lastName;
    const isDated = !existing.birthDate && birthDate;
    if (!isRenamed && !isDated) return { worker: existing, isNew: false };
    const worker = await tx.worker.update({
      where: { id: existing.id },
      data: {
        firstName: o.firstName,
        lastName: o.lastName,
        ...(isDated ? { birthDate } : {}),
      },
    });
    await writeAuditEvent(tx, o.audit, {
      action: "worker.updated",
      targetType: "Worker",
      targetId: worker.id,
      entityId: o.entityId,
      before: { firstName: existing.firstName, lastName: existing.lastName },
      after: { firstName: worker.firstName, lastName: worker.lastName },
    });
    return { worker, isNew: false };
  }
  const worker = await tx.worker.create({
    data: {
      entityId: o.entityId,
      nissEncrypted: seal(check.digits),
      nissBlindIndex: blindIndex(check.digits),
      firstName: o.firstName,
      lastName: o.lastName,
      birthDate,
    },
  });
  await writeAuditEvent(tx, o.audit, {
    action: "worker.created",
    targetType: "Worker",
    targetId: worker.id,
    entityId: o.entityId,
    after: { firstName: worker.firstName, lastName: worker.lastName },
  });
  return { worker, isNew: true };
}

/** The clear NISS: show it only to a user allowed to see the worker; never log it. */
export function revealWorkerNiss(worker: Pick<Worker, "nissEncrypted">): string {
  return open(worker.nissEncrypted);
}
