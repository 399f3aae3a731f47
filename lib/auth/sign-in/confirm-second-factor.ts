import "server-only";

import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { open } from "@/lib/crypto/keys";
import { db } from "@/lib/db/client";
import type { RequestMeta } from "@/lib/http/request-context";

import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from "../recovery-codes";
import { checkTotp } from "../totp";
import { hashChallengeToken, MAX_CODE_ATTEMPTS } from "./challenge-token";
import { CHALLENGE_EXPIRED, CODE_FAILED } from "./messages";
import { registerFailure } from "./start-password-step";

export type SecondFactorResult = { ok: false; message: string; restart?: boolean } | { ok: true; recoveryCodes: string[] | null };

/**
 * Second factor: a TOTP code (or, once enrolled, a one-time recovery code). At first sign-in it
 * confirms the enrolment and hands out the recovery codes. On success the challenge moves to
 * SECOND_FACTOR_OK; next-auth's authorize() then turns it into a session (consume-challenge.ts).
 */
export async function confirmSecondFactor(opts: { token: string; code: string; meta: RequestMeta }): Promise<SecondFactorResult> {
  const challenge = await db.loginChallenge.findUnique({
    where: { tokenHash: hashChallengeToken(opts.token) },
    include: { person: { omit: { totpSecretEnc: false } } },
  });
  if (!challenge || challenge.usedAt || challenge.expiresAt < new Date() || challenge.stage !== "PASSWORD_OK" || challenge.attempts >= MAX_CODE_ATTEMPTS) {
    return { ok: false, message: CHALLENGE_EXPIRED, restart: true };
  }
  const person = challenge.person;
  const ctx = { actorId: person.id, entityId: person.entityId, ...opts.meta };
  const isEnrolment = challenge.pendingTotpSecretEnc !== null;
  const secretEnc = isEnrolment ? challenge.pendingTotpSecretEnc : person.totpSecretEnc;
  if (!secretEnc) return { ok: false, message: CHALLENGE_EXPIRED, restart: true };

  if (!isEnrolment && looksLikeRecoveryCode(opts.code)) {
    const used = await db.$transaction(async (tx) => {
      const hit = await tx.recoveryCode.updateMany({
        where: { personId: person.id, codeHash: hashRecoveryCode(opts.code), usedAt: null },
        data: { usedAt: new Date() },
      });
      if (hit.count !== 1) return false;
      await tx.loginChallenge.update({ where: { id: challenge.id }, data: { stage: "SECOND_FACTOR_OK" } });
      await writeAuditEvent(tx, ctx, { action: "auth.recovery_code_used", targetType: "person", targetId: person.id });
      return true;
    });
    if (used) return { ok: true, recoveryCodes: null };
    return failed(challenge.id, person.id, ctx, "code de récupération incorrect");
  }

  const check = await checkTotp({ secret: open(secretEnc), code: opts.code, lastStep: isEnrolment ? null : person.totpLastStep });
  if (!check.ok) return failed(challenge.id, person.id, ctx, check.reason === "replayed" ? "code TOTP rejoué" : "code TOTP incorrect");

  return db.$transaction(async (tx) => {
    // Compare-and-set on the last step: two requests racing with the same code cannot both pass.
    const step = await tx.person.updateMany({
      where: { id: person.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: check.timeStep } }] },
      data: { totpLastStep: check.timeStep, ...(isEnrolment ? { totpSecretEnc: secretEnc, totpEnabledAt: new Date() } : {}) },
    });
    if (step.count !== 1) return { ok: false, message: CODE_FAILED } as const;
    await tx.loginChallenge.update({ where: { id: challenge.id }, data: { stage: "SECOND_FACTOR_OK", pendingTotpSecretEnc: null } });
    if (!isEnrolment) return { ok: true, recoveryCodes: null } as const;
    const codes = newRecoveryCodes();
    await tx.recoveryCode.deleteMany({ where: { personId: person.id } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ personId: person.id, codeHash: hashRecoveryCode(c) })) });
    await writeAuditEvent(tx, ctx, { action: "auth.totp_enrolled", targetType: "person", targetId: person.id });
    return { ok: true, recoveryCodes: codes } as const;
  });
}

async function failed(challengeId: string, personId: string, ctx: Parameters<typeof writeAuditEvent>[1], reason: string): Promise<SecondFactorResult> {
  await db.loginChallenge.update({ where: { id: challengeId }, data: { attempts: { increment: 1 } } });
  await registerFailure({ personId, ctx, reason });
  return { ok: false, message: CODE_FAILED };
}
