import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { completePasswordResetAction } from "@/app/mot-de-passe-oublie/actions";
import { PasswordRules } from "@/components/auth/password-rules";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { ActionForm, TextField } from "@/components/ui/action-form";
import { findUsableReset } from "@/lib/auth/password-reset/complete-password-reset";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.reset");
  return { title: t("title") };
}

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, t] = await Promise.all([params, getTranslations("auth")]);
  const reset = await findUsableReset(token);
  return (
    <main id="contenu" className="mx-auto max-w-lg px-4 py-10">
      <LanguageSwitch className="mb-3 justify-end" />
      <div className="rounded-lg border border-slate-200 bg-white p-8">
        <h1 className="text-2xl font-semibold">{t("reset.title")}</h1>
        {!reset ? (
          <p className="mt-4" role="alert" data-testid="alerte">
            {t("reset.linkInvalid")}
          </p>
        ) : (
          <>
            <p className="mt-3 text-sm">{t.rich("reset.intro", { email: reset.person.email, strong: (chunks) => <strong>{chunks}</strong> })}</p>
            <PasswordRules />
            <ActionForm action={completePasswordResetAction} submitLabel={t("reset.submit")} className="mt-4 flex flex-col gap-3" label={t("reset.formLabel")}>
              <input type="hidden" name="token" value={token} />
              <TextField label={t("fields.newPassword")} name="password" type="password" required />
              <TextField label={t("fields.confirmPassword")} name="confirm" type="password" required />
            </ActionForm>
          </>
        )}
        <p className="mt-4 text-sm">
          <a href="/login" className="text-brand-700 underline">
            {t("reset.loginPage")}
          </a>
        </p>
      </div>
    </main>
  );
}
