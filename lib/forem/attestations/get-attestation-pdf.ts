import "server-only";

import type { Actor } from "@/lib/access/actor";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import type { RequestMeta } from "@/lib/http/request-context";
import { translatorFor } from "@/lib/i18n/translator";
import { revealWorkerNiss } from "@/lib/workers";

import { assertForemAccess } from "../access";
import { auditContext } from "../audit-context";

import type { AttestationSnapshot } from "./attestation-schema";
import { renderAttestationPdf } from "./render-attestation-pdf";

/**
 * The PDF of one attestation of the actor's centre, rebuilt from what was frozen at issue. It
 * carries a national number, so each download is recorded in the audit trail.
 */
export async function getAttestationPdf(o: { actor: Actor; id: string; meta: RequestMeta }) {
  assertForemAccess(o.actor);
  if (!/^[0-9a-f-]{36}$/i.test(o.id)) throw notFound();
  const a = await db.attestation.findFirst({ where: { id: o.id, entityId: o.actor.entityId }, include: { worker: { select: { nissEncrypted: true } } } });
  if (!a) throw notFound();
  const bytes = await renderAttestationPdf({
    number: a.number,
    snapshot: a.periods as AttestationSnapshot,
    niss: revealWorkerNiss(a.worker),
    place: a.place,
    signatory: a.signatory,
    reason: a.reason,
    locale: o.actor.language,
  });
  await db.$transaction((tx) =>
    writeAuditEvent(tx, auditContext(o.actor, o.meta), {
      action: "attestation.downloaded",
      targetType: "Attestation",
      targetId: a.id,
      after: { number: a.number },
    }),
  );
  return { bytes, fileName: translatorFor(o.actor.language)("forem.attestation.fileName", { number: a.number }) };
}
