import "server-only";
import type { Language } from "@/lib/generated/prisma/enums";

import { writeAuditEvent, type AuditContext } from "@/lib/audit/write-audit-event";
import { open } from "@/lib/crypto/keys";
import { db, type Tx } from "@/lib/db/client";
import type { RequestMeta } from "@/lib/http/request-context";

import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from "../recovery-codes";
import { checkTotp } from "../totp";
import { hashChallengeToken } from "./challenge-token";
import { CHALLENGE_EXPIRED, CODE_FAILED } from "./messages";
import { isChallengeOpen, lockOpenChallenge } from "./open-challenge";
import { registerFailure } from "./register-failure";

/** On success, the language the person works in: the portal's language cookie is set to it. */
export type SecondFactorResult = { ok: false; message: string; restart?: boolean } | { ok: true; recoveryCodes: string[] | null; language: Language };

const EXPIRED = { ok: false, message: CHALLENGE_EXPIRED, restart: true } as const;

/**
 * Second factor: a TOTP code (or, once enrolled, a one-time recovery code). At first sign-in it
 * confirms the enrolment and hands out the recovery codes. On success the challenge moves to
 * SECOND_FACTOR_OK; next-auth's authorize() then turns it into a session (consume-challenge.ts).
 * A challenge that is not open (revoked by a lockout, its person locked or blocked…) takes no
 * guess at all, and an accepted code is confirmed under the person's row lock (open-challenge.ts).
 */
/**
 * `language`: the language of the page the person signs in on. At enrolment (the first sign-in)
 * it becomes the account's language (issue 13); afterwards the account's own setting wins.
 */
export async function confirmSecondFactor(opts: { token: string; code: string; meta: RequestMeta; language?: Language }): Promise<SecondFactorResult> {
  const challenge = await db.loginChallenge.findUnique({
    where: { tokenHash: hashChallengeToken(opts.token) },
    include: { person: { omit: { totpSecretEnc: false } } },
  });
  if (!isChallengeOpen(challenge, "PASSWORD_OK", new Date())) return EXPIRED;
  const person = challenge.person;
  const ctx = { actorId: person.id, entityId: person.entityId, ...opts.meta };
  const isEnrolment = challenge.pendingTotpSecretEnc !== null;
  const secretEnc = isEnrolment ? challenge.pendingTotpSecretEnc : person.totpSecretEnc;
  if (!secretEnc) return EXPIRED;
  const lockChallenge = (tx: Tx) => lockOpenChallenge(tx, { challengeId: challenge.id, personId: person.id, stage: "PASSWORD_OK" });
  // Moves the stage only from an open PASSWORD_OK: a revocation committed meanwhile makes it a no-op.
  const passChallenge = async (tx: Tx) =>
    (
      await tx.loginChallenge.updateMany({
        where: { id: challenge.id, stage: "PASSWORD_OK", usedAt: null, revokedAt: null },
        data: { stage: "SECOND_FACTOR_OK", pendingTotpSecretEnc: null },
      })
    ).count === 1;

  if (!isEnrolment && looksLikeRecoveryCode(opts.code)) {
    const used = await db
      .$transaction(async (tx) => {
        if (!(await lockChallenge(tx))) return "closed" as const;
        const hit = await tx.recoveryCode.updateMany({
          where: { personId: person.id, codeHash: hashRecoveryCode(opts.code), usedAt: null },
          data: { usedAt: new Date() },
        });
        if (hit.count !== 1) return "wrong" as const;
        if (!(await passChallenge(tx))) throw new ClosedMeanwhile(); // rolls the code back: it stays usable
        await writeAuditEvent(tx, ctx, { action: "auth.recovery_code_used", targetType: "person", targetId: person.id });
        return "ok" as const;
      })
      .catch(closedMeanwhile);
    if (used === "ok") return { ok: true, recoveryCodes: null, language: person.language };
    if (used === "closed") return EXPIRED;
    return failed(challenge.id, person.id, ctx, "code de récupération incorrect");
  }

  const check = await checkTotp({ secret: open(secretEnc), code: opts.code, lastStep: isEnrolment ? null : person.totpLastStep });
  if (!check.ok) return failed(challenge.id, person.id, ctx, check.reason === "replayed" ? "code TOTP rejoué" : "code TOTP incorrect");

  return db
    .$transaction(async (tx): Promise<SecondFactorResult> => {
      if (!(await lockChallenge(tx))) return EXPIRED;
      // Compare-and-set on the last step: two requests racing with the same code cannot both pass.
      const step = await tx.person.updateMany({
        where: { id: person.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: check.timeStep } }] },
        data: {
          totpLastStep: check.timeStep,
          ...(isEnrolment ? { totpSecretEnc: secretEnc, totpEnabledAt: new Date(), ...(opts.language ? { language: opts.language } : {}) } : {}),
        },
      });
      if (step.count !== 1) return { ok: false, message: CODE_FAILED };
      if (!(await passChallenge(tx))) throw new ClosedMeanwhile();
      if (!isEnrolment) return { ok: true, recoveryCodes: null, language: person.language };
      const codes = newRecoveryCodes();
      await tx.recoveryCode.deleteMany({ where: { personId: person.id } });
      await tx.recoveryCode.createMany({ data: codes.map((c) => ({ personId: person.id, codeHash: hashRecoveryCode(c) })) });
      await writeAuditEvent(tx, ctx, { action: "auth.totp_enrolled", targetType: "person", targetId: person.id });
      return { ok: true, recoveryCodes: codes, language: opts.language ?? person.language };
    })
    .catch(closedMeanwhile)
    .then((r) => (r === "closed" ? EXPIRED : r));
}

/** Thrown to roll a transaction back when the challenge was revoked between the check and the write. */
class ClosedMeanwhile extends Error {}

function closedMeanwhile(error: unknown): "closed" {
  if (error instanceof ClosedMeanwhile) return "closed";
  throw error;
}

async function failed(challengeId: string, personId: string, ctx: AuditContext, reason: string): Promise<SecondFactorResult> {
  await registerFailure({ personId, ctx, reason, challengeId });
  return { ok: false, message: CODE_FAILED };
}
