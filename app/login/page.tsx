import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { LoginFlow } from "@/components/auth/login-flow";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { safeCallbackPath } from "@/lib/http/safe-redirect";
import { isDemoMailboxOn } from "@/lib/outbox/demo-mailbox";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.login");
  return { title: t("title") };
}

const REASONS = { inactivite: "reasonIdle", deconnexion: "reasonSignedOut", expiree: "reasonExpired" } as const;
// Where a one-time link's form leads once it worked (post/redirect/get: app/invitation/actions.ts,
// app/mot-de-passe-oublie/actions.ts), whether the page was hydrated when it was sent or not.
const DONE = { "mot-de-passe-change": "reset.success", "compte-active": "invitation.success" } as const;

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [params, t, tc, ta] = await Promise.all([searchParams, getTranslations("auth.login"), getTranslations("common"), getTranslations("auth")]);
  const reasonKey = typeof params.raison === "string" && Object.hasOwn(REASONS, params.raison) ? REASONS[params.raison as keyof typeof REASONS] : null;
  const doneKey = typeof params.raison === "string" && Object.hasOwn(DONE, params.raison) ? DONE[params.raison as keyof typeof DONE] : null;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  return (
    <main id="contenu" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <LanguageSwitch className="mb-3 justify-end" />
      <div className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-medium uppercase tracking-wide text-brand-700">{tc("portalName")}</p>
        <h1 className="mt-1 text-2xl font-semibold">{t("title")}</h1>
        {reasonKey && (
          <p className="mt-4 rounded border border-sky-200 bg-sky-50 p-3 text-sm text-sky-900" role="status">
            {t(reasonKey)}
          </p>
        )}
        {doneKey && (
          <p className="mt-4 rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900" role="status" data-testid="confirmation">
            {ta(doneKey)}
          </p>
        )}
        <LoginFlow callbackUrl={callbackUrl} />
        <p className="mt-4 text-sm">
          <Link href="/mot-de-passe-oublie" className="text-brand-700 underline">
            {t("forgotPassword")}
          </Link>
          {isDemoMailboxOn() && (
            <>
              {" · "}
              <a href="/courriels-demo" className="text-brand-700 underline">
                {t("demoMailbox")}
              </a>
            </>
          )}
        </p>
      </div>
      <p className="mt-6 text-center text-xs text-slate-600">{t("staffOnly")}</p>
    </main>
  );
}
