import "server-only";

import type { Tx } from "@/lib/db/client";

import { isLocked, type LockoutState } from "../lockout";
import { MAX_CODE_ATTEMPTS } from "./challenge-token";

type ChallengeStage = "PASSWORD_OK" | "SECOND_FACTOR_OK";

type ChallengeState = {
  stage: ChallengeStage;
  usedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
  attempts: number;
  person: LockoutState & { status: string };
};

/**
 * A challenge takes a guess or finishes a sign-in only while it is open: at the expected stage,
 * neither used, revoked (lockout, block, "end all sessions") nor expired, with guesses left, and
 * its person active and not locked. Checked before a code is even looked at, and again under the
 * person's row lock when the code is accepted (lockOpenChallenge).
 */
export function isChallengeOpen(c: ChallengeState | null, stage: ChallengeStage, now: Date): c is ChallengeState {
  return (
    c !== null &&
    c.stage === stage &&
    c.usedAt === null &&
    c.revokedAt === null &&
    c.expiresAt > now &&
    c.attempts < MAX_CODE_ATTEMPTS &&
    c.person.status === "ACTIVE" &&
    !isLocked(c.person, now)
  );
}

/**
 * Takes the person's row lock (the lock registerFailure takes before counting a failure, and that
 * any block or lockout update waits for), then reads the challenge again: a lock that started on
 * another challenge of the same person is seen here, never raced past (issue 9, finding 3).
 */
export async function lockOpenChallenge(tx: Tx, o: { challengeId: string; personId: string; stage: ChallengeStage }): Promise<boolean> {
  await tx.$queryRaw`SELECT id FROM "Person" WHERE id = ${o.personId}::uuid FOR UPDATE`;
  const c = await tx.loginChallenge.findUnique({
    where: { id: o.challengeId },
    select: {
      stage: true,
      usedAt: true,
      revokedAt: true,
      expiresAt: true,
      attempts: true,
      person: { select: { status: true, failedLogins: true, lockoutLevel: true, lockedUntil: true } },
    },
  });
  return c !== null && isChallengeOpen(c, o.stage, new Date());
}
