import "server-only";

import { formatBelgianDate, toBrusselsDate } from "@/lib/c607/calendar-date";
import { getSecondCalculationWindow, isInSecondCalculationWindow } from "@/lib/c607/second-calculation-window";
import { computeOnemDeadline } from "@/lib/c607/working-days";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";

import { processingWorkingDays } from "./config";
import type { C607Context } from "./context";
import { beginCommand, commitUpdate } from "./load-request";
import { recordChange } from "./record-change";
import type { TSendRequest } from "./schemas";

/**
 * Sends to ONEM: from then on the CPAS can no longer edit the request. The deadline is computed
 * from the receipt (seed 001). A second calculation outside the window 30–15 days before the
 * contract's end (or a third calculation) needs a derogation with a justification, decided by ONEM.
 */
export async function sendRequest({ ctx, id, input, now = new Date() }: { ctx: C607Context; id: string; input: TSendRequest; now?: Date }) {
  return db.$transaction(async (tx) => {
    const { request, nextStatus } = await beginCommand(tx, {
      ctx,
      id,
      command: "send",
      version: input.version,
    });
    const contract = await tx.contract.findUniqueOrThrow({
      where: { id: request.contractId },
    });
    const contractEnd = contract.plannedEndDate.toISOString().slice(0, 10);

    let derogation: {
      status: "PENDING" | "ACCEPTED" | null;
      justification: string | null;
    } = { status: null, justification: null };
    if (request.isSecondCalculation) {
      const today = toBrusselsDate(now);
      const isInWindow = isInSecondCalculationWindow({
        contractEnd,
        date: today,
      });
      const earlierSecond = await tx.c607Request.count({
        where: {
          contractId: request.contractId,
          isSecondCalculation: true,
          status: "CALCULATED",
          NOT: { id: request.id },
        },
      });
      const needsDerogation = !isInWindow || earlierSecond > 0;
      if (needsDerogation && request.derogationStatus === "ACCEPTED") {
        derogation = {
          status: "ACCEPTED",
          justification: request.derogationJustification,
        };
      } else if (needsDerogation) {
        if (!input.derogationJustification) {
          const w = getSecondCalculationWindow({ contractEnd });
          const why =
            earlierSecond > 0
              ? msg("c607.errors.secondAlreadyDone")
              : msg("c607.errors.secondOutsideWindow", { opensOn: formatBelgianDate(w.opensOn), closesOn: formatBelgianDate(w.closesOn) });
          throw new AppError("UNPROCESSABLE", why, {
            derogationJustification: [msg("c607.errors.derogationJustificationRequired")],
          });
        }
        derogation = {
          status: "PENDING",
          justification: input.derogationJustification,
        };
      }
    } else if (input.derogationJustification) {
      throw new AppError("UNPROCESSABLE", msg("c607.errors.derogationOnlySecond"), {
        derogationJustification: [msg("c607.errors.derogationNotApplicable")],
      });
    }

    const { deadline } = computeOnemDeadline({
      receivedAt: now,
      workingDays: processingWorkingDays(),
    });
    const updated = await commitUpdate(tx, {
      request,
      command: "send",
      version: input.version,
      data: {
        status: nextStatus,
        sentAt: now,
        deadline: new Date(`${deadline}T00:00:00Z`),
        derogationStatus: derogation.status,
        derogationJustification: derogation.justification,
        complementRequest: null,
      },
    });
    const note = msg("c607.notes.sent", {
      deadline: formatBelgianDate(deadline),
      hasDerogation: String(derogation.status === "PENDING"),
      justification: derogation.status === "PENDING" ? (derogation.justification ?? "") : "",
    });
    await recordChange(tx, {
      ctx,
      requestId: request.id,
      entityId: request.entityId,
      kind: "sent",
      fromStatus: request.status,
      toStatus: nextStatus,
      note,
      summary: { deadline, derogation: derogation.status },
    });
    return {
      id: updated.id,
      version: updated.version,
      deadline,
      derogationStatus: derogation.status,
    };
  });
}
