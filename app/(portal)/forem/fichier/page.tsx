import type { Metadata } from "next";

import { ExportPreview } from "@/components/forem/export-preview";
import { ForemExportFlow } from "@/components/forem/forem-export-flow";
import { ForemNav } from "@/components/forem/forem-nav";
import { PeriodForm } from "@/components/forem/period-form";
import { foremFileName } from "@/lib/forem/export/build-forem-workbook";
import { listEndedContracts } from "@/lib/forem/export/list-ended-contracts";
import { ZPeriod } from "@/lib/forem/export/period-schema";
import { foremPageActor } from "@/lib/forem/page-guard";
import { firstParam } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Fichier FOREM Impulsion" };

type Search = Record<string, string | string[] | undefined>;

export default async function ForemFilePage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await foremPageActor();
  const params = await searchParams;
  const du = firstParam(params.du, 20) || undefined;
  const au = firstParam(params.au, 20) || undefined;
  const parsed = du || au ? ZPeriod.safeParse({ from: du, to: au }) : null;
  const errors = parsed && !parsed.success ? Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "from"), [i.message]])) : undefined;
  const period = parsed?.success ? parsed.data : null;
  const rows = period ? await listEndedContracts({ actor, period }) : [];
  return (
    <div className="space-y-6">
      <ForemNav current="/forem/fichier" />
      <div>
        <h1 className="text-2xl font-semibold">Fichier FOREM Impulsion</h1>
        <p className="mt-2 max-w-3xl text-sm text-slate-700">
          Liste des personnes qui ont terminé un contrat article 60, § 7 ou article 61, pour que le calculateur du FOREM reconnaisse leurs périodes pour les
          aides Impulsion. La transmission est facultative ; pour un cas urgent ou au cas par cas, établissez plutôt une{" "}
          <a href="/forem/attestations" className="text-brand-700 underline">
            attestation
          </a>
          .
        </p>
      </div>
      <PeriodForm from={du} to={au} errors={errors} />
      {period && <ExportPreview rows={rows} />}
      {period && rows.length > 0 && <ForemExportFlow period={period} rowCount={rows.length} fileName={foremFileName(period)} />}
    </div>
  );
}
