import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { acceptUsagePolicyAction } from "@/app/politique-utilisation/actions";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { ActionForm } from "@/components/ui/action-form";
import { getActor } from "@/lib/auth/get-actor";
import { pendingUsagePolicy } from "@/lib/security/usage-policy";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("policy.usage");
  return { title: t("title") };
}

/** Outside the portal layout (which sends here until the current version is accepted). */
export default async function UsagePolicyPage() {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  const [policy, t, tc] = await Promise.all([pendingUsagePolicy(actor), getTranslations("policy.usage"), getTranslations("common")]);
  return (
    <>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-3xl items-center justify-between gap-3 px-4 py-3">
          <div>
            <p className="text-sm font-semibold text-brand-700">{tc("portalName")}</p>
            <p className="text-xs text-slate-600">
              {actor.firstName} {actor.lastName} — {actor.entityName}
            </p>
          </div>
          <div className="flex items-center gap-4">
            <LanguageSwitch account />
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="contenu" className="mx-auto max-w-3xl px-4 py-10">
        <div className="rounded-lg border border-slate-200 bg-white p-8">
          {!policy ? (
            <>
              <h1 className="text-2xl font-semibold">{t("title")}</h1>
              <p className="mt-4">{t("accepted")}</p>
              <a href="/tableau-de-bord" className="mt-4 inline-block text-brand-700 underline">
                {t("continue")}
              </a>
            </>
          ) : (
            <>
              <h1 className="text-2xl font-semibold">{policy.title}</h1>
              <p className="mt-1 text-sm text-slate-700">{t("version", { version: policy.version })}</p>
              <div
                className="mt-4 max-h-96 overflow-y-auto whitespace-pre-wrap rounded border border-slate-200 bg-slate-50 p-4 text-sm"
                tabIndex={0}
                aria-label={t("textLabel")}
              >
                {policy.body}
              </div>
              <ActionForm action={acceptUsagePolicyAction} submitLabel={t("accept")} className="mt-4 flex flex-col gap-3" label={t("formLabel")}>
                <input type="hidden" name="policyId" value={policy.id} />
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="accept" required /> {t("readAndAgree")}
                </label>
              </ActionForm>
            </>
          )}
        </div>
      </main>
    </>
  );
}
