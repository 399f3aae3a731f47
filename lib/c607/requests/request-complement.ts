import "server-only";

import { db } from "@/lib/db/client";
import { msg } from "@/lib/i18n/message-ref";
import { C607_AUDIENCE, notifyEntity } from "@/lib/notifications/notify-entity";
import { mailAboutRequest } from "@/lib/outbox/notify-domain";

import type { C607Context } from "./context";
import { beginCommand, commitUpdate } from "./load-request";
import { recordChange } from "./record-change";
import type { TRequestComplement } from "./schemas";

/** ONEM sends the request back to the CPAS, which can edit it and send it again. */
export async function requestComplement({ ctx, id, input }: { ctx: C607Context; id: string; input: TRequestComplement }) {
  return db.$transaction(async (tx) => {
    const { request, nextStatus } = await beginCommand(tx, {
      ctx,
      id,
      command: "request_complement",
      version: input.version,
    });
    const updated = await commitUpdate(tx, {
      request,
      command: "request_complement",
      version: input.version,
      data: { status: nextStatus, complementRequest: input.message },
    });
    await recordChange(tx, {
      ctx,
      requestId: request.id,
      entityId: request.entityId,
      kind: "complement_requested",
      fromStatus: request.status,
      toStatus: nextStatus,
      note: input.message,
    });
    await notifyEntity(tx, {
      entityId: request.entityId,
      audience: C607_AUDIENCE,
      kind: "c607.returned",
      title: msg("c607.inbox.complementTitle", { reference: request.reference }),
      body: input.message,
      link: `/c607/${request.id}`,
    });
    await mailAboutRequest(tx, "c607_complement_requested", request);
    return { id: updated.id, version: updated.version };
  });
}
