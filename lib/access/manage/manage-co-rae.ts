import "server-only";

import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";

import { auditContext, authorize, findDesignablePerson, personSummary, refuseSelf, type Command } from "./command";
import { assertOutranks } from "./standing";

export async function designateCoRae(c: Command<{ personId: string }>) {
  authorize(c.actor, "entity.manage_co_rae", { entityId: c.actor.entityId });
  refuseSelf(c.actor, c.personId);
  return db.$transaction(async (tx) => {
    const person = await findDesignablePerson(tx, c.actor, c.personId);
    await assertOutranks(tx, c.actor, person, {});
    const existing = await tx.roleAssignment.findFirst({
      where: { personId: person.id, entityId: c.actor.entityId, role: { in: ["RAE", "CO_RAE"] }, revokedAt: null },
    });
    if (existing) throw new AppError("CONFLICT", msg("access.errors.alreadyRae"));
    const role = await tx.roleAssignment.create({ data: { personId: person.id, role: "CO_RAE", entityId: c.actor.entityId, grantedById: c.actor.personId } });
    await writeAuditEvent(tx, auditContext(c.actor, c.meta), {
      action: "access.co_rae_designated",
      targetType: "person",
      targetId: person.id,
      after: personSummary(person),
    });
    return role;
  });
}

/**
 * Block, unblock or delete a co-RAE. Only co-RAE roles are reachable here: the RAE itself can be
 * neither blocked nor deleted through the portal (the legal representatives change it via CSAM).
 */
export async function changeCoRae(c: Command<{ roleId: string; change: "block" | "unblock" | "delete" }>) {
  authorize(c.actor, "entity.manage_co_rae", { entityId: c.actor.entityId });
  return db.$transaction(async (tx) => {
    const role = await tx.roleAssignment.findFirst({ where: { id: c.roleId, entityId: c.actor.entityId, revokedAt: null }, include: { person: true } });
    if (!role) throw notFound();
    if (role.role !== "CO_RAE") throw new AppError("FORBIDDEN", msg("access.errors.onlyCoRae"));
    refuseSelf(c.actor, role.personId);
    // Seed 003 gives « bloquer, débloquer et supprimer une co-RAE » to the RAE and co-RAE: a co-RAE acts
    // on a fellow co-RAE, never on the RAE.
    await assertOutranks(tx, c.actor, role.person, {}, { peers: true });
    const data = c.change === "delete" ? { revokedAt: new Date(), revokedById: c.actor.personId } : { isBlocked: c.change === "block" };
    await tx.roleAssignment.update({ where: { id: role.id }, data });
    await writeAuditEvent(tx, auditContext(c.actor, c.meta), {
      action: `access.co_rae_${c.change === "delete" ? "deleted" : c.change === "block" ? "blocked" : "unblocked"}`,
      targetType: "person",
      targetId: role.personId,
      before: { isBlocked: role.isBlocked, active: true },
      after: c.change === "delete" ? { active: false } : { isBlocked: c.change === "block" },
    });
  });
}
