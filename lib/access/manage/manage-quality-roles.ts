import "server-only";

import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";

import { auditContext, authorize, findDesignablePerson, findQuality, personSummary, refuseSelf, type Command } from "./command";
import { assertOutranks } from "./standing";

/** co-GL (by the GL or the RAE) and technical user (by the GL or co-GL) of one quality. */
export async function designateQualityRole(c: Command<{ qualityId: string; personId: string; role: "CO_GL" | "TECHNICAL_USER" }>) {
  refuseSelf(c.actor, c.personId);
  return db.$transaction(async (tx) => {
    const quality = await findQuality(tx, c.actor, c.qualityId);
    authorize(c.actor, c.role === "CO_GL" ? "quality.manage_co_gl" : "quality.designate_technical_user", { entityId: quality.entityId, qualityId: quality.id });
    const person = await findDesignablePerson(tx, c.actor, c.personId);
    await assertOutranks(tx, c.actor, person, { qualityId: quality.id });
    const held = await tx.roleAssignment.findFirst({ where: { qualityId: quality.id, personId: person.id, role: { in: ["GL", c.role] }, revokedAt: null } });
    if (held) throw new AppError("CONFLICT", held.role === "GL" ? msg("access.errors.alreadyQualityGl") : msg("access.errors.alreadyHasRole"));
    // One technical user per quality: naming a new one ends the previous designation.
    const previous =
      c.role === "TECHNICAL_USER"
        ? await tx.roleAssignment.findFirst({ where: { qualityId: quality.id, role: "TECHNICAL_USER", revokedAt: null }, include: { person: true } })
        : null;
    if (previous) await assertOutranks(tx, c.actor, previous.person, { qualityId: quality.id });
    if (previous) await tx.roleAssignment.update({ where: { id: previous.id }, data: { revokedAt: new Date(), revokedById: c.actor.personId } });
    const role = await tx.roleAssignment.create({
      data: { personId: person.id, role: c.role, entityId: quality.entityId, qualityId: quality.id, grantedById: c.actor.personId },
    });
    await writeAuditEvent(tx, auditContext(c.actor, c.meta), {
      action: c.role === "CO_GL" ? "access.co_gl_designated" : "access.technical_user_designated",
      targetType: "quality",
      targetId: quality.id,
      before: previous ? { person: personSummary(previous.person) } : null,
      after: { person: personSummary(person) },
    });
    return role;
  });
}

/** Removes a co-GL or technical user. The GL cannot be removed, only replaced: an active quality always keeps its GL. */
export async function removeQualityRole(c: Command<{ roleId: string }>) {
  return db.$transaction(async (tx) => {
    const role = await tx.roleAssignment.findFirst({
      where: { id: c.roleId, entityId: c.actor.entityId, revokedAt: null },
      include: { person: true, quality: true },
    });
    if (!role?.quality) throw notFound();
    if (role.role === "GL") throw new AppError("CONFLICT", msg("access.errors.glNotRemovable"));
    if (role.role !== "CO_GL" && role.role !== "TECHNICAL_USER") throw notFound();
    authorize(c.actor, role.role === "CO_GL" ? "quality.manage_co_gl" : "quality.designate_technical_user", {
      entityId: role.entityId,
      qualityId: role.qualityId,
    });
    refuseSelf(c.actor, role.personId);
    // « Nommer/supprimer co-GL » is the GL's and the co-GL's: a co-GL removes a fellow co-GL, never its GL.
    await assertOutranks(tx, c.actor, role.person, { qualityId: role.qualityId }, { peers: role.role === "CO_GL" });
    await tx.roleAssignment.update({ where: { id: role.id }, data: { revokedAt: new Date(), revokedById: c.actor.personId } });
    await writeAuditEvent(tx, auditContext(c.actor, c.meta), {
      action: role.role === "CO_GL" ? "access.co_gl_removed" : "access.technical_user_removed",
      targetType: "quality",
      targetId: role.quality.id,
      before: { person: personSummary(role.person) },
      after: null,
    });
  });
}

export async function updateQualityEmail(c: Command<{ qualityId: string; email: string }>) {
  return db.$transaction(async (tx) => {
    const quality = await findQuality(tx, c.actor, c.qualityId);
    authorize(c.actor, "quality.update_email", { entityId: quality.entityId, qualityId: quality.id });
    await tx.quality.update({ where: { id: quality.id }, data: { email: c.email } });
    await writeAuditEvent(tx, auditContext(c.actor, c.meta), {
      action: "access.quality_email_changed",
      targetType: "quality",
      targetId: quality.id,
      before: { email: quality.email },
      after: { email: c.email },
    });
  });
}
