import "server-only";

import { z } from "zod";

import type { Actor } from "@/lib/access/actor";
import { auditContext, authorize } from "@/lib/access/manage/command";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import type { RequestMeta } from "@/lib/http/request-context";

import { organisationLabel } from "./organisation-label";

export const RETENTION_DAYS = { min: 1, max: 365 };

export const ZFileExchangeSettings = z.object({
  partnerEntityIds: z.array(z.uuid(msg("forem.validation.unknownOrganisation"))).max(500, msg("forem.validation.tooManyOrganisations")),
  retentionDays: z.coerce
    .number({ error: msg("forem.validation.retentionNumber") })
    .int(msg("forem.validation.retentionInteger"))
    .min(RETENTION_DAYS.min, msg("forem.validation.retentionMin", { min: RETENTION_DAYS.min }))
    .max(RETENTION_DAYS.max, msg("forem.validation.retentionMax", { max: RETENTION_DAYS.max })),
});
export type TFileExchangeSettings = z.infer<typeof ZFileExchangeSettings>;

/** The DPD's view: every other organisation of the portal, whether files may go to it, and the retention. */
export async function fileExchangeSettings(actor: Actor) {
  authorize(actor, "entity.manage_file_exchange", { entityId: actor.entityId });
  const [organisations, allowed, entity] = await Promise.all([
    db.entity.findMany({ where: { id: { not: actor.entityId } }, orderBy: { name: "asc" }, select: { id: true, name: true, kind: true } }),
    db.fileExchangePartner.findMany({ where: { entityId: actor.entityId }, select: { partnerEntityId: true } }),
    db.entity.findUniqueOrThrow({ where: { id: actor.entityId }, select: { fileRetentionDays: true } }),
  ]);
  const isAllowed = new Set(allowed.map((a) => a.partnerEntityId));
  return {
    organisations: organisations.map((o) => ({ ...o, label: organisationLabel(o), isAllowed: isAllowed.has(o.id) })),
    retentionDays: entity.fileRetentionDays,
  };
}

/**
 * The DPD replaces the centre's FileExchange allow-list and retention period in one step; the audit
 * event keeps both before and after. Unknown ids, or the centre itself, are refused: nothing changes.
 */
export async function saveFileExchangeSettings(o: { actor: Actor; meta: RequestMeta; input: TFileExchangeSettings }) {
  authorize(o.actor, "entity.manage_file_exchange", { entityId: o.actor.entityId });
  const entityId = o.actor.entityId;
  const wanted = [...new Set(o.input.partnerEntityIds)];
  if (wanted.includes(entityId))
    throw new AppError("BAD_REQUEST", msg("forem.errors.ownCentrePartner"), { partnerEntityIds: [msg("forem.errors.invalidOrganisation")] });
  return db.$transaction(async (tx) => {
    const known = await tx.entity.count({ where: { id: { in: wanted } } });
    if (known !== wanted.length)
      throw new AppError("BAD_REQUEST", msg("forem.validation.unknownOrganisation"), { partnerEntityIds: [msg("forem.validation.unknownOrganisation")] });
    const [before, entity] = await Promise.all([
      tx.fileExchangePartner.findMany({ where: { entityId }, select: { partnerEntityId: true }, orderBy: { partnerEntityId: "asc" } }),
      tx.entity.findUniqueOrThrow({ where: { id: entityId }, select: { fileRetentionDays: true } }),
    ]);
    const beforeIds = before.map((b) => b.partnerEntityId);
    await tx.fileExchangePartner.deleteMany({ where: { entityId, partnerEntityId: { notIn: wanted } } });
    await tx.fileExchangePartner.createMany({
      data: wanted.filter((id) => !beforeIds.includes(id)).map((partnerEntityId) => ({ entityId, partnerEntityId, addedById: o.actor.personId })),
    });
    await tx.entity.update({ where: { id: entityId }, data: { fileRetentionDays: o.input.retentionDays } });
    await writeAuditEvent(tx, auditContext(o.actor, o.meta), {
      action: "file_exchange.settings_changed",
      targetType: "entity",
      targetId: entityId,
      before: { partners: beforeIds, retentionDays: entity.fileRetentionDays },
      after: { partners: [...wanted].sort(), retentionDays: o.input.retentionDays },
    });
    return { partners: wanted.length, retentionDays: o.input.retentionDays };
  });
}

/**
 * Hourly: the ciphertext of every file older than its sending centre's retention period is deleted.
 * The register row stays (name, size, SHA-256, dates) with `purgedAt`, and each purge is audited
 * under the sending centre. One statement per round, whatever the number of centres.
 */
export async function purgeExpiredTransfers(now = new Date()): Promise<number> {
  return db.$transaction(async (tx) => {
    const purged = await tx.$queryRaw<{ id: string; fromEntityId: string; fileName: string; sha256: string; createdAt: Date }[]>`
      UPDATE "FileTransfer" AS t
      SET "ciphertext" = NULL, "purgedAt" = ${now}
      FROM "Entity" AS e
      WHERE e."id" = t."fromEntityId"
        AND t."purgedAt" IS NULL
        AND t."createdAt" < ${now}::timestamp - make_interval(days => e."fileRetentionDays")
      RETURNING t."id", t."fromEntityId", t."fileName", t."sha256", t."createdAt"`;
    for (const t of purged) {
      await writeAuditEvent(
        tx,
        { actorId: null, entityId: t.fromEntityId },
        {
          action: "file_exchange.purged",
          targetType: "FileTransfer",
          targetId: t.id,
          after: { fileName: t.fileName, sha256: t.sha256, sentAt: t.createdAt.toISOString(), reason: "délai de conservation écoulé" },
        },
      );
    }
    return purged.length;
  });
}
