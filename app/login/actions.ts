"use server";

import { AppError } from "@/lib/errors/app-error";
import { confirmSecondFactor } from "@/lib/auth/sign-in/confirm-second-factor";
import { SIGN_IN_FAILED } from "@/lib/auth/sign-in/messages";
import { ZPasswordStep, ZSecondFactorStep } from "@/lib/auth/sign-in/schemas";
import { startPasswordStep } from "@/lib/auth/sign-in/start-password-step";
import { blindIndex } from "@/lib/crypto/keys";
import { requestMeta } from "@/lib/http/request-context";
import { enforceRateLimits, RATE_LIMITS } from "@/lib/security/rate-limit";
import { parseInput, runAction } from "@/lib/http/server-action";

export async function submitPassword(input: unknown) {
  return runAction("connexion : mot de passe", async () => {
    const { email, password } = parseInput(ZPasswordStep, input);
    const meta = await requestMeta();
    await enforceRateLimits([
      { key: `signin:ip:${meta.ip ?? "inconnue"}`, rule: RATE_LIMITS.signInPerIp },
      { key: `signin:account:${blindIndex(email.toLowerCase())}`, rule: RATE_LIMITS.signInPerAccount },
    ]);
    const result = await startPasswordStep({ email, password, meta });
    if (!result.ok) throw new AppError(result.policyMessage ? "FORBIDDEN" : "UNAUTHENTICATED", result.policyMessage ?? SIGN_IN_FAILED);
    return { token: result.token, enrolment: result.enrolment };
  });
}

export async function submitSecondFactor(input: unknown) {
  return runAction("connexion : second facteur", async () => {
    const { token, code } = parseInput(ZSecondFactorStep, input);
    const meta = await requestMeta();
    await enforceRateLimits([{ key: `signin:ip:${meta.ip ?? "inconnue"}`, rule: RATE_LIMITS.signInPerIp }]);
    const result = await confirmSecondFactor({ token, code, meta });
    if (!result.ok) return { ok: false as const, message: result.message, restart: result.restart ?? false };
    return { ok: true as const, recoveryCodes: result.recoveryCodes };
  });
}
