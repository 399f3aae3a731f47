import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import { findOrCreateContract, findOrCreateWorker, updateContractTerms } from "@/lib/workers";

import { auditContext, type C607Context } from "./context";
import { beginCommand, commitUpdate } from "./load-request";
import { assertNoOpenRequest } from "./open-requests";
import { recordChange } from "./record-change";
import type { TUpdateDraft } from "./schemas";
import { writePeriods } from "./write-content";

/**
 * Saves the whole form of a draft (or of a request ONEM sent back for a complement). A copy keeps
 * its worker and contract: the contract's terms are updated in place (reason "contract data
 * changed"); the calculated original keeps the data it was calculated on in its proposal.
 */
export async function updateDraft({ ctx, id, input }: { ctx: C607Context; id: string; input: TUpdateDraft }) {
  const audit = auditContext(ctx);
  const { worker: w, contract: c } = input.content;
  return db.$transaction(async (tx) => {
    const { request } = await beginCommand(tx, {
      ctx,
      id,
      command: "update",
      version: input.version,
    });
    const { worker } = await findOrCreateWorker(tx, {
      entityId: request.entityId,
      niss: w.niss,
      firstName: w.firstName,
      lastName: w.lastName,
      birthDate: w.birthDate,
      audit,
    });
    let contractId = request.contractId;
    if (request.parentId) {
      if (worker.id !== request.workerId) {
        throw new AppError("UNPROCESSABLE", msg("c607.errors.copySameWorker"), {
          "worker.niss": [msg("c607.errors.copyOtherNiss")],
        });
      }
      await updateContractTerms(tx, {
        entityId: request.entityId,
        contractId,
        terms: c,
        audit,
      });
    } else {
      const { contract } = await findOrCreateContract(tx, {
        entityId: request.entityId,
        workerId: worker.id,
        kind: "ART_60_7",
        terms: c,
        createdById: ctx.actor.personId,
        audit,
      });
      if (contract.id !== contractId)
        await assertNoOpenRequest(tx, {
          contractId: contract.id,
          exceptId: request.id,
        });
      contractId = contract.id;
    }
    const updated = await commitUpdate(tx, {
      request,
      command: "update",
      version: input.version,
      data: { workerId: worker.id, contractId },
    });
    await writePeriods(tx, request.id, input.content);
    await recordChange(tx, {
      ctx,
      requestId: request.id,
      entityId: request.entityId,
      kind: "updated",
      note: msg("c607.notes.updated", {
        employment: input.content.employmentPeriods.length,
        assimilated: input.content.assimilatedPeriods.length,
      }),
      summary: {
        employmentPeriods: input.content.employmentPeriods.length,
        assimilatedPeriods: input.content.assimilatedPeriods.length,
      },
    });
    return { id: updated.id, version: updated.version };
  });
}
