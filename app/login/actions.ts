"use server";

import { AppError } from "@/lib/errors/app-error";
import { confirmSecondFactor } from "@/lib/auth/sign-in/confirm-second-factor";
import { SIGN_IN_FAILED } from "@/lib/auth/sign-in/messages";
import { ZPasswordStep, ZSecondFactorStep } from "@/lib/auth/sign-in/schemas";
import { startPasswordStep } from "@/lib/auth/sign-in/start-password-step";
import { blindIndex } from "@/lib/crypto/keys";
import { defineAction } from "@/lib/http/define-action";
import { setLocaleCookie } from "@/lib/i18n/locale-cookie";
import { localizeForRequest } from "@/lib/i18n/server";
import { requestLocale } from "@/lib/i18n/request-locale";
import { enforceRateLimits, RATE_LIMITS } from "@/lib/security/rate-limit";

// The sign-in steps are public by design (lib/http/authorize-entry.ts): nobody is signed in yet.

export const submitPassword = defineAction({
  name: "connexion : mot de passe",
  permission: "public",
  input: ZPasswordStep,
  run: async ({ meta, input: { email, password } }) => {
    await enforceRateLimits([
      { key: `signin:ip:${meta.ip ?? "inconnue"}`, rule: RATE_LIMITS.signInPerIp },
      { key: `signin:account:${blindIndex(email.toLowerCase())}`, rule: RATE_LIMITS.signInPerAccount },
    ]);
    const result = await startPasswordStep({ email, password, meta });
    if (!result.ok) throw new AppError(result.policyMessage ? "FORBIDDEN" : "UNAUTHENTICATED", result.policyMessage ?? SIGN_IN_FAILED);
    return { token: result.token, enrolment: result.enrolment };
  },
});

export const submitSecondFactor = defineAction({
  name: "connexion : second facteur",
  permission: "public",
  input: ZSecondFactorStep,
  run: async ({ meta, input: { token, code } }) => {
    await enforceRateLimits([{ key: `signin:ip:${meta.ip ?? "inconnue"}`, rule: RATE_LIMITS.signInPerIp }]);
    const result = await confirmSecondFactor({ token, code, meta, language: await requestLocale() });
    if (!result.ok) return { ok: false as const, message: await localizeForRequest(result.message), restart: result.restart ?? false };
    // From now on the account's language is the browser's (issue 13; lib/i18n/locales.ts).
    await setLocaleCookie(result.language);
    return { ok: true as const, recoveryCodes: result.recoveryCodes };
  },
});
