import type { Metadata } from "next";

import { FileExchangeSendForm } from "@/components/forem/file-exchange-send-form";
import { FileExchangeTable } from "@/components/forem/file-exchange-table";
import { listFileExchange } from "@/lib/forem/fileexchange/list-files";
import { fileExchangePageActor } from "@/lib/forem/page-guard";
import { currentLocale, getTranslations } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("fileExchange") };
}

export default async function FileExchangePage() {
  const actor = await fileExchangePageActor();
  const [t, tNav, locale] = await Promise.all([getTranslations("forem.fileExchange"), getTranslations("nav"), currentLocale()]);
  const { partners, sent, received } = await listFileExchange({ actor, locale });
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">{tNav("fileExchange")}</h1>
        <p className="mt-2 max-w-3xl text-sm text-slate-700">{t("intro")}</p>
      </div>
      <section aria-labelledby="envoyer-titre" className="space-y-3">
        <h2 id="envoyer-titre" className="text-lg font-semibold">
          {t("sendTitle")}
        </h2>
        {partners.length > 0 ? (
          <FileExchangeSendForm partners={partners} />
        ) : (
          <p className="max-w-3xl text-sm text-slate-700" data-testid="aucun-partenaire">
            {t("noPartner")}
          </p>
        )}
        <p className="max-w-3xl text-xs text-slate-600">{t("recipientsNote")}</p>
      </section>
      <section aria-labelledby="recus-titre" className="space-y-3">
        <h2 id="recus-titre" className="text-lg font-semibold">
          {t("receivedTitle")}
        </h2>
        <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <FileExchangeTable rows={received} direction="recus" />
        </div>
      </section>
      <section aria-labelledby="envoyes-titre" className="space-y-3">
        <h2 id="envoyes-titre" className="text-lg font-semibold">
          {t("sentTitle")}
        </h2>
        <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <FileExchangeTable rows={sent} direction="envoyes" />
        </div>
      </section>
    </div>
  );
}
