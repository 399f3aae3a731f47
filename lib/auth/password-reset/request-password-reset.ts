import "server-only";

import { createHash, randomBytes } from "node:crypto";

import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { blindIndex } from "@/lib/crypto/keys";
import { db } from "@/lib/db/client";
import type { RequestMeta } from "@/lib/http/request-context";
import { enqueueMail } from "@/lib/outbox/enqueue-mail";
import { enforceRateLimits, hitRateLimit } from "@/lib/security/rate-limit";
import { hasUnsafeChars } from "@/lib/validation/safe-text";

import { unknownIdentifierHash } from "../sign-in/start-password-step";
import { msg } from "@/lib/i18n/message-ref";

// « Mot de passe oublié » (issue 12), first half: a single-use link, valid RESET_TTL_MINUTES,
// mailed to the address if it is an active account's. The answer is the same whatever the
// address: the caller learns nothing about which addresses have accounts.

export const RESET_TTL_MINUTES = 30;
export const RESET_ANSWER = msg("auth.forgotten.answer", { minutes: RESET_TTL_MINUTES });
export const hashResetToken = (token: string) => createHash("sha256").update(token).digest("hex");

// Per client address: a 429 there tells nothing about any account. Per account: silent (the same
// answer, no new mail), so nobody can flood a colleague's mailbox or learn that the address exists.
export const RESET_LIMITS = {
  perIp: { limit: 10, windowSeconds: 900 },
  perAccount: { limit: 3, windowSeconds: 3600 },
};

export async function requestPasswordReset(o: { email: string; meta: RequestMeta }): Promise<{ message: string }> {
  await enforceRateLimits([{ key: `reset:ip:${o.meta.ip ?? "inconnue"}`, rule: RESET_LIMITS.perIp }]);
  const email = o.email.trim().toLowerCase();
  const isUsable = email.length > 0 && email.length <= 254 && !hasUnsafeChars(email);
  const person = isUsable
    ? await db.person.findFirst({
        where: { email, status: { not: "INVITED" } },
        select: { id: true, entityId: true, firstName: true, email: true, status: true },
      })
    : null;
  const ctx = { actorId: null, entityId: person?.entityId ?? null, ...o.meta };
  if (!person || person.status !== "ACTIVE") {
    await db.$transaction((tx) =>
      writeAuditEvent(tx, ctx, {
        action: "auth.password_reset_refused",
        ...(person ? { targetType: "person", targetId: person.id } : {}),
        after: {
          reason: person ? "compte bloqué" : "compte inconnu",
          ...(person ? {} : { identifier: isUsable ? unknownIdentifierHash(email) : "[saisie non valide]" }),
        },
      }),
    );
    return { message: RESET_ANSWER };
  }
  const perAccount = await hitRateLimit(`reset:account:${blindIndex(email)}`, RESET_LIMITS.perAccount);
  if (!perAccount.allowed) return { message: RESET_ANSWER };
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  await db.$transaction(async (tx) => {
    // One link at a time: an older one stops working when a new one is asked for.
    await tx.passwordReset.updateMany({ where: { personId: person.id, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
    await tx.passwordReset.create({
      data: { tokenHash: hashResetToken(token), personId: person.id, expiresAt: new Date(now.getTime() + RESET_TTL_MINUTES * 60_000) },
    });
    await enqueueMail(tx, {
      kind: "password_reset",
      to: person.email,
      entityId: person.entityId,
      personId: person.id,
      data: { firstName: person.firstName, token, minutes: RESET_TTL_MINUTES },
    });
    await writeAuditEvent(tx, { ...ctx, actorId: person.id }, { action: "auth.password_reset_requested", targetType: "person", targetId: person.id });
  });
  return { message: RESET_ANSWER };
}
