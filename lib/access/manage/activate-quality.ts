import "server-only";

import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import type { QualityType } from "@/lib/generated/prisma/enums";

import { auditContext, authorize, type Command } from "./command";
import { checkQualityIdentifier } from "./quality-identifier";

/** The RAE activates a quality (creating it if the entity did not have it yet) with its identifier. */
export async function activateQuality(c: Command<{ type: QualityType; identifier: string }>) {
  authorize(c.actor, "entity.activate_quality", { entityId: c.actor.entityId });
  const id = checkQualityIdentifier(c.type, c.identifier);
  if (!id.ok) throw new AppError("BAD_REQUEST", id.message, { identifier: [id.message] });
  return db.$transaction(async (tx) => {
    const before = await tx.quality.findUnique({ where: { entityId_type: { entityId: c.actor.entityId, type: c.type } } });
    const after = await tx.quality.upsert({
      where: { entityId_type: { entityId: c.actor.entityId, type: c.type } },
      update: { identifier: id.value, isActive: true, activatedAt: before?.isActive ? before.activatedAt : new Date() },
      create: { entityId: c.actor.entityId, type: c.type, identifier: id.value, isActive: true, activatedAt: new Date() },
    });
    await writeAuditEvent(tx, auditContext(c.actor, c.meta), {
      action: "access.quality_activated",
      targetType: "quality",
      targetId: after.id,
      before: before && { type: before.type, identifier: before.identifier, isActive: before.isActive },
      after: { type: after.type, identifier: after.identifier, isActive: true },
    });
    return after;
  });
}

/** Deactivating a quality keeps its managers and rights for history, but its applications close (rights need an active quality). */
export async function deactivateQuality(c: Command<{ qualityId: string }>) {
  authorize(c.actor, "entity.activate_quality", { entityId: c.actor.entityId });
  return db.$transaction(async (tx) => {
    const q = await tx.quality.findFirst({ where: { id: c.qualityId, entityId: c.actor.entityId } });
    if (!q) throw notFound();
    if (!q.isActive) throw new AppError("CONFLICT", msg("access.errors.qualityNotActive"));
    await tx.quality.update({ where: { id: q.id }, data: { isActive: false } });
    await writeAuditEvent(tx, auditContext(c.actor, c.meta), {
      action: "access.quality_deactivated",
      targetType: "quality",
      targetId: q.id,
      before: { isActive: true },
      after: { isActive: false },
    });
  });
}
