import "server-only";

import { db, type Tx } from "@/lib/db/client";
import { msg } from "@/lib/i18n/message-ref";

import { enqueueMail } from "./enqueue-mail";
import { mailWorkNotification } from "./notify-work";

// Work notifications whose recipients are found here, so that the domain functions (lib/c607,
// lib/forem/fileexchange, owned by their areas) call them in one line (issue 12).

/** A file arrived for the centre: to the holders of « FileExchange » there (in the sender's transaction). */
export async function mailFileReceived(tx: Tx, o: { toEntityId: string; fileName: string }): Promise<number> {
  const now = new Date();
  const holders = await tx.rightGrant.findMany({
    where: {
      entityId: o.toEntityId,
      rightCode: "FILE_EXCHANGE",
      revokedAt: null,
      validFrom: { lte: now },
      OR: [{ validUntil: null }, { validUntil: { gt: now } }],
    },
    select: { personId: true },
  });
  return mailWorkNotification(tx, {
    kind: "fileexchange_received",
    entityId: o.toEntityId,
    recipientIds: holders.map((h) => h.personId),
    title: o.fileName,
    path: "/fileexchange",
  });
}

/** The second-calculation window opened (hourly job): to the author of each calculated request. */
export async function mailSecondWindowOpened(requestIds: string[]): Promise<void> {
  if (requestIds.length === 0) return;
  const requests = await db.c607Request.findMany({
    where: { id: { in: requestIds } },
    select: { id: true, entityId: true, reference: true, createdById: true },
  });
  await db.$transaction(async (tx) => {
    for (const r of requests) {
      await mailWorkNotification(tx, {
        kind: "c607_second_window",
        entityId: r.entityId,
        recipientIds: [r.createdById],
        title: r.reference,
        path: `/c607/${r.id}`,
      });
    }
  });
}

/** A C60.7 request answered, returned or decided by ONEM: to the agent who wrote it (in ONEM's transaction). */
export function mailAboutRequest(
  tx: Tx,
  kind: "c607_answered" | "c607_complement_requested" | "c607_derogation_decided",
  r: { id: string; entityId: string; reference: string; createdById: string | null },
) {
  return mailWorkNotification(tx, { kind, entityId: r.entityId, recipientIds: [r.createdById], title: r.reference, path: `/c607/${r.id}` });
}

/** The DPD ended every session of the person (security notice, always sent). */
export async function mailSessionsEnded(tx: Tx, p: { id: string; firstName: string; email: string; entityId: string }) {
  await enqueueMail(tx, {
    kind: "sessions_ended",
    to: p.email,
    entityId: p.entityId,
    personId: p.id,
    data: { firstName: p.firstName, byName: msg("mail.sessionsEnded.byDpd"), at: new Date() },
  });
}

/** The person changed their own password in « Mon compte » (security notice, always sent). */
export async function mailPasswordChanged(tx: Tx, p: { personId: string; email: string; firstName: string; entityId: string }) {
  await enqueueMail(tx, {
    kind: "password_changed",
    to: p.email,
    entityId: p.entityId,
    personId: p.personId,
    data: { firstName: p.firstName, at: new Date(), how: "modification" },
  });
}

/** The DPD started an access review: to its reviewers, the quality's GL, co-GL and subdivision managers (in the DPD's transaction). */
export async function mailAccessReviewStarted(tx: Tx, r: { entityId: string; qualityId: string; deadline: Date; startedById: string }) {
  const reviewers = await tx.roleAssignment.findMany({
    where: {
      qualityId: r.qualityId,
      revokedAt: null,
      isBlocked: false,
      role: { in: ["GL", "CO_GL", "SUBDIVISION_MANAGER", "SUBDIVISION_CO_MANAGER"] },
      personId: { not: r.startedById },
    },
    select: { personId: true },
  });
  // A message reference: each reviewer's mail says it (and its date) in their own language.
  const title = msg("mail.work.accessReviewTitle", { deadline: r.deadline.getTime() });
  return mailWorkNotification(tx, {
    kind: "access_review_due",
    entityId: r.entityId,
    recipientIds: reviewers.map((x) => x.personId),
    title,
    path: `/gestion/qualites/${r.qualityId}`,
  });
}
