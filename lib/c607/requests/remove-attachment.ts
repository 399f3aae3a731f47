import "server-only";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";

import { isRemovable } from "./attachment-visibility";
import type { C607Context } from "./context";
import { beginCommand, commitUpdate, UUID } from "./load-request";
import { recordChange } from "./record-change";

/**
 * Takes back a file the CPAS attached by mistake, while the request is editable and ONEM has not
 * received the file yet. The content is deleted (a wrong person's document must not stay); the
 * timeline and the audit trail keep its name, type, size and SHA-256.
 */
export async function removeAttachment({ ctx, id, attachmentId }: { ctx: C607Context; id: string; attachmentId: string }) {
  return db.$transaction(async (tx) => {
    const { request } = await beginCommand(tx, { ctx, id, command: "detach" });
    const attachment = UUID.test(attachmentId)
      ? await tx.c607Attachment.findFirst({
          where: { id: attachmentId, requestId: request.id },
          select: { id: true, fileName: true, mimeType: true, size: true, sha256: true, createdAt: true },
        })
      : null;
    if (!attachment) throw new AppError("NOT_FOUND", msg("c607.errors.attachmentNotFound"));
    if (!isRemovable(attachment, request)) {
      throw new AppError("UNPROCESSABLE", msg("c607.errors.attachmentAlreadySent"));
    }
    const updated = await commitUpdate(tx, { request, command: "detach", data: {} });
    await tx.c607Attachment.delete({ where: { id: attachment.id } });
    await recordChange(tx, {
      ctx,
      requestId: request.id,
      entityId: request.entityId,
      kind: "attachment_removed",
      note: msg("c607.notes.attachmentRemoved", { fileName: attachment.fileName }),
      summary: {
        attachmentId: attachment.id,
        fileName: attachment.fileName,
        mimeType: attachment.mimeType,
        size: attachment.size,
        sha256: attachment.sha256,
      },
    });
    return { id: request.id, version: updated.version };
  });
}
