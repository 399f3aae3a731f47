import "server-only";

import { ACCESS_RIGHTS, qualitiesOfRight, rightLivesIn, type RightCode } from "@/lib/access/catalogue";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import { AppError, forbidden, notFound } from "@/lib/errors/app-error";
import type { QualityType } from "@/lib/generated/prisma/enums";
import { msg } from "@/lib/i18n/message-ref";

import { can } from "../can";
import { auditContext, findPerson, findQuality, personSummary, refuseSelf, type Command } from "./command";
import { checkSegregation } from "./check-segregation";
import { assertOutranks } from "./standing";

// Rights only the DPD hands out: the security advisor's access to the security log (seed 003).
const DPD_ONLY_RIGHTS: RightCode[] = ["CONSEILLER_SECURITE"];

export type GrantInput = {
  personId: string;
  qualityId: string;
  rightCode: RightCode;
  validFrom?: Date | null;
  validUntil?: Date | null;
  justification?: string | null;
};

/**
 * Grants an application right of a quality. The GL/co-GL grant within their quality; subdivision
 * managers only to members of their subdivision and only rights they hold themselves (no one
 * grants above their own); only the DPD grants the security advisor's right; nobody grants to
 * themselves. Segregation-of-duties rules are checked against the person's current rights.
 */
export async function grantRight(c: Command<GrantInput>) {
  refuseSelf(c.actor, c.personId);
  const right = ACCESS_RIGHTS.find((r) => r.code === c.rightCode);
  if (!right) throw new AppError("BAD_REQUEST", msg("access.errors.unknownRight"), { rightCode: [msg("access.errors.unknownRight")] });
  const validFrom = c.validFrom ?? new Date();
  if (c.validUntil && c.validUntil <= validFrom) {
    throw new AppError("BAD_REQUEST", msg("access.errors.endBeforeStart"), { validUntil: [msg("access.errors.endBeforeStart")] });
  }
  return db.$transaction(async (tx) => {
    const quality = await findQuality(tx, c.actor, c.qualityId);
    const person = await findPerson(tx, c.actor, c.personId);
    // Serialise grants to one person: the SoD check and the duplicate check see every concurrent grant.
    await tx.$queryRaw`SELECT id FROM "Person" WHERE id = ${person.id}::uuid FOR UPDATE`;
    const resource = { entityId: quality.entityId, qualityId: quality.id, subdivisionId: person.subdivisionId };
    if (!can(c.actor, "quality.manage_rights", resource)) throw forbidden();
    const isQualityManager = can(c.actor, "quality.manage_rights", { ...resource, subdivisionId: null });
    if (!isQualityManager && !c.actor.rights.some((r) => r.code === c.rightCode && r.qualityId === quality.id)) {
      throw new AppError("FORBIDDEN", msg("access.errors.ownRightsOnly"));
    }
    if (DPD_ONLY_RIGHTS.includes(c.rightCode) && !c.actor.isDpd) throw new AppError("FORBIDDEN", msg("access.errors.dpdOnlyRight"));
    if (!quality.isActive) throw new AppError("CONFLICT", msg("access.errors.qualityNotActive"));
    if (!rightLivesIn(c.rightCode, quality.type))
      throw new AppError("UNPROCESSABLE", wrongQualityMessage(c.rightCode, quality.type), {
        rightCode: [msg("access.errors.wrongQualityField")],
      });
    await assertOutranks(tx, c.actor, person, resource);
    if (person.status === "BLOCKED") throw new AppError("UNPROCESSABLE", msg("access.errors.personBlocked"));
    const held = await tx.rightGrant.findMany({
      where: { personId: person.id, entityId: quality.entityId, revokedAt: null, OR: [{ validUntil: null }, { validUntil: { gt: new Date() } }] },
      select: { rightCode: true, qualityId: true },
    });
    if (held.some((g) => g.rightCode === c.rightCode && g.qualityId === quality.id)) throw new AppError("CONFLICT", msg("access.errors.alreadyHasRight"));
    const justification = await checkSegregation(tx, {
      entityId: quality.entityId,
      newRight: c.rightCode,
      heldRights: held.map((g) => g.rightCode),
      justification: c.justification ?? null,
    });
    const grant = await tx.rightGrant.create({
      data: {
        personId: person.id,
        rightCode: c.rightCode,
        entityId: quality.entityId,
        qualityId: quality.id,
        grantedById: c.actor.personId,
        validFrom,
        validUntil: c.validUntil ?? null,
        justification,
      },
    });
    await writeAuditEvent(tx, auditContext(c.actor, c.meta), {
      action: "access.right_granted",
      targetType: "person",
      targetId: person.id,
      before: null,
      after: { person: personSummary(person), right: right.name, quality: quality.type, validFrom, validUntil: c.validUntil ?? null, justification },
    });
    return grant;
  });
}

/** Revokes a grant. The next request of its holder no longer sees it (rights are read per request). */
export async function revokeRight(c: Command<{ grantId: string }>) {
  return db.$transaction(async (tx) => {
    const grant = await tx.rightGrant.findFirst({
      where: { id: c.grantId, entityId: c.actor.entityId, revokedAt: null },
      include: { person: true, right: true },
    });
    if (!grant) throw notFound();
    refuseSelf(c.actor, grant.personId);
    if (!can(c.actor, "quality.manage_rights", { entityId: grant.entityId, qualityId: grant.qualityId, subdivisionId: grant.person.subdivisionId }))
      throw forbidden();
    await assertOutranks(tx, c.actor, grant.person, { qualityId: grant.qualityId, subdivisionId: grant.person.subdivisionId });
    await tx.rightGrant.update({ where: { id: grant.id }, data: { revokedAt: new Date(), revokedById: c.actor.personId } });
    await writeAuditEvent(tx, auditContext(c.actor, c.meta), {
      action: "access.right_revoked",
      targetType: "person",
      targetId: grant.personId,
      before: { person: personSummary(grant.person), right: grant.right.name, grantedAt: grant.grantedAt },
      after: null,
    });
  });
}

/** Why a right cannot be granted under this quality, naming where its application lives (seed 003, seed 004). */
export function wrongQualityMessage(code: RightCode, type: QualityType): string {
  // Every right's application lives in one quality at most (APPLICATION_QUALITIES).
  const home = qualitiesOfRight(code)[0];
  return home
    ? msg("access.errors.wrongQuality", { right: code, quality: type, home })
    : msg("access.errors.wrongQualityNowhere", { right: code, quality: type });
}
