import "server-only";

import type { Actor } from "@/lib/access/actor";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { RequestMeta } from "@/lib/http/request-context";
import { mailPasswordChanged } from "@/lib/outbox/notify-domain";

import { verifyFreshSecondFactor } from "../fresh-second-factor";
import { hashPassword, verifyPassword } from "../hash-password";
import { checkPasswordPolicy } from "../password-policy";
import { msg } from "@/lib/i18n/message-ref";

export const OTHER_SESSIONS_ENDED = "mot de passe modifié";

/**
 * « Mon compte »: a person changes their own password. The current password and a fresh code of
 * their authenticator app are asked (someone at an unlocked screen must not take the account over);
 * the new one follows the BCSS policy (seed 002). Their other sessions end: whoever used the old
 * password elsewhere is out. Audited without any secret.
 */
export async function changeOwnPassword(o: {
  actor: Actor;
  meta: RequestMeta;
  currentPassword: string;
  newPassword: string;
  confirmation: string;
  code: string;
}) {
  const ctx = { actorId: o.actor.personId, entityId: o.actor.entityId, ...o.meta };
  const person = await db.person.findUniqueOrThrow({ where: { id: o.actor.personId }, omit: { passwordHash: false } });
  if (!(await verifyPassword(person.passwordHash, o.currentPassword))) {
    throw new AppError("UNPROCESSABLE", msg("account.errors.currentPasswordWrong"), { currentPassword: [msg("account.errors.currentPasswordWrong")] });
  }
  const problems = checkPasswordPolicy(o.newPassword, { email: o.actor.email });
  if (problems.length) throw new AppError("UNPROCESSABLE", msg("account.errors.newPasswordPolicy"), { newPassword: problems });
  if (o.newPassword !== o.confirmation) {
    throw new AppError("UNPROCESSABLE", msg("account.errors.passwordsDiffer"), { confirmation: [msg("account.errors.passwordsDiffer")] });
  }
  if (o.newPassword === o.currentPassword) {
    throw new AppError("UNPROCESSABLE", msg("account.errors.samePassword"), { newPassword: [msg("account.errors.samePassword")] });
  }
  const fresh = await verifyFreshSecondFactor({ personId: o.actor.personId, code: o.code, ctx });
  const passwordHash = await hashPassword(o.newPassword);
  return db.$transaction(async (tx) => {
    await fresh.claim(tx);
    await tx.person.update({ where: { id: o.actor.personId }, data: { passwordHash, passwordChangedAt: new Date() } });
    const ended = await tx.session.updateMany({
      where: { personId: o.actor.personId, revokedAt: null, id: { not: o.actor.sessionId } },
      data: { revokedAt: new Date(), revokedReason: OTHER_SESSIONS_ENDED },
    });
    await mailPasswordChanged(tx, o.actor);
    await writeAuditEvent(tx, ctx, {
      action: "auth.password_changed",
      targetType: "person",
      targetId: o.actor.personId,
      after: { otherSessionsEnded: ended.count },
    });
    return { otherSessionsEnded: ended.count };
  });
}
