import type { Metadata } from "next";

import { AttestationForm } from "@/components/forem/attestation-form";
import { AttestationsTable } from "@/components/forem/attestations-table";
import { ForemNav } from "@/components/forem/forem-nav";
import { listAttestations, listWorkersWithContracts } from "@/lib/forem/attestations/list-attestations";
import { foremPageActor } from "@/lib/forem/page-guard";

export const metadata: Metadata = { title: "Attestations article 60 et 61" };

export default async function AttestationsPage() {
  const actor = await foremPageActor();
  const [workers, attestations] = await Promise.all([listWorkersWithContracts({ actor }), listAttestations({ actor })]);
  return (
    <div className="space-y-6">
      <ForemNav current="/forem/attestations" />
      <div>
        <h1 className="text-2xl font-semibold">Attestations de périodes article 60, § 7 et article 61</h1>
        <p className="mt-2 max-w-3xl text-sm text-slate-700">
          Pour une demande au cas par cas ou urgente (par exemple un engagement chez un employeur qui souhaite bénéficier d&apos;une aide Impulsion), une
          attestation écrite du CPAS reprend les périodes de contrat du travailleur. Chaque attestation reçoit un numéro ATT-année-numéro et figure au registre
          ci-dessous.
        </p>
      </div>
      <AttestationForm workers={workers} />
      <section aria-labelledby="registre-attestations-titre">
        <h2 id="registre-attestations-titre" className="text-lg font-semibold">
          Registre des attestations
        </h2>
        <div className="mt-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <AttestationsTable rows={attestations} />
        </div>
      </section>
    </div>
  );
}
