import "server-only";

import { createHash } from "node:crypto";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";

import { attachmentAddedNote, visibleAttachments } from "./attachment-visibility";
import type { C607Context } from "./context";
import { cleanFileName, detectFileType, MAX_ATTACHMENT_BYTES } from "./detect-file-type";
import { beginCommand, commitUpdate, loadRequest, UUID } from "./load-request";
import { recordChange } from "./record-change";

const FIELD = "file";

/** Checks size and type from the content; the file is stored only if every check passes. */
export async function addAttachment({ ctx, id, fileName, content }: { ctx: C607Context; id: string; fileName: string; content: Uint8Array }) {
  if (content.byteLength === 0)
    throw new AppError("BAD_REQUEST", msg("c607.errors.fileEmpty"), {
      [FIELD]: [msg("c607.errors.fileEmptyField")],
    });
  if (content.byteLength > MAX_ATTACHMENT_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", msg("c607.errors.fileTooLarge"), {
      [FIELD]: [msg("c607.errors.fileTooLargeField")],
    });
  }
  const type = detectFileType(content);
  if (!type) {
    throw new AppError("UNPROCESSABLE", msg("c607.errors.fileType"), {
      [FIELD]: [msg("c607.errors.fileTypeField")],
    });
  }
  const name = cleanFileName(fileName, type.extension);
  const sha256 = createHash("sha256").update(content).digest("hex");
  return db.$transaction(async (tx) => {
    // No version from the caller: adding a file overwrites nothing, but the status is re-checked
    // in the write itself, so a file never lands on a request sent meanwhile.
    const { request } = await beginCommand(tx, { ctx, id, command: "attach" });
    const updated = await commitUpdate(tx, {
      request,
      command: "attach",
      data: {},
    });
    const attachment = await tx.c607Attachment.create({
      data: {
        requestId: request.id,
        fileName: name,
        mimeType: type.mimeType,
        size: content.byteLength,
        sha256,
        content: Buffer.from(content),
        addedById: ctx.actor.personId,
      },
      select: {
        id: true,
        fileName: true,
        mimeType: true,
        size: true,
        sha256: true,
        createdAt: true,
      },
    });
    await recordChange(tx, {
      ctx,
      requestId: request.id,
      entityId: request.entityId,
      kind: "attachment_added",
      note: attachmentAddedNote({ fileName: name, mimeType: type.mimeType, size: content.byteLength }),
      summary: {
        attachmentId: attachment.id,
        fileName: name,
        mimeType: type.mimeType,
        size: content.byteLength,
        sha256,
      },
    });
    return { attachment, version: updated.version };
  });
}

/**
 * The file, for a reader allowed to see the request and this file (404 otherwise, like the request
 * itself): ONEM gets only what the CPAS sent it, never a file added since a complement request.
 */
export async function getAttachment({ ctx, id, attachmentId }: { ctx: C607Context; id: string; attachmentId: string }) {
  const { request, side } = await loadRequest(db, ctx, id);
  if (!UUID.test(attachmentId)) throw new AppError("NOT_FOUND", msg("errors.notFound"));
  const attachment = await db.c607Attachment.findFirst({
    where: { id: attachmentId, requestId: request.id },
  });
  if (!attachment || visibleAttachments([attachment], request, side).length === 0) throw new AppError("NOT_FOUND", msg("errors.notFound"));
  return attachment;
}
