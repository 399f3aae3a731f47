import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { AttestationForm } from "@/components/forem/attestation-form";
import { AttestationsTable } from "@/components/forem/attestations-table";
import { ForemNav } from "@/components/forem/forem-nav";
import { listAttestations, listWorkersWithContracts } from "@/lib/forem/attestations/list-attestations";
import { foremPageActor } from "@/lib/forem/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("forem.attestations");
  return { title: t("metaTitle") };
}

export default async function AttestationsPage() {
  const actor = await foremPageActor();
  const t = await getTranslations("forem.attestations");
  const [workers, attestations] = await Promise.all([listWorkersWithContracts({ actor }), listAttestations({ actor })]);
  return (
    <div className="space-y-6">
      <ForemNav current="/forem/attestations" />
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-2 max-w-3xl text-sm text-slate-700">{t("intro")}</p>
      </div>
      <AttestationForm workers={workers} />
      <section aria-labelledby="registre-attestations-titre">
        <h2 id="registre-attestations-titre" className="text-lg font-semibold">
          {t("registerTitle")}
        </h2>
        <div className="mt-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <AttestationsTable rows={attestations} />
        </div>
      </section>
    </div>
  );
}
