import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { acceptInvitationAction } from "@/app/invitation/actions";
import { PasswordRules } from "@/components/auth/password-rules";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { ActionForm, TextField } from "@/components/ui/action-form";
import { findUsableInvitation } from "@/lib/access/manage/accept-invitation";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.invitation");
  return { title: t("title") };
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, t] = await Promise.all([params, getTranslations("auth")]);
  const invitation = await findUsableInvitation(token);
  return (
    <main id="contenu" className="mx-auto max-w-lg px-4 py-10">
      <LanguageSwitch className="mb-3 justify-end" />
      <div className="rounded-lg border border-slate-200 bg-white p-8">
        <h1 className="text-2xl font-semibold">{t("invitation.title")}</h1>
        {!invitation ? (
          <p className="mt-4" role="alert" data-testid="alerte">
            {t("invitation.invalid")}
          </p>
        ) : (
          <>
            <p className="mt-3 text-sm">
              {t.rich("invitation.hello", {
                firstName: invitation.person.firstName,
                lastName: invitation.person.lastName,
                email: invitation.person.email,
                strong: (chunks) => <strong>{chunks}</strong>,
              })}
            </p>
            <PasswordRules />
            <ActionForm
              action={acceptInvitationAction}
              submitLabel={t("invitation.submit")}
              className="mt-4 flex flex-col gap-3"
              label={t("invitation.formLabel")}
            >
              <input type="hidden" name="token" value={token} />
              <TextField label={t("fields.newPassword")} name="password" type="password" required />
              <TextField label={t("fields.confirmPassword")} name="confirm" type="password" required />
            </ActionForm>
            <p className="mt-4 text-sm">
              {t.rich("invitation.then", {
                link: (chunks) => (
                  <a href="/login" className="text-brand-700 underline">
                    {chunks}
                  </a>
                ),
              })}
            </p>
          </>
        )}
      </div>
    </main>
  );
}
