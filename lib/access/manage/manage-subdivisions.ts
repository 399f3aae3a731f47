import "server-only";

import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import { Prisma } from "@/lib/generated/prisma/client";

import { auditContext, authorize, findDesignablePerson, findQuality, findSubdivision, personSummary, refuseSelf, type Command } from "./command";
import { assertOutranks } from "./standing";

export async function createSubdivision(c: Command<{ qualityId: string; name: string }>) {
  return db.$transaction(async (tx) => {
    const quality = await findQuality(tx, c.actor, c.qualityId);
    authorize(c.actor, "quality.manage_subdivisions", { entityId: quality.entityId, qualityId: quality.id });
    try {
      const s = await tx.subdivision.create({ data: { qualityId: quality.id, name: c.name } });
      await writeAuditEvent(tx, auditContext(c.actor, c.meta), {
        action: "access.subdivision_created",
        targetType: "subdivision",
        targetId: s.id,
        after: { name: c.name, quality: quality.type },
      });
      return s;
    } catch (e) {
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
        throw new AppError("CONFLICT", msg("access.errors.subdivisionExists"), { name: [msg("access.errors.subdivisionExistsField")] });
      }
      throw e;
    }
  });
}

/** The GL names a subdivision manager or co-manager; the person also becomes a member of the subdivision. */
export async function designateSubdivisionManager(
  c: Command<{ subdivisionId: string; personId: string; role: "SUBDIVISION_MANAGER" | "SUBDIVISION_CO_MANAGER" }>,
) {
  refuseSelf(c.actor, c.personId);
  return db.$transaction(async (tx) => {
    const sub = await findSubdivision(tx, c.actor, c.subdivisionId);
    authorize(c.actor, "quality.manage_subdivisions", { entityId: sub.quality.entityId, qualityId: sub.qualityId });
    const person = await findDesignablePerson(tx, c.actor, c.personId);
    await assertOutranks(tx, c.actor, person, { qualityId: sub.qualityId, subdivisionId: sub.id });
    const held = await tx.roleAssignment.findFirst({ where: { subdivisionId: sub.id, personId: person.id, role: c.role, revokedAt: null } });
    if (held) throw new AppError("CONFLICT", msg("access.errors.alreadySubdivisionRole"));
    await tx.person.update({ where: { id: person.id }, data: { subdivisionId: sub.id } });
    const role = await tx.roleAssignment.create({
      data: {
        personId: person.id,
        role: c.role,
        entityId: sub.quality.entityId,
        qualityId: sub.qualityId,
        subdivisionId: sub.id,
        grantedById: c.actor.personId,
      },
    });
    await writeAuditEvent(tx, auditContext(c.actor, c.meta), {
      action: "access.subdivision_manager_designated",
      targetType: "subdivision",
      targetId: sub.id,
      before: { subdivision: person.subdivisionId },
      after: { person: personSummary(person), role: c.role, subdivision: sub.id },
    });
    return role;
  });
}
