import "server-only";

import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";

import { type C607Context } from "./context";
import { type Created, withIdempotentCreate } from "./create-request";
import { beginCommand } from "./load-request";
import { assertNoOpenRequest } from "./open-requests";
import { recordChange } from "./record-change";
import { takeReference } from "./reference-number";
import type { TCopyRequest } from "./schemas";
import { CONTENT_INCLUDE, readContent, writePeriods } from "./write-content";

/**
 * A calculated request is never edited: it continues as an editable copy, for the two reasons ONEM
 * allows. The copy for events during the contract is the second calculation (window rule at send).
 */
export async function copyRequest({ ctx, id, input }: { ctx: C607Context; id: string; input: TCopyRequest }): Promise<Created> {
  return withIdempotentCreate(ctx, input.clientKey, async (tx, year) => {
    const { request: source } = await beginCommand(tx, {
      ctx,
      id,
      command: "copy",
    });
    if (source.entityId !== ctx.actor.entityId) throw new AppError("NOT_FOUND", msg("errors.notFound"));
    await assertNoOpenRequest(tx, { contractId: source.contractId });
    const full = await tx.c607Request.findUniqueOrThrow({
      where: { id: source.id },
      include: CONTENT_INCLUDE,
    });
    const reference = await takeReference(tx, year);
    const copy = await tx.c607Request.create({
      data: {
        reference,
        entityId: source.entityId,
        workerId: source.workerId,
        contractId: source.contractId,
        parentId: source.id,
        copyReason: input.reason,
        isSecondCalculation: input.reason === "EVENTS_DURING_CONTRACT",
        clientKey: input.clientKey,
        createdById: ctx.actor.personId,
      },
    });
    await writePeriods(tx, copy.id, readContent(full));
    await recordChange(tx, {
      ctx,
      requestId: source.id,
      entityId: source.entityId,
      kind: "copied",
      note: msg("c607.notes.copied", { reference, reason: input.reason }),
      summary: { copyId: copy.id, reason: input.reason },
    });
    await recordChange(tx, {
      ctx,
      requestId: copy.id,
      entityId: copy.entityId,
      kind: "created",
      toStatus: "DRAFT",
      note: msg("c607.notes.createdCopy", { source: source.reference, reason: input.reason }),
      summary: { reference, parentId: source.id, reason: input.reason },
    });
    return { id: copy.id, reference, version: copy.version, isReplay: false };
  });
}
