import "server-only";

import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { hashPassword } from "@/lib/auth/hash-password";
import { checkPasswordPolicy } from "@/lib/auth/password-policy";
import { answerSameSubmission, USED_LINK_SELECT } from "@/lib/auth/same-submission";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RequestMeta } from "@/lib/http/request-context";

import { hashInvitationToken } from "./invite-user";

const INVALID = msg("access.errors.invitationInvalid");

/** Looks an invitation up for the acceptance page: who it is for, or null when it cannot be used. */
export async function findUsableInvitation(token: string) {
  if (!token || token.length > 100) return null;
  const inv = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    include: { person: { select: { firstName: true, lastName: true, email: true, status: true } } },
  });
  if (!inv || inv.usedAt || inv.revokedAt || inv.expiresAt < new Date() || inv.person.status !== "INVITED") return null;
  return inv;
}

/**
 * The address is the sign-in identifier, so it cannot open a second account. Told here, to the
 * invitee, rather than to the manager at invitation time: a manager must not learn whether
 * another centre uses an address (issue 9, finding 10; docs/access-management.md).
 */
const ADDRESS_IN_USE = msg("access.errors.addressInUse");
const addressInUse = () => new AppError("CONFLICT", ADDRESS_IN_USE, { email: [msg("access.errors.addressInUseField")] });

/**
 * An invitation that cannot be used: the success it gave if this is the same submission again (the
 * browser's own post before hydration, a double click: lib/auth/same-submission.ts), else the refusal.
 */
const answerUsedInvitation = (token: string, password: string) =>
  answerSameSubmission({
    kind: "invitation",
    token,
    password,
    hash: hashInvitationToken,
    find: (tokenHash) => db.invitation.findUnique({ where: { tokenHash }, select: USED_LINK_SELECT }),
    refusal: () => new AppError("NOT_FOUND", INVALID),
  });

const TAKEN = Symbol("invitation déjà acceptée");

/** Sets the invited person's password (BCSS policy) and activates the account, once. */
export async function acceptInvitation(opts: { token: string; password: string; meta: RequestMeta }) {
  const inv = await findUsableInvitation(opts.token);
  if (!inv) return answerUsedInvitation(opts.token, opts.password);
  // Any account but a pending invitation holds the address (unique index Person_email_account_key);
  // not the invitee's own, activated meanwhile by the same submission sent twice.
  const holder = await db.person.findFirst({ where: { email: inv.person.email, status: { not: "INVITED" }, id: { not: inv.personId } }, select: { id: true } });
  if (holder) throw addressInUse();
  const errors = checkPasswordPolicy(opts.password, { email: inv.person.email });
  if (errors.length) throw new AppError("BAD_REQUEST", msg("access.errors.passwordPolicy"), { password: errors });
  const passwordHash = await hashPassword(opts.password);
  const now = new Date(); // the same instant for usedAt and passwordChangedAt (see answerSameSubmission)
  const done = await db.$transaction(async (tx) => {
    // Single use under concurrency: only one request flips usedAt.
    const claimed = await tx.invitation.updateMany({
      where: { id: inv.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return TAKEN; // by a request that ran at the same time (answered below)
    await tx.person.update({ where: { id: inv.personId }, data: { passwordHash, passwordChangedAt: now, status: "ACTIVE" } }).catch((e: unknown) => {
      // Another invitation for the same address was accepted meanwhile: the index keeps one account.
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw addressInUse();
      throw e;
    });
    await writeAuditEvent(
      tx,
      { actorId: inv.personId, entityId: inv.entityId, ...opts.meta },
      {
        action: "access.invitation_accepted",
        targetType: "person",
        targetId: inv.personId,
        before: { status: "INVITED" },
        after: { status: "ACTIVE" },
      },
    );
    return true;
  });
  if (done === TAKEN) return answerUsedInvitation(opts.token, opts.password);
  return { email: inv.person.email };
}
