import "server-only";

import QRCode from "qrcode";

import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { blindIndex, seal } from "@/lib/crypto/keys";
import { db } from "@/lib/db/client";
import type { RequestMeta } from "@/lib/http/request-context";
import { checkAccessPolicy, endSessionForViolation } from "@/lib/security/enforce-access-policy";
import { hasUnsafeChars } from "@/lib/validation/safe-text";

import { verifyPassword } from "../hash-password";
import { isLocked } from "../lockout";
import { newTotpSecret, totpUri } from "../totp";
import { CHALLENGE_TTL_MS, newChallengeToken } from "./challenge-token";
import { registerFailure } from "./register-failure";

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
    ? // Accounts only: pending invitations of several centres may share an address (Person_email_account_key).
      await db.person.findFirst({
        where: { email, status: { not: "INVITED" } },
        omit: { passwordHash: false },
        include: { entity: { select: { kind: true } } },
      })
    : null;
  const isPasswordOk = await verifyPassword(person?.passwordHash ?? null, opts.password);
  const ctx = { actorId: person?.id ?? null, entityId: person?.entityId ?? null, ...opts.meta };

  if (!person) {
    await db.$transaction((tx) =>
      writeAuditEvent(tx, ctx, {
        action: "auth.sign_in_failed",
        after: { reason: "compte inconnu", identifier: isEmailUsable ? unknownIdentifierHash(email) : "[saisie non valide]" },
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

/**
 * What the append-only audit keeps of an identifier that names no account: a keyed hash (HMAC with
 * the index key), never the text, which may be a password typed in the wrong box (issue 9,
 * finding 10). The same input gives the same hash, so repeated attempts can still be told apart
 * and counted; the prefix keeps it from matching a NISS blind index made with the same key.
 */
export function unknownIdentifierHash(identifier: string): string {
  return `hmac:${blindIndex(`sign-in-identifier:${identifier}`)}`;
}
