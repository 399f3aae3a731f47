import "server-only";

import { db } from "@/lib/db/client";
import { msg } from "@/lib/i18n/message-ref";

import type { C607Context } from "./context";
import { beginCommand, commitUpdate } from "./load-request";
import { recordChange } from "./record-change";
import type { TVersionOnly } from "./schemas";

/** An ONEM collaborator takes a sent request in charge. */
export async function takeRequest({ ctx, id, input }: { ctx: C607Context; id: string; input: TVersionOnly }) {
  return db.$transaction(async (tx) => {
    const { request, nextStatus } = await beginCommand(tx, {
      ctx,
      id,
      command: "take",
      version: input.version,
    });
    const updated = await commitUpdate(tx, {
      request,
      command: "take",
      version: input.version,
      data: { status: nextStatus, takenById: ctx.actor.personId },
    });
    await recordChange(tx, {
      ctx,
      requestId: request.id,
      entityId: request.entityId,
      kind: "taken",
      fromStatus: request.status,
      toStatus: nextStatus,
      note: msg("c607.notes.taken", { name: `${ctx.actor.firstName} ${ctx.actor.lastName}` }),
    });
    return { id: updated.id, version: updated.version };
  });
}
