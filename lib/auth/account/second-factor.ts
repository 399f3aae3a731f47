import "server-only";

import QRCode from "qrcode";

import type { Actor } from "@/lib/access/actor";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { open, seal } from "@/lib/crypto/keys";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { RequestMeta } from "@/lib/http/request-context";

import { verifyFreshSecondFactor } from "../fresh-second-factor";
import { hashRecoveryCode, newRecoveryCodes } from "../recovery-codes";
import { checkTotp, newTotpSecret, totpUri } from "../totp";
import { msg } from "@/lib/i18n/message-ref";

// « Mon compte »: re-enrolling the second factor (a new phone) and new recovery codes. Both need a
// fresh code of the app in use now (lib/auth/fresh-second-factor.ts): a session left open is not
// enough to move the account to another phone, nor to read new recovery codes.

const PENDING_MINUTES = 10;
const auditCtx = (actor: Actor, meta: RequestMeta) => ({ actorId: actor.personId, entityId: actor.entityId, ...meta });

/**
 * Step 1: a new secret, shown as a QR code and as text. Nothing changes yet: the secret travels
 * sealed (bound to the person, valid ten minutes) until step 2 proves the new app shows its codes.
 */
export async function startTotpReenrolment(o: { actor: Actor }) {
  const secret = newTotpSecret();
  const pending = seal(JSON.stringify({ p: o.actor.personId, s: secret, e: Date.now() + PENDING_MINUTES * 60_000 }));
  const qrSvg = await QRCode.toString(totpUri(secret, o.actor.email), { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { pending, secret, qrSvg };
}

function openPending(actor: Actor, pending: string): string {
  try {
    const { p, s, e } = JSON.parse(open(pending)) as { p?: unknown; s?: unknown; e?: unknown };
    if (p === actor.personId && typeof s === "string" && typeof e === "number" && e > Date.now()) return s;
  } catch {
    // tampered with, or sealed with another key: same answer as expired
  }
  const expired = msg("account.errors.reenrolmentExpired");
  throw new AppError("UNPROCESSABLE", expired, { newCode: [expired] });
}

/** Step 2: the code of the current app (fresh) and the first code of the new one; then the new secret replaces the old. */
export async function confirmTotpReenrolment(o: { actor: Actor; meta: RequestMeta; pending: string; currentCode: string; newCode: string }) {
  const secret = openPending(o.actor, o.pending);
  const check = await checkTotp({ secret, code: o.newCode, lastStep: null });
  if (!check.ok) {
    const message = msg("account.errors.newCodeWrong");
    throw new AppError("UNPROCESSABLE", message, { newCode: [message] });
  }
  const fresh = await verifyFreshSecondFactor({ personId: o.actor.personId, code: o.currentCode, ctx: auditCtx(o.actor, o.meta), field: "currentCode" });
  await db.$transaction(async (tx) => {
    await fresh.claim(tx);
    // The new app's code is used too: neither code confirms anything else.
    const now = await tx.person.findUniqueOrThrow({ where: { id: o.actor.personId }, select: { totpLastStep: true } });
    await tx.person.update({
      where: { id: o.actor.personId },
      data: { totpSecretEnc: seal(secret), totpEnabledAt: new Date(), totpLastStep: Math.max(now.totpLastStep ?? 0, check.timeStep) },
    });
    await writeAuditEvent(tx, auditCtx(o.actor, o.meta), { action: "auth.totp_reenrolled", targetType: "person", targetId: o.actor.personId });
  });
}

/** New recovery codes: the old ones stop working; the new ones are shown once. */
export async function regenerateRecoveryCodes(o: { actor: Actor; meta: RequestMeta; code: string }) {
  const fresh = await verifyFreshSecondFactor({ personId: o.actor.personId, code: o.code, ctx: auditCtx(o.actor, o.meta) });
  const codes = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    await fresh.claim(tx);
    await tx.recoveryCode.deleteMany({ where: { personId: o.actor.personId } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ personId: o.actor.personId, codeHash: hashRecoveryCode(c) })) });
    await writeAuditEvent(tx, auditCtx(o.actor, o.meta), {
      action: "auth.recovery_codes_regenerated",
      targetType: "person",
      targetId: o.actor.personId,
      after: { count: codes.length },
    });
  });
  return { codes };
}
