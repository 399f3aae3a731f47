import "server-only";

import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { RequestMeta } from "@/lib/http/request-context";
import { enqueueMail } from "@/lib/outbox/enqueue-mail";

import { hashPassword } from "../hash-password";
import { checkPasswordPolicy } from "../password-policy";
import { answerSameSubmission, USED_LINK_SELECT } from "../same-submission";
import { hashResetToken } from "./request-password-reset";
import { msg } from "@/lib/i18n/message-ref";

// « Mot de passe oublié », second half: the link sets a new password, once. The second factor is
// untouched: the next sign-in still asks for the TOTP code. Every open session and sign-in
// challenge ends (whoever knew the old password is out), the person is told by mail. The same
// submission arriving twice (the browser's own post before hydration, a double click) is answered
// as the success it was, once: lib/auth/same-submission.ts.

export const RESET_LINK_INVALID = msg("auth.reset.linkInvalid");
const REASON = "mot de passe réinitialisé";

/** The reset a link opens, or null when it cannot be used (also for a blocked person). */
export async function findUsableReset(token: string) {
  if (!token || token.length > 100) return null;
  const reset = await db.passwordReset.findUnique({
    where: { tokenHash: hashResetToken(token) },
    include: { person: { select: { id: true, email: true, firstName: true, entityId: true, status: true } } },
  });
  if (!reset || reset.usedAt || reset.revokedAt || reset.expiresAt <= new Date() || reset.person.status !== "ACTIVE") return null;
  return reset;
}

/** A link that cannot be used: the success it gave if this is the same submission again, else the refusal. */
const answerUsedLink = (token: string, password: string) =>
  answerSameSubmission({
    kind: "reset",
    token,
    password,
    hash: hashResetToken,
    find: (tokenHash) => db.passwordReset.findUnique({ where: { tokenHash }, select: USED_LINK_SELECT }),
    refusal: () => new AppError("NOT_FOUND", RESET_LINK_INVALID),
  });

const TAKEN = Symbol("lien déjà utilisé");

export async function completePasswordReset(o: { token: string; password: string; meta: RequestMeta }): Promise<{ email: string }> {
  const reset = await findUsableReset(o.token);
  if (!reset) return answerUsedLink(o.token, o.password);
  const errors = checkPasswordPolicy(o.password, { email: reset.person.email });
  if (errors.length) throw new AppError("BAD_REQUEST", msg("auth.errors.passwordPolicy"), { password: errors });
  const passwordHash = await hashPassword(o.password);
  const now = new Date();
  const done = await db.$transaction(async (tx) => {
    // The person's row lock first (the order stop-all-access.ts uses), then single use under
    // concurrency: only one request flips usedAt, and only while the person is still active.
    await tx.$queryRaw`SELECT id FROM "Person" WHERE id = ${reset.personId}::uuid FOR UPDATE`;
    const claimed = await tx.passwordReset.updateMany({
      where: { id: reset.id, usedAt: null, revokedAt: null, expiresAt: { gt: now }, person: { status: "ACTIVE" } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return TAKEN; // by a request that ran at the same time (answered below)
    await tx.person.update({ where: { id: reset.personId }, data: { passwordHash, passwordChangedAt: now } });
    await tx.passwordReset.updateMany({ where: { personId: reset.personId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
    const sessions = await tx.session.updateMany({ where: { personId: reset.personId, revokedAt: null }, data: { revokedAt: now, revokedReason: REASON } });
    const challenges = await tx.loginChallenge.updateMany({
      where: { personId: reset.personId, usedAt: null, revokedAt: null },
      data: { revokedAt: now, revokedReason: REASON },
    });
    await enqueueMail(tx, {
      kind: "password_changed",
      to: reset.person.email,
      entityId: reset.person.entityId,
      personId: reset.personId,
      data: { firstName: reset.person.firstName, at: now, how: "réinitialisation" },
    });
    await writeAuditEvent(
      tx,
      { actorId: reset.personId, entityId: reset.person.entityId, ...o.meta },
      {
        action: "auth.password_reset",
        targetType: "person",
        targetId: reset.personId,
        after: { stopped: { sessions: sessions.count, challenges: challenges.count } },
      },
    );
    return true;
  });
  if (done === TAKEN) return answerUsedLink(o.token, o.password);
  return { email: reset.person.email };
}
