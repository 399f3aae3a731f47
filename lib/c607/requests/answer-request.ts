import "server-only";

import { formatBelgianDate } from "@/lib/c607/calendar-date";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import { C607_AUDIENCE, notifyEntity } from "@/lib/notifications/notify-entity";
import { mailAboutRequest } from "@/lib/outbox/notify-domain";

import type { StoredProposal } from "./calculate-request";
import type { C607Context } from "./context";
import { beginCommand, commitUpdate } from "./load-request";
import { recordChange } from "./record-change";
import type { TAnswerRequest } from "./schemas";

/**
 * The collaborator's answer: the proposal as is, or another figure with a reason. Both the
 * proposal and the answer are kept (seed 001: the calculation is validated by ONEM).
 */
export async function answerRequest({ ctx, id, input }: { ctx: C607Context; id: string; input: TAnswerRequest }) {
  return db.$transaction(async (tx) => {
    const { request, nextStatus } = await beginCommand(tx, {
      ctx,
      id,
      command: "answer",
      version: input.version,
    });
    const proposal = request.proposal as StoredProposal | null;
    if (!proposal) throw new AppError("UNPROCESSABLE", msg("c607.errors.calculateFirst"));
    let days: number;
    let endDate: string | null;
    let reason: string | null = null;
    if (input.decision === "VALIDATE") {
      days = proposal.result.missingDays;
      endDate = proposal.result.proposedEndDate;
      // Zero days: the condition is already met, there is no end date to validate (issue 11).
      if (!endDate && days > 0) {
        throw new AppError("UNPROCESSABLE", msg("c607.errors.proposalWithoutEnd"));
      }
    } else {
      ({ days, endDate, reason } = input);
    }
    const updated = await commitUpdate(tx, {
      request,
      command: "answer",
      version: input.version,
      data: {
        status: nextStatus,
        validatedDays: days,
        validatedEndDate: endDate ? new Date(`${endDate}T00:00:00Z`) : null,
        onemReason: reason,
      },
    });
    const note = msg("c607.notes.answered", {
      days,
      hasEnd: String(endDate !== null),
      endDate: endDate ? formatBelgianDate(endDate) : "",
      corrected: String(reason !== null),
      proposed: proposal.result.missingDays,
      reason: reason ?? "",
    });
    await recordChange(tx, {
      ctx,
      requestId: request.id,
      entityId: request.entityId,
      kind: "answered",
      fromStatus: request.status,
      toStatus: nextStatus,
      note,
      summary: {
        days,
        endDate,
        isOverride: reason !== null,
        proposedDays: proposal.result.missingDays,
      },
    });
    await notifyEntity(tx, {
      entityId: request.entityId,
      audience: C607_AUDIENCE,
      kind: "c607.calculated",
      title: msg("c607.inbox.calculatedTitle", { reference: request.reference }),
      body: note,
      link: `/c607/${request.id}`,
    });
    await mailAboutRequest(tx, "c607_answered", request);
    return { id: updated.id, version: updated.version, days, endDate };
  });
}
