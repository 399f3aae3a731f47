import "server-only";

import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";

import { auditContext, authorize, findDesignablePerson, findQuality, personSummary, refuseSelf, type Command } from "./command";
import { assertOutranks } from "./standing";

export const DPD_RULE_MESSAGE = msg("access.errors.dpdRule");

/** The RAE designates (or changes) the single GL of a quality; the previous GL's role ends. */
export async function designateLocalManager(c: Command<{ qualityId: string; personId: string }>) {
  refuseSelf(c.actor, c.personId);
  return db.$transaction(async (tx) => {
    // Serialises designations on this quality: "one GL per quality" holds under concurrency.
    await tx.$queryRaw`SELECT id FROM "Quality" WHERE id = ${c.qualityId}::uuid FOR UPDATE`;
    const quality = await findQuality(tx, c.actor, c.qualityId);
    authorize(c.actor, "entity.designate_gl", { entityId: quality.entityId, qualityId: quality.id });
    const person = await findDesignablePerson(tx, c.actor, c.personId);
    await assertOutranks(tx, c.actor, person, { qualityId: quality.id });
    if (quality.type === "ACTION_SOCIALE") {
      const entity = await tx.entity.findUniqueOrThrow({ where: { id: quality.entityId }, select: { dpdPersonId: true } });
      if (entity.dpdPersonId !== person.id) throw new AppError("UNPROCESSABLE", DPD_RULE_MESSAGE, { personId: [DPD_RULE_MESSAGE] });
    }
    const current = await tx.roleAssignment.findFirst({ where: { qualityId: quality.id, role: "GL", revokedAt: null }, include: { person: true } });
    if (current?.personId === person.id) throw new AppError("CONFLICT", msg("access.errors.alreadyGl"));
    if (current) {
      await assertOutranks(tx, c.actor, current.person, { qualityId: quality.id });
      await tx.roleAssignment.update({ where: { id: current.id }, data: { revokedAt: new Date(), revokedById: c.actor.personId } });
    }
    // A co-GL promoted to GL stops being co-GL of the same quality.
    await tx.roleAssignment.updateMany({
      where: { qualityId: quality.id, personId: person.id, role: "CO_GL", revokedAt: null },
      data: { revokedAt: new Date(), revokedById: c.actor.personId },
    });
    const role = await tx.roleAssignment.create({
      data: { personId: person.id, role: "GL", entityId: quality.entityId, qualityId: quality.id, grantedById: c.actor.personId },
    });
    await writeAuditEvent(tx, auditContext(c.actor, c.meta), {
      action: "access.gl_designated",
      targetType: "quality",
      targetId: quality.id,
      before: current ? { gl: personSummary(current.person) } : { gl: null },
      after: { gl: personSummary(person), quality: quality.type },
    });
    return role;
  });
}
