import "server-only";

import type { AuditContext } from "@/lib/audit/write-audit-event";
import { open } from "@/lib/crypto/keys";
import { db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

import { registerFailure } from "./sign-in/register-failure";
import { checkTotp } from "./totp";
import { msg } from "@/lib/i18n/message-ref";

export const FRESH_CODE_FAILED = msg("auth.errors.freshCodeFailed");

/** A code checked by `verifyFreshSecondFactor`, to be claimed inside the transaction of the step it confirms. */
export type FreshCode = { claim: (tx: Tx) => Promise<void> };

/**
 * A fresh second factor for a sensitive step taken inside a session (signing a Rapport unique form,
 * changing one's password or second factor): the TOTP code shown now, never one already used.
 *
 * Two halves, so that no transaction is open while a failure is counted (the embedded database has
 * one connection): `verifyFreshSecondFactor` checks the code before the step's transaction and, when
 * it is wrong, counts it towards the lockout like a wrong sign-in code and throws a French field error
 * on `code`; `claim(tx)` then records its time step inside the step's transaction with the same
 * compare-and-set as the sign-in, so one code confirms one step only (two racing steps: one wins,
 * the other is refused and rolled back).
 */
export async function verifyFreshSecondFactor(o: { personId: string; code: string; ctx: AuditContext; field?: string }): Promise<FreshCode> {
  const field = o.field ?? "code";
  const refuse = (message: string) => new AppError("UNPROCESSABLE", message, { [field]: [message] });
  const person = await db.person.findUnique({
    where: { id: o.personId },
    select: { id: true, status: true, totpLastStep: true, totpSecretEnc: true, lockedUntil: true },
  });
  if (!person || person.status !== "ACTIVE" || !person.totpSecretEnc) throw refuse(msg("auth.errors.noSecondFactor"));
  if (person.lockedUntil && person.lockedUntil > new Date()) {
    throw refuse(msg("auth.errors.lockedAfterCodes"));
  }
  const check = await checkTotp({ secret: open(person.totpSecretEnc), code: o.code ?? "", lastStep: person.totpLastStep });
  if (!check.ok) {
    await registerFailure({
      personId: person.id,
      ctx: o.ctx,
      reason: check.reason === "replayed" ? "code TOTP rejoué (confirmation)" : "code TOTP incorrect (confirmation)",
    });
    throw refuse(FRESH_CODE_FAILED);
  }
  return {
    claim: async (tx) => {
      const step = await tx.person.updateMany({
        where: { id: person.id, status: "ACTIVE", OR: [{ totpLastStep: null }, { totpLastStep: { lt: check.timeStep } }] },
        data: { totpLastStep: check.timeStep },
      });
      if (step.count !== 1) throw refuse(FRESH_CODE_FAILED);
    },
  };
}
