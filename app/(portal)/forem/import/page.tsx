import type { Metadata } from "next";

import { ForemNav } from "@/components/forem/forem-nav";
import { ImportForm } from "@/components/forem/import-form";
import { foremPageActor } from "@/lib/forem/page-guard";

export const metadata: Metadata = { title: "Importer des contrats" };

export default async function ImportContractsPage() {
  await foremPageActor();
  return (
    <div className="space-y-4">
      <ForemNav current="/forem" />
      <h1 className="text-2xl font-semibold">Importer des contrats</h1>
      <div className="max-w-3xl space-y-2 text-sm text-slate-700">
        <p>
          Un classeur Excel (.xlsx, première feuille) ou un fichier CSV (séparateur « ; » ou « , »), avec une ligne d&apos;en-tête. Colonnes obligatoires :{" "}
          <strong>Numéro national</strong>, <strong>Nom</strong>, <strong>Prénom</strong>, <strong>Type</strong> (60§7 ou 61), <strong>Début</strong>,{" "}
          <strong>Fin prévue</strong>. Facultatives : Fin effective, Employeur (obligatoire pour l&apos;article 61), BCE employeur, Régime (temps plein ou
          partiel), Heures/semaine, Heures temps plein. Dates au format JJ/MM/AAAA ou en cellules date.
        </p>
        <p>
          <strong>Tout ou rien</strong> : si une seule ligne est refusée, aucune n&apos;est enregistrée ; le rapport indique chaque ligne refusée et pourquoi.
          Corrigez le fichier et importez-le à nouveau.
        </p>
      </div>
      <ImportForm />
    </div>
  );
}
