import "server-only";

import { writeAuditEvent, type AuditContext } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { enqueueMail } from "@/lib/outbox/enqueue-mail";

import { afterFailure, LOCKED_REASON } from "../lockout";
import { stopAllAccess, stoppedSummary } from "../stop-all-access";

/**
 * Counts a failed first or second factor towards the lockout, in one transaction with its audit
 * event. `challengeId` (a wrong code) also counts the guess on that challenge, only while it is
 * open. When the lock starts, every way in stops at once (stop-all-access.ts): the other open
 * challenges of the person too, so a second challenge cannot finish the sign-in (issue 9, finding 3).
 */
export async function registerFailure(opts: { personId: string; ctx: AuditContext; reason: string; challengeId?: string }) {
  const { LOGIN_MAX_FAILURES, LOGIN_LOCKOUT_BASE_SECONDS } = env();
  await db.$transaction(async (tx) => {
    // Row lock: concurrent failures must all count, and a second factor confirmed at the same
    // time (confirm-second-factor.ts takes the same lock) sees the lock or finishes before it.
    await tx.$queryRaw`SELECT id FROM "Person" WHERE id = ${opts.personId}::uuid FOR UPDATE`;
    if (opts.challengeId) {
      await tx.loginChallenge.updateMany({ where: { id: opts.challengeId, usedAt: null, revokedAt: null }, data: { attempts: { increment: 1 } } });
    }
    const p = await tx.person.findUniqueOrThrow({
      where: { id: opts.personId },
      select: { failedLogins: true, lockoutLevel: true, lockedUntil: true, email: true, firstName: true, entityId: true },
    });
    const next = afterFailure(p, { now: new Date(), maxFailures: LOGIN_MAX_FAILURES, baseSeconds: LOGIN_LOCKOUT_BASE_SECONDS });
    await tx.person.update({
      where: { id: opts.personId },
      data: { failedLogins: next.failedLogins, lockoutLevel: next.lockoutLevel, lockedUntil: next.lockedUntil },
    });
    await writeAuditEvent(tx, opts.ctx, { action: "auth.sign_in_failed", targetType: "person", targetId: opts.personId, after: { reason: opts.reason } });
    if (next.justLocked) {
      const stopped = await stopAllAccess(tx, { personId: opts.personId, reason: LOCKED_REASON, kind: "locked" });
      await writeAuditEvent(tx, opts.ctx, {
        action: "auth.lockout",
        targetType: "person",
        targetId: opts.personId,
        after: { lockedUntil: next.lockedUntil, level: next.lockoutLevel, stopped: stoppedSummary(stopped) },
      });
      // Told to the person (issue 12): someone may be trying their address.
      await enqueueMail(tx, {
        kind: "account_locked",
        to: p.email,
        entityId: p.entityId,
        personId: opts.personId,
        data: { firstName: p.firstName, until: next.lockedUntil! },
      });
    }
  });
}
