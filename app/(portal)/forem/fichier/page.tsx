import type { Metadata } from "next";
import type { ReactNode } from "react";

import { ExportPreview } from "@/components/forem/export-preview";
import { ForemExportFlow } from "@/components/forem/forem-export-flow";
import { ForemNav } from "@/components/forem/forem-nav";
import { PeriodForm } from "@/components/forem/period-form";
import { foremFileName } from "@/lib/forem/export/build-forem-workbook";
import { listEndedContracts } from "@/lib/forem/export/list-ended-contracts";
import { ZPeriod } from "@/lib/forem/export/period-schema";
import { foremPageActor } from "@/lib/forem/page-guard";
import { firstParam } from "@/lib/http/search-params";
import { currentLocale, getTranslations } from "@/lib/i18n/server";
import { localize } from "@/lib/i18n/translator";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("forem.export");
  return { title: t("title") };
}

type Search = Record<string, string | string[] | undefined>;

export default async function ForemFilePage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await foremPageActor();
  const [t, locale] = await Promise.all([getTranslations("forem"), currentLocale()]);
  const params = await searchParams;
  const du = firstParam(params.du, 20) || undefined;
  const au = firstParam(params.au, 20) || undefined;
  const parsed = du || au ? ZPeriod.safeParse({ from: du, to: au }) : null;
  // The schema's messages are catalogue references: said in the reader's language.
  const errors =
    parsed && !parsed.success ? Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "from"), [localize(locale, i.message)]])) : undefined;
  const period = parsed?.success ? parsed.data : null;
  const rows = period ? await listEndedContracts({ actor, period }) : [];
  const link = (chunks: ReactNode) => (
    <a href="/forem/attestations" className="text-brand-700 underline">
      {chunks}
    </a>
  );
  return (
    <div className="space-y-6">
      <ForemNav current="/forem/fichier" />
      <div>
        <h1 className="text-2xl font-semibold">{t("export.title")}</h1>
        <p className="mt-2 max-w-3xl text-sm text-slate-700">{t.rich("export.intro", { link })}</p>
        {/* Issue 13: FOREM is Walloon; its file and instructions stay French, the Dutch page says so. */}
        {locale !== "fr" && (
          <p data-testid="forem-frans" className="mt-2 max-w-3xl rounded border border-slate-300 bg-slate-50 p-3 text-sm text-slate-800">
            {t("frenchOnly")}
          </p>
        )}
      </div>
      <PeriodForm from={du} to={au} errors={errors} />
      {period && <ExportPreview rows={rows} />}
      {period && rows.length > 0 && <ForemExportFlow period={period} rowCount={rows.length} fileName={foremFileName(period)} />}
    </div>
  );
}
