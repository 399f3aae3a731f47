import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import { C607_AUDIENCE, notifyEntity } from "@/lib/notifications/notify-entity";
import { mailAboutRequest } from "@/lib/outbox/notify-domain";

import type { C607Context } from "./context";
import { beginCommand, commitUpdate } from "./load-request";
import { recordChange } from "./record-change";
import type { TDecideDerogation } from "./schemas";

/** ONEM accepts (the calculation can go on) or refuses (the request ends) a pending derogation. */
export async function decideDerogation({ ctx, id, input }: { ctx: C607Context; id: string; input: TDecideDerogation }) {
  const command = input.decision === "ACCEPT" ? "accept_derogation" : "refuse_derogation";
  return db.$transaction(async (tx) => {
    const { request, nextStatus } = await beginCommand(tx, {
      ctx,
      id,
      command,
      version: input.version,
    });
    if (request.derogationStatus !== "PENDING") throw new AppError("UNPROCESSABLE", msg("c607.errors.noPendingDerogation"));
    const isAccepted = input.decision === "ACCEPT";
    const updated = await commitUpdate(tx, {
      request,
      command,
      version: input.version,
      data: {
        status: nextStatus,
        derogationStatus: isAccepted ? "ACCEPTED" : "REFUSED",
        ...(isAccepted ? {} : { onemReason: input.reason }),
      },
    });
    const note = msg("c607.notes.derogation", { accepted: String(isAccepted), hasReason: String(Boolean(input.reason)), reason: input.reason ?? "" });
    await recordChange(tx, {
      ctx,
      requestId: request.id,
      entityId: request.entityId,
      kind: isAccepted ? "derogation_accepted" : "derogation_refused",
      fromStatus: request.status,
      toStatus: nextStatus,
      note,
    });
    if (!isAccepted) {
      await notifyEntity(tx, {
        entityId: request.entityId,
        audience: C607_AUDIENCE,
        kind: "c607.refused",
        title: msg("c607.inbox.refusedTitle", { reference: request.reference }),
        body: note,
        link: `/c607/${request.id}`,
      });
    }
    await mailAboutRequest(tx, "c607_derogation_decided", request);
    return { id: updated.id, version: updated.version };
  });
}
