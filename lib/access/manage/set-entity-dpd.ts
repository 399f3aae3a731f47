import "server-only";

import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";

import { auditContext, authorize, findDesignablePerson, personSummary, refuseSelf, type Command } from "./command";
import { assertOutranks } from "./standing";

/**
 * The RAE records who the centre's DPD is. Changing the DPD does not move the GL of Action Sociale:
 * the dashboard then shows that designation as non-compliant until the RAE fixes it (issue 3).
 */
export async function setEntityDpd(c: Command<{ personId: string }>) {
  authorize(c.actor, "entity.set_dpd", { entityId: c.actor.entityId });
  refuseSelf(c.actor, c.personId);
  return db.$transaction(async (tx) => {
    const person = await findDesignablePerson(tx, c.actor, c.personId);
    const entity = await tx.entity.findUniqueOrThrow({ where: { id: c.actor.entityId }, include: { dpdPerson: true } });
    await assertOutranks(tx, c.actor, person, {});
    if (entity.dpdPerson) await assertOutranks(tx, c.actor, entity.dpdPerson, {});
    await tx.entity.update({ where: { id: entity.id }, data: { dpdPersonId: person.id } });
    await writeAuditEvent(tx, auditContext(c.actor, c.meta), {
      action: "access.dpd_set",
      targetType: "person",
      targetId: person.id,
      before: entity.dpdPerson && personSummary(entity.dpdPerson),
      after: personSummary(person),
    });
  });
}
