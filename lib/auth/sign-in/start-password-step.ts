import "server-only";

import QRCode from "qrcode";

import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { seal } from "@/lib/crypto/keys";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { RequestMeta } from "@/lib/http/request-context";
import { checkAccessPolicy, endSessionForViolation } from "@/lib/security/enforce-access-policy";
import { hasUnsafeChars } from "@/lib/validation/safe-text";

import { verifyPassword } from "../hash-password";
import { afterFailure, isLocked } from "../lockout";
import { newTotpSecret, totpUri } from "../totp";
import { CHALLENGE_TTL_MS, newChallengeToken } from "./challenge-token";

export type PasswordStepResult =
  | { ok: false; policyMessage?: string }
  | { ok: true; token: string; enrolment: null }
  | { ok: true; token: string; enrolment: { secret: string; qrSvg: string } };

/** First factor. Every failure looks the same to the caller; the audit trail says which it was. */
export async function startPasswordStep(opts: { email: string; password: string; meta: RequestMeta }): Promise<PasswordStepResult> {
  const now = new Date();
  const email = opts.email.trim().toLowerCase();
  const isEmailUsable = email.length > 0 && email.length <= 254 && !hasUnsafeChars(email);
  const person = isEmailUsable
    ? await db.person.findUnique({ where: { email }, omit: { passwordHash: false }, include: { entity: { select: { kind: true } } } })
    : null;
  const isPasswordOk = await verifyPassword(person?.passwordHash ?? null, opts.password);
  const ctx = { actorId: person?.id ?? null, entityId: person?.entityId ?? null, ...opts.meta };

  if (!person) {
    await db.$transaction((tx) =>
      writeAuditEvent(tx, ctx, {
        action: "auth.sign_in_failed",
        after: { reason: "compte inconnu", email: isEmailUsable && email.includes("@") ? email.slice(0, 120) : "[saisie non valide]" },
      }),
    );
    return { ok: false };
  }
  if (isLocked(person, now) || person.status !== "ACTIVE") {
    const reason = person.status === "BLOCKED" ? "compte bloqué" : person.status === "INVITED" ? "invitation non acceptée" : "compte verrouillé";
    await db.$transaction((tx) => writeAuditEvent(tx, ctx, { action: "auth.sign_in_refused", targetType: "person", targetId: person.id, after: { reason } }));
    return { ok: false };
  }
  if (!isPasswordOk) {
    await registerFailure({ personId: person.id, ctx, reason: "mot de passe incorrect" });
    return { ok: false };
  }

  // The centre's hours and networks (issue 6): told only to someone who knows the password.
  const verdict = await checkAccessPolicy(person.entityId, opts.meta.ip, now);
  if (!verdict.ok) {
    await endSessionForViolation({ sessionId: null, personId: person.id, entityId: person.entityId, ...opts.meta, verdict, stage: "connexion" });
    return { ok: false, policyMessage: verdict.message };
  }

  const { token, tokenHash } = newChallengeToken();
  const needsEnrolment = !person.totpEnabledAt;
  const secret = needsEnrolment ? newTotpSecret() : null;
  await db.loginChallenge.create({
    data: {
      tokenHash,
      personId: person.id,
      pendingTotpSecretEnc: secret ? seal(secret) : null,
      expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS),
    },
  });
  if (!secret) return { ok: true, token, enrolment: null };
  // The QR code is drawn on the server as SVG: the secret never goes to a third-party service.
  const qrSvg = await QRCode.toString(totpUri(secret, person.email), { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { ok: true, token, enrolment: { secret, qrSvg } };
}

/** Counts a failed first or second factor towards the lockout, in one transaction with its audit event. */
export async function registerFailure(opts: { personId: string; ctx: Parameters<typeof writeAuditEvent>[1]; reason: string }) {
  const { LOGIN_MAX_FAILURES, LOGIN_LOCKOUT_BASE_SECONDS } = env();
  await db.$transaction(async (tx) => {
    // Row lock: concurrent failures must all count.
    await tx.$queryRaw`SELECT id FROM "Person" WHERE id = ${opts.personId}::uuid FOR UPDATE`;
    const p = await tx.person.findUniqueOrThrow({ where: { id: opts.personId }, select: { failedLogins: true, lockoutLevel: true, lockedUntil: true } });
    const next = afterFailure(p, { now: new Date(), maxFailures: LOGIN_MAX_FAILURES, baseSeconds: LOGIN_LOCKOUT_BASE_SECONDS });
    await tx.person.update({
      where: { id: opts.personId },
      data: { failedLogins: next.failedLogins, lockoutLevel: next.lockoutLevel, lockedUntil: next.lockedUntil },
    });
    await writeAuditEvent(tx, opts.ctx, { action: "auth.sign_in_failed", targetType: "person", targetId: opts.personId, after: { reason: opts.reason } });
    if (next.justLocked) {
      await writeAuditEvent(tx, opts.ctx, {
        action: "auth.lockout",
        targetType: "person",
        targetId: opts.personId,
        after: { lockedUntil: next.lockedUntil, level: next.lockoutLevel },
      });
    }
  });
}
