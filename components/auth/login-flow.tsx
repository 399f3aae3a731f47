"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";

import { submitPassword, submitSecondFactor } from "@/app/login/actions";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { safeCallbackPath } from "@/lib/http/safe-redirect";

import { RecoveryCodes } from "./recovery-codes";
import { TotpEnrolment } from "./totp-enrolment";

type Step =
  | { kind: "password" }
  | { kind: "code"; token: string; enrolment: { secret: string; qrSvg: string } | null }
  | { kind: "recovery"; token: string; codes: string[] };

/** Password, then TOTP (enrolment at first sign-in), then next-auth turns the challenge into a session. */
export function LoginFlow({ callbackUrl }: { callbackUrl: string }) {
  const [step, setStep] = useState<Step>({ kind: "password" });
  const [error, setError] = useState<{ message: string; fields?: Record<string, string[]> } | null>(null);
  const [isPending, startTransition] = useTransition();
  const t = useTranslations("auth.login");

  async function finish(token: string) {
    const target = safeCallbackPath(callbackUrl); // checked again here: this line is what navigates
    const res = await signIn("challenge", { challenge: token, redirect: false, callbackUrl: target });
    if (!res || res.error) {
      setStep({ kind: "password" });
      setError({ message: t("finishFailed") });
      return;
    }
    // A full navigation, not router.push: the portal layout must render with the new session cookie.
    window.location.assign(target);
  }

  function onPassword(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(async () => {
      const r = await submitPassword({ email: form.get("email"), password: form.get("password") });
      if (r.status !== "success") return setError(r.status === "error" ? { message: r.message, fields: r.fieldErrors } : null);
      setError(null);
      setStep({ kind: "code", token: r.data.token, enrolment: r.data.enrolment });
    });
  }

  function onCode(e: FormEvent<HTMLFormElement>, token: string) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(async () => {
      const r = await submitSecondFactor({ token, code: form.get("code") });
      if (r.status !== "success") return setError(r.status === "error" ? { message: r.message, fields: r.fieldErrors } : null);
      if (!r.data.ok) {
        setError({ message: r.data.message });
        if (r.data.restart) setStep({ kind: "password" });
        return;
      }
      setError(null);
      if (r.data.recoveryCodes) return setStep({ kind: "recovery", token, codes: r.data.recoveryCodes });
      await finish(token);
    });
  }

  return (
    <div>
      {error && <ErrorAlert>{error.message}</ErrorAlert>}
      {step.kind === "password" && (
        <form method="post" onSubmit={onPassword} noValidate aria-label={t("identification")}>
          <Field label={t("email")} name="email" type="email" autoComplete="username" required maxLength={254} errors={error?.fields?.email} autoFocus />
          <Field
            label={t("password")}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            maxLength={256}
            errors={error?.fields?.password}
          />
          <Button type="submit" className="mt-6 w-full" isPending={isPending}>
            {t("continue")}
          </Button>
        </form>
      )}
      {step.kind === "code" && (
        <form method="post" onSubmit={(e) => onCode(e, step.token)} noValidate aria-label={t("secondFactor")}>
          {step.enrolment ? <TotpEnrolment secret={step.enrolment.secret} qrSvg={step.enrolment.qrSvg} /> : <p className="mt-4 text-sm">{t("enterCode")}</p>}
          <Field
            label={t("code")}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            maxLength={20}
            errors={error?.fields?.code}
            autoFocus
          />
          <Button type="submit" className="mt-6 w-full" isPending={isPending}>
            {step.enrolment ? t("activateAndContinue") : t("signIn")}
          </Button>
        </form>
      )}
      {step.kind === "recovery" && <RecoveryCodes codes={step.codes} isPending={isPending} onContinue={() => startTransition(() => finish(step.token))} />}
    </div>
  );
}
