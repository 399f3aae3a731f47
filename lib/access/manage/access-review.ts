import "server-only";

import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import { AppError, forbidden, notFound } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import { mailAccessReviewStarted } from "@/lib/outbox/notify-domain";

import { can } from "../can";
import { auditContext, authorize, findQuality, type Command } from "./command";
import { assertOutranks } from "./standing";

/**
 * Yearly access review (beyond the social-security portal): the DPD starts it for a quality;
 * every right in force is listed for its manager to keep or revoke before the deadline. Closing
 * the review revokes the rights marked REVOKE; unanswered items are flagged, not revoked.
 */
export async function startAccessReview(c: Command<{ qualityId: string; deadline: Date }>) {
  authorize(c.actor, "entity.start_access_review", { entityId: c.actor.entityId });
  if (c.deadline <= new Date()) throw new AppError("BAD_REQUEST", msg("access.errors.deadlineFuture"), { deadline: [msg("access.errors.deadlinePast")] });
  return db.$transaction(async (tx) => {
    const quality = await findQuality(tx, c.actor, c.qualityId);
    const open = await tx.accessReview.findFirst({ where: { qualityId: quality.id, closedAt: null } });
    if (open) throw new AppError("CONFLICT", msg("access.errors.reviewOpen"));
    const now = new Date();
    const grants = await tx.rightGrant.findMany({
      where: { qualityId: quality.id, revokedAt: null, OR: [{ validUntil: null }, { validUntil: { gt: now } }] },
      select: { id: true },
    });
    const review = await tx.accessReview.create({
      data: { entityId: quality.entityId, qualityId: quality.id, startedById: c.actor.personId, deadline: c.deadline },
    });
    await tx.accessReviewItem.createMany({ data: grants.map((g) => ({ reviewId: review.id, grantId: g.id })) });
    await mailAccessReviewStarted(tx, review);
    await writeAuditEvent(tx, auditContext(c.actor, c.meta), {
      action: "access.review_started",
      targetType: "quality",
      targetId: quality.id,
      after: { items: grants.length, deadline: c.deadline },
    });
    return { review, items: grants.length };
  });
}

export async function decideReviewItem(c: Command<{ itemId: string; decision: "KEEP" | "REVOKE"; comment?: string | null }>) {
  return db.$transaction(async (tx) => {
    const item = await tx.accessReviewItem.findFirst({ where: { id: c.itemId, review: { entityId: c.actor.entityId } }, include: { review: true } });
    if (!item) throw notFound();
    if (item.review.closedAt) throw new AppError("CONFLICT", msg("access.errors.reviewClosed"));
    const grant = await tx.rightGrant.findUniqueOrThrow({ where: { id: item.grantId }, include: { person: { select: { subdivisionId: true } } } });
    if (!can(c.actor, "quality.review_decide", { entityId: grant.entityId, qualityId: grant.qualityId, subdivisionId: grant.person.subdivisionId }))
      throw forbidden();
    if (grant.personId === c.actor.personId) throw new AppError("FORBIDDEN", msg("access.errors.reviewOwnRights"));
    if (c.decision === "REVOKE") {
      await assertOutranks(
        tx,
        c.actor,
        { id: grant.personId, entityId: grant.entityId },
        { qualityId: grant.qualityId, subdivisionId: grant.person.subdivisionId },
      );
    }
    await tx.accessReviewItem.update({
      where: { id: item.id },
      data: { decision: c.decision, decidedById: c.actor.personId, decidedAt: new Date(), comment: c.comment ?? null },
    });
    await writeAuditEvent(tx, auditContext(c.actor, c.meta), {
      action: "access.review_decided",
      targetType: "review_item",
      targetId: item.id,
      before: { decision: item.decision },
      after: { decision: c.decision, grant: grant.id },
    });
  });
}

export async function closeAccessReview(c: Command<{ reviewId: string }>) {
  authorize(c.actor, "entity.start_access_review", { entityId: c.actor.entityId });
  return db.$transaction(async (tx) => {
    const review = await tx.accessReview.findFirst({ where: { id: c.reviewId, entityId: c.actor.entityId, closedAt: null }, include: { items: true } });
    if (!review) throw notFound();
    const toRevoke = review.items.filter((i) => i.decision === "REVOKE").map((i) => i.grantId);
    const revoked = await tx.rightGrant.updateMany({
      where: { id: { in: toRevoke }, revokedAt: null },
      data: { revokedAt: new Date(), revokedById: c.actor.personId },
    });
    await tx.accessReview.update({ where: { id: review.id }, data: { closedAt: new Date() } });
    const unanswered = review.items.filter((i) => !i.decision).length;
    await writeAuditEvent(tx, auditContext(c.actor, c.meta), {
      action: "access.review_closed",
      targetType: "review",
      targetId: review.id,
      after: { revoked: revoked.count, unanswered },
    });
    return { revoked: revoked.count, unanswered };
  });
}
