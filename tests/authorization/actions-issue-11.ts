import { generate } from "otplib";

import { loadPersonPage } from "@/lib/access/manage/load-person-page";
import { changeOwnPassword } from "@/lib/auth/account/change-password";
import { regenerateRecoveryCodes } from "@/lib/auth/account/second-factor";
import { hashPassword } from "@/lib/auth/hash-password";
import { newTotpSecret } from "@/lib/auth/totp";
import { seal } from "@/lib/crypto/keys";
import { db } from "@/lib/db/client";

import type { Attempt } from "./actions";
import { META as meta, type PersonaKey, type World } from "./world";

// Issue 11: « Mon compte » (one's own password and recovery codes) and a person's page in access
// management. The rows are in expectations.integration.test.ts.

const OLD_PASSWORD = "Ancien-Portail-2026!";
const NEW_PASSWORD = "Nouveau-Portail-2026?";

/** The target persona with a known password and authenticator secret, and a code of it now. */
async function withSecondFactor(w: World, target: string) {
  const personId = await w.person(target as PersonaKey);
  const secret = newTotpSecret();
  await db.person.update({
    where: { id: personId },
    data: { passwordHash: await hashPassword(OLD_PASSWORD), passwordChangedAt: null, totpSecretEnc: seal(secret), totpLastStep: null },
  });
  return { personId, code: () => generate({ secret, epoch: Math.floor(Date.now() / 1000) }) };
}

export const ISSUE_11_ACTIONS: Record<string, (w: World, target: string) => Promise<Attempt>> = {
  // The actor's own row only: the target names who the row's persona is, to check the change landed there.
  "change own password": async (w, t) => {
    const { personId, code } = await withSecondFactor(w, t);
    return {
      run: async (actor) =>
        changeOwnPassword({ actor, meta, currentPassword: OLD_PASSWORD, newPassword: NEW_PASSWORD, confirmation: NEW_PASSWORD, code: await code() }),
      effect: async () => (await db.person.findUniqueOrThrow({ where: { id: personId }, select: { passwordChangedAt: true } })).passwordChangedAt !== null,
    };
  },
  "regenerate own recovery codes": async (w, t) => {
    const { personId, code } = await withSecondFactor(w, t);
    await db.recoveryCode.deleteMany({ where: { personId } });
    return {
      run: async (actor) => regenerateRecoveryCodes({ actor, meta, code: await code() }),
      effect: async () => (await db.recoveryCode.count({ where: { personId } })) === 10,
    };
  },
  "open person page": async (w, t) => {
    const personId = await w.person(t as PersonaKey);
    return {
      run: (actor) => loadPersonPage(actor, personId),
      effect: async (res) => !!res && (res as { person: { id: string } }).person.id === personId,
    };
  },
};
