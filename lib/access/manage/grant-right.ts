import "server-only";

import { ACCESS_RIGHTS, QUALITY_LABELS, qualitiesOfRight, rightLivesIn, type RightCode } from "@/lib/access/catalogue";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import { AppError, forbidden, notFound } from "@/lib/errors/app-error";

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
  if (!right) throw new AppError("BAD_REQUEST", "Droit inconnu.", { rightCode: ["Droit inconnu."] });
  const validFrom = c.validFrom ?? new Date();
  if (c.validUntil && c.validUntil <= validFrom) {
    throw new AppError("BAD_REQUEST", "La date de fin doit suivre la date de début.", { validUntil: ["La date de fin doit suivre la date de début."] });
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
      throw new AppError("FORBIDDEN", "Vous ne pouvez attribuer que des droits que vous détenez vous-même.");
    }
    if (DPD_ONLY_RIGHTS.includes(c.rightCode) && !c.actor.isDpd) throw new AppError("FORBIDDEN", "Seul le DPD du centre attribue ce droit.");
    if (!quality.isActive) throw new AppError("CONFLICT", "Cette qualité n'est pas activée.");
    if (!rightLivesIn(c.rightCode, quality.type))
      throw new AppError("UNPROCESSABLE", wrongQualityMessage(c.rightCode, right.name, quality.type), {
        rightCode: ["Ce droit ne relève pas de cette qualité."],
      });
    await assertOutranks(tx, c.actor, person, resource);
    if (person.status === "BLOCKED") throw new AppError("UNPROCESSABLE", "Cette personne est bloquée.");
    const held = await tx.rightGrant.findMany({
      where: { personId: person.id, entityId: quality.entityId, revokedAt: null, OR: [{ validUntil: null }, { validUntil: { gt: new Date() } }] },
      select: { rightCode: true, qualityId: true },
    });
    if (held.some((g) => g.rightCode === c.rightCode && g.qualityId === quality.id)) throw new AppError("CONFLICT", "Cette personne détient déjà ce droit.");
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
export function wrongQualityMessage(code: RightCode, name: string, type: keyof typeof QUALITY_LABELS): string {
  const home = qualitiesOfRight(code).map((t) => `« ${QUALITY_LABELS[t]} »`);
  return (
    `Le droit « ${name} » ne peut pas être attribué sous la qualité « ${QUALITY_LABELS[type]} » : ` +
    (home.length ? `son application relève de la qualité ${home.join(" ou ")}, le seul endroit où il donne accès.` : "il ne s'attribue sous aucune qualité.")
  );
}
