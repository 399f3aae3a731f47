import "server-only";

import { z } from "zod";

import type { Actor } from "@/lib/access/actor";
import { auditContext, authorize, findQuality } from "@/lib/access/manage/command";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import type { RequestMeta } from "@/lib/http/request-context";
import { checkBce } from "@/lib/validation/bce";
import { safeText } from "@/lib/validation/safe-text";

import { BATCH_SERVICE_CODES, CHANNEL_QUALITY, serviceLabel } from "./services";

// Mandates (seed 004, MAHIS): the employer (mandant, here the CPAS under « Employeur ONSS ») may
// have one provider (mandataire: social secretariat, service provider) per service; for the Federal
// Learning Account only one. The register keeps who was mandated for what, from when, until when.

const isoDate = (which: "start" | "end") =>
  z
    .string({ error: msg(which === "start" ? "batch.errors.startDateRequired" : "batch.errors.endDateRequired") })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: msg(which === "start" ? "batch.errors.startDateExpected" : "batch.errors.endDateExpected") });

export const ZCreateMandate = z
  .object({
    qualityId: z.uuid({ error: msg("batch.errors.unknownQuality") }),
    service: z.enum(BATCH_SERVICE_CODES, { error: msg("batch.errors.unknownService") }),
    providerBce: z.string({ error: msg("batch.errors.bceRequired") }).trim(),
    providerName: safeText({ min: 2, max: 120, label: msg("batch.fields.providerName") }),
    validFrom: isoDate("start"),
    validUntil: z.preprocess((v) => (v === "" || v === null ? undefined : v), isoDate("end").optional()),
  })
  .refine((m) => !m.validUntil || m.validUntil >= m.validFrom, { path: ["validUntil"], message: msg("batch.errors.endBeforeStart") });
export type TCreateMandate = z.infer<typeof ZCreateMandate>;

export const ZMandateId = z.object({ mandateId: z.uuid({ error: msg("batch.errors.unknownMandate") }) });

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const FAR = "9999-12-31";

export async function createMandate(o: { actor: Actor; meta: RequestMeta; input: TCreateMandate }) {
  return db.$transaction(async (tx) => {
    const quality = await findQuality(tx, o.actor, o.input.qualityId);
    authorize(o.actor, "quality.manage_channels", { entityId: o.actor.entityId, qualityId: quality.id });
    if (quality.type !== CHANNEL_QUALITY) throw new AppError("UNPROCESSABLE", msg("batch.errors.mandatesQualityOnly"));
    const bce = checkBce(o.input.providerBce);
    if (!bce.ok) throw new AppError("BAD_REQUEST", bce.message, { providerBce: [bce.message] });
    // Serialise mandates of this quality: two overlapping mandates can never both be written.
    await tx.$queryRaw`SELECT id FROM "Quality" WHERE id = ${quality.id}::uuid FOR UPDATE`;
    const until = o.input.validUntil ?? FAR;
    const overlapping = await tx.batchMandate.findFirst({
      where: {
        qualityId: quality.id,
        service: o.input.service,
        revokedAt: null,
        validFrom: { lte: day(until) },
        OR: [{ validUntil: null }, { validUntil: { gte: day(o.input.validFrom) } }],
      },
      select: { providerName: true },
    });
    if (overlapping) {
      throw new AppError("CONFLICT", msg("batch.errors.mandateOverlap", { provider: overlapping.providerName, service: serviceLabel(o.input.service) }));
    }
    const mandate = await tx.batchMandate.create({
      data: {
        entityId: o.actor.entityId,
        qualityId: quality.id,
        service: o.input.service,
        providerBce: bce.digits,
        providerName: o.input.providerName,
        validFrom: day(o.input.validFrom),
        validUntil: o.input.validUntil ? day(o.input.validUntil) : null,
        createdById: o.actor.personId,
      },
      select: { id: true },
    });
    await writeAuditEvent(tx, auditContext(o.actor, o.meta), {
      action: "mandate.created",
      targetType: "BatchMandate",
      targetId: mandate.id,
      after: {
        service: o.input.service,
        providerBce: bce.digits,
        providerName: o.input.providerName,
        validFrom: o.input.validFrom,
        validUntil: o.input.validUntil ?? null,
      },
    });
    return mandate;
  });
}

export async function revokeMandate(o: { actor: Actor; meta: RequestMeta; mandateId: string }) {
  return db.$transaction(async (tx) => {
    const mandate = await tx.batchMandate.findFirst({ where: { id: o.mandateId, entityId: o.actor.entityId } });
    if (!mandate) throw notFound();
    authorize(o.actor, "quality.manage_channels", { entityId: o.actor.entityId, qualityId: mandate.qualityId });
    if (mandate.revokedAt) throw new AppError("UNPROCESSABLE", msg("batch.errors.mandateRevoked"));
    await tx.batchMandate.update({ where: { id: mandate.id }, data: { revokedAt: new Date() } });
    await writeAuditEvent(tx, auditContext(o.actor, o.meta), {
      action: "mandate.revoked",
      targetType: "BatchMandate",
      targetId: mandate.id,
      before: { service: mandate.service, providerBce: mandate.providerBce, revokedAt: null },
      after: { revokedAt: "now" },
    });
  });
}
