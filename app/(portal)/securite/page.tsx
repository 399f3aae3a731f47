import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { ChainStatus } from "@/components/security/chain-status";
import { SecurityLogFiltersForm } from "@/components/security/security-log-filters";
import { SecurityLogTable } from "@/components/security/security-log-table";
import { ErrorAlert } from "@/components/ui/alert";
import { DownloadButton } from "@/components/ui/download-button";
import { localeOfTag } from "@/lib/i18n/request-locale";
import { localize } from "@/lib/i18n/translator";
import { securityLogPageActor } from "@/lib/security-log/access";
import { loadSecurityLogPage } from "@/lib/security-log/load-security-log-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("securityLog.page"))("title") };
}

type Params = Record<string, string | string[] | undefined>;

export default async function SecurityLogPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await securityLogPageActor();
  const [view, t, locale] = await Promise.all([
    loadSecurityLogPage(actor, await searchParams),
    getTranslations("securityLog.page"),
    getLocale().then(localeOfTag),
  ]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-700">
        {t("intro")}
        {actor.isDpd && (
          <>
            {" "}
            {t.rich("dpdSessions", {
              link: (chunks) => (
                <a href="/sessions" className="text-brand-700 underline">
                  {chunks}
                </a>
              ),
            })}
          </>
        )}
      </p>
      <Suspense fallback={<p className="text-sm text-slate-700">{t("checkingChain")}</p>}>
        <ChainStatus entityId={actor.entityId} />
      </Suspense>
      <SecurityLogFiltersForm values={view.values} />
      {!view.page ? (
        <ErrorAlert>{view.errors.map((m) => localize(locale, m)).join(" ")}</ErrorAlert>
      ) : (
        <>
          <div className="text-sm">
            <DownloadButton action="/api/security-log/export" fields={view.exportFields} className="font-medium text-brand-700 underline">
              {t("export")}
            </DownloadButton>{" "}
            <span className="text-slate-700">{t("exportNote")}</span>
          </div>
          <SecurityLogTable rows={view.page.rows} />
          <nav aria-label={t("pages")} className="flex gap-4 text-sm">
            {view.newerHref && (
              <a href={view.newerHref} className="text-brand-700 underline">
                {t("newer")}
              </a>
            )}
            {view.olderHref && (
              <a href={view.olderHref} className="text-brand-700 underline">
                {t("older")}
              </a>
            )}
          </nav>
        </>
      )}
    </div>
  );
}
