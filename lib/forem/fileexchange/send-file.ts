import "server-only";

import { createHash } from "node:crypto";

import { z } from "zod";

import type { Actor } from "@/lib/access/actor";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import type { RequestMeta } from "@/lib/http/request-context";
import { mailFileReceived } from "@/lib/outbox/notify-domain";
import { safeText } from "@/lib/validation/safe-text";

import { assertFileExchangeAccess } from "../access";
import { auditContext } from "../audit-context";

export const MAX_TRANSFER_BYTES = 20 * 1024 * 1024;
const SALTED = Buffer.from("Salted__", "ascii");

const FILE_NAME = msg("forem.fields.fileName");

export const ZSendFile = z.object({
  toEntityId: z.uuid(msg("forem.validation.chooseRecipient")),
  fileName: safeText({ min: 1, max: 200, label: FILE_NAME }).refine((v) => !/[/\\]/.test(v), msg("validation.text.unsafe", { label: FILE_NAME })),
  note: z.preprocess((v) => (v === "" || v === null ? undefined : v), safeText({ max: 500, label: msg("forem.fields.message") }).optional()),
});
export type TSendFile = z.infer<typeof ZSendFile>;

/**
 * The server only ever holds ciphertext: a file must already be in OpenSSL's encrypted format
 * ("Salted__" + salt + whole AES blocks, made by the portal's encryption page or `openssl enc`).
 * This cannot prove the content is encrypted, but it refuses every plain document by mistake.
 */
export function assertOpensslCiphertext(bytes: Uint8Array): void {
  const isSalted = bytes.length >= 32 && SALTED.equals(Buffer.from(bytes.subarray(0, 8)));
  if (!isSalted || (bytes.length - 16) % 16 !== 0) {
    throw new AppError("UNPROCESSABLE", msg("forem.errors.notEncrypted"));
  }
}

export async function sendFile(o: { actor: Actor; input: TSendFile; bytes: Uint8Array; meta: RequestMeta }) {
  assertFileExchangeAccess(o.actor);
  if (o.bytes.length > MAX_TRANSFER_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", msg("forem.errors.transferTooLarge"));
  assertOpensslCiphertext(o.bytes);
  if (o.input.toEntityId === o.actor.entityId)
    throw new AppError("BAD_REQUEST", msg("forem.errors.ownOrganisation"), { toEntityId: [msg("forem.errors.recipientInvalid")] });
  // Only to an organisation on the centre's allow-list, chosen by its DPD (partners.ts).
  const allowed = await db.fileExchangePartner.findUnique({
    where: { entityId_partnerEntityId: { entityId: o.actor.entityId, partnerEntityId: o.input.toEntityId } },
    select: { partnerEntityId: true },
  });
  if (!allowed) {
    throw new AppError("UNPROCESSABLE", msg("forem.errors.partnerNotAllowed"), {
      toEntityId: [msg("forem.errors.partnerNotAllowedField")],
    });
  }
  const partner = { id: allowed.partnerEntityId };
  const sha256 = createHash("sha256").update(o.bytes).digest("hex");
  return db.$transaction(async (tx) => {
    const t = await tx.fileTransfer.create({
      data: {
        fromEntityId: o.actor.entityId,
        toEntityId: partner.id,
        senderId: o.actor.personId,
        fileName: o.input.fileName,
        size: o.bytes.length,
        sha256,
        ciphertext: Buffer.from(o.bytes),
        note: o.input.note,
      },
      select: { id: true, fileName: true, size: true, sha256: true },
    });
    await writeAuditEvent(tx, auditContext(o.actor, o.meta), {
      action: "file_exchange.sent",
      targetType: "FileTransfer",
      targetId: t.id,
      after: { toEntityId: partner.id, fileName: t.fileName, size: t.size, sha256 },
    });
    await mailFileReceived(tx, { toEntityId: partner.id, fileName: t.fileName });
    return t;
  });
}
