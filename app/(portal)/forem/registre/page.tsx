import type { Metadata } from "next";

import { ForemNav } from "@/components/forem/forem-nav";
import { TransmissionsTable } from "@/components/forem/transmissions-table";
import { listTransmissions } from "@/lib/forem/export/list-transmissions";
import { foremPageActor } from "@/lib/forem/page-guard";

export const metadata: Metadata = { title: "Registre des transmissions au FOREM" };

export default async function TransmissionsPage() {
  const actor = await foremPageActor();
  const rows = await listTransmissions({ actor });
  return (
    <div>
      <ForemNav current="/forem/registre" />
      <h1 className="text-2xl font-semibold">Registre des transmissions au FOREM</h1>
      <p className="mt-2 text-sm text-slate-700">
        Qui a envoyé quel fichier, quand, pour quelle période et combien de lignes. Le mot de passe n&apos;est jamais enregistré.
      </p>
      <div className="mt-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <TransmissionsTable rows={rows} />
      </div>
    </div>
  );
}
