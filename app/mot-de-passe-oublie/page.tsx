import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { requestPasswordResetAction } from "@/app/mot-de-passe-oublie/actions";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { ActionForm, TextField } from "@/components/ui/action-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.forgotten");
  return { title: t("title") };
}

export default async function ForgottenPasswordPage() {
  const [t, tc] = await Promise.all([getTranslations("auth"), getTranslations("common")]);
  return (
    <main id="contenu" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <LanguageSwitch className="mb-3 justify-end" />
      <div className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-medium uppercase tracking-wide text-brand-700">{tc("portalName")}</p>
        <h1 className="mt-1 text-2xl font-semibold">{t("forgotten.title")}</h1>
        <p className="mt-3 text-sm">{t("forgotten.intro")}</p>
        <ActionForm
          action={requestPasswordResetAction}
          submitLabel={t("forgotten.submit")}
          className="mt-4 flex flex-col gap-3"
          label={t("forgotten.formLabel")}
        >
          <TextField label={t("fields.email")} name="email" type="email" required />
        </ActionForm>
        <p className="mt-4 text-sm">{t("forgotten.lostPhone")}</p>
        <p className="mt-4 text-sm">
          <a href="/login" className="text-brand-700 underline">
            {t("forgotten.backToLogin")}
          </a>
        </p>
      </div>
    </main>
  );
}
