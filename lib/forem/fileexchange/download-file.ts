import "server-only";

import type { Actor } from "@/lib/access/actor";
import { belgianDay } from "@/lib/c607/calendar-date";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import type { RequestMeta } from "@/lib/http/request-context";

import { assertFileExchangeAccess } from "../access";
import { auditContext } from "../audit-context";

/**
 * A file the actor's centre sent or received; any other id is "not found". The recipient's first
 * download marks it as collected. Every download is audited.
 */
export async function downloadFile(o: { actor: Actor; id: string; meta: RequestMeta }) {
  assertFileExchangeAccess(o.actor);
  if (!/^[0-9a-f-]{36}$/i.test(o.id)) throw notFound();
  const entityId = o.actor.entityId;
  const t = await db.fileTransfer.findFirst({ where: { id: o.id, OR: [{ fromEntityId: entityId }, { toEntityId: entityId }] } });
  if (!t) throw notFound();
  if (!t.ciphertext) {
    // dd/mm/yyyy reads the same in French and in Dutch (Belgium).
    const date = t.purgedAt ? belgianDay(t.purgedAt) : "";
    throw new AppError("GONE", msg("forem.errors.filePurged", { hasDate: date ? "yes" : "no", date }));
  }
  const ciphertext = t.ciphertext;
  const isRecipient = t.toEntityId === entityId;
  await db.$transaction(async (tx) => {
    if (isRecipient && !t.downloadedAt) await tx.fileTransfer.update({ where: { id: t.id }, data: { downloadedAt: new Date() } });
    await writeAuditEvent(tx, auditContext(o.actor, o.meta), {
      action: "file_exchange.downloaded",
      targetType: "FileTransfer",
      targetId: t.id,
      after: { fileName: t.fileName, asRecipient: isRecipient },
    });
  });
  return { bytes: new Uint8Array(ciphertext), fileName: t.fileName };
}
