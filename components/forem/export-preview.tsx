import { TableHead } from "@/components/ui/table-head";
import type { EndedContract } from "@/lib/forem/export/list-ended-contracts";
import { maskNiss } from "@/lib/validation/niss";

import { day, kindLabel } from "./format";

/** The rows of the file before it is built. The NISS is masked here: the file itself carries it in full. */
export function ExportPreview({ rows }: { rows: Pick<EndedContract, "contractId" | "workerName" | "kind" | "niss" | "startDate" | "endDate">[] }) {
  return (
    <section aria-labelledby="apercu-titre" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="apercu-titre" className="text-lg font-semibold">
        Aperçu : {rows.length} contrat{rows.length > 1 ? "s" : ""} terminé{rows.length > 1 ? "s" : ""}
      </h2>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">Aucun contrat ne s&apos;est terminé pendant cette période : il n&apos;y a rien à envoyer.</p>
      ) : (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full border-collapse text-sm" data-testid="apercu-forem">
            <caption className="sr-only">Lignes du fichier FOREM</caption>
            <TableHead columns={["Numéro national", "Date de début", "Date de fin", "Travailleur", "Type"]} />
            <tbody>
              {rows.map((r) => (
                <tr key={r.contractId} className="border-b border-slate-100">
                  <td className="py-2 pr-3 font-mono text-xs">{maskNiss(r.niss)}</td>
                  <td className="py-2 pr-3">{day(r.startDate)}</td>
                  <td className="py-2 pr-3">{day(r.endDate)}</td>
                  <td className="py-2 pr-3">{r.workerName}</td>
                  <td className="py-2">{kindLabel(r.kind)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
