import "server-only";

import { toBrusselsDate } from "@/lib/c607/calendar-date";
import { db, type Tx } from "@/lib/db/client";
import { AppError, forbidden } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import { findOrCreateContract, findOrCreateWorker } from "@/lib/workers";

import { auditContext, type C607Context, sideOf } from "./context";
import { assertNoOpenRequest } from "./open-requests";
import { recordChange } from "./record-change";
import { lockReferenceCounter, takeReference } from "./reference-number";
import type { TCreateRequest } from "./schemas";
import { writePeriods } from "./write-content";

export type Created = {
  id: string;
  reference: string;
  version: number;
  isReplay: boolean;
};

/** Runs `create` under the reference counter's lock; a retried call with the same key gets the first result. */
export async function withIdempotentCreate(ctx: C607Context, clientKey: string, create: (tx: Tx, year: number) => Promise<Created>): Promise<Created> {
  const entityId = ctx.actor.entityId;
  return db.$transaction(async (tx) => {
    const year = Number(toBrusselsDate(new Date()).slice(0, 4));
    await lockReferenceCounter(tx, year);
    const existing = await tx.c607Request.findUnique({
      where: { entityId_clientKey: { entityId, clientKey } },
      select: { id: true, reference: true, version: true },
    });
    if (existing) return { ...existing, isReplay: true };
    return create(tx, year);
  });
}

/**
 * A new draft, with its reference number from the start. Idempotent on `clientKey` (double click,
 * retry after a network error): the same key in the same centre always returns the same request.
 */
export async function createRequest({ ctx, input }: { ctx: C607Context; input: TCreateRequest }): Promise<Created> {
  if (sideOf(ctx.actor) !== "CPAS") throw forbidden();
  const { actor } = ctx;
  const { worker: w, contract: c } = input.content;
  const audit = auditContext(ctx);
  return withIdempotentCreate(ctx, input.clientKey, async (tx, year) => {
    const { worker } = await findOrCreateWorker(tx, {
      entityId: actor.entityId,
      niss: w.niss,
      firstName: w.firstName,
      lastName: w.lastName,
      birthDate: w.birthDate,
      audit,
    });
    const { contract } = await findOrCreateContract(tx, {
      entityId: actor.entityId,
      workerId: worker.id,
      kind: "ART_60_7",
      terms: c,
      createdById: actor.personId,
      audit,
    });
    await assertNoOpenRequest(tx, { contractId: contract.id });
    const calculated = await tx.c607Request.findFirst({
      where: { contractId: contract.id, status: "CALCULATED" },
      select: { reference: true },
    });
    if (calculated) {
      throw new AppError("CONFLICT", msg("c607.errors.alreadyCalculated", { reference: calculated.reference }));
    }
    const reference = await takeReference(tx, year);
    const request = await tx.c607Request.create({
      data: {
        reference,
        entityId: actor.entityId,
        workerId: worker.id,
        contractId: contract.id,
        clientKey: input.clientKey,
        createdById: actor.personId,
      },
    });
    await writePeriods(tx, request.id, input.content);
    await recordChange(tx, {
      ctx,
      requestId: request.id,
      entityId: request.entityId,
      kind: "created",
      toStatus: "DRAFT",
      note: msg("c607.notes.created", { reference }),
      summary: { reference },
    });
    return {
      id: request.id,
      reference,
      version: request.version,
      isReplay: false,
    };
  });
}
