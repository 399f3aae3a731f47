import { ofName } from "@/lib/text/french";
import { PROGRESS_LABELS } from "@/lib/forem/contracts/contract-progress";
import type { ContractRow } from "@/lib/forem/contracts/list-contracts";

import { TableHead } from "@/components/ui/table-head";
import { day, kindLabel, regimeLabel } from "./format";

export function ContractsTable({ rows }: { rows: ContractRow[] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-700">Aucun contrat enregistré.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-testid="registre-contrats">
        <caption className="sr-only">Contrats article 60, § 7 et article 61</caption>
        <TableHead
          columns={[
            "Travailleur",
            "N° national",
            "Type",
            "Début",
            "Fin prévue",
            "Fin effective",
            "Employeur tiers",
            "Régime",
            { label: "Actions", srOnly: true },
          ]}
        />
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-100">
              <td className="py-2 pr-3 font-medium">{r.workerName}</td>
              <td className="py-2 pr-3 font-mono text-xs">{r.maskedNiss}</td>
              <td className="py-2 pr-3">{kindLabel(r.kind)}</td>
              <td className="py-2 pr-3">{day(r.startDate)}</td>
              <td className="py-2 pr-3">{day(r.plannedEndDate)}</td>
              <td className="py-2 pr-3">{r.actualEndDate ? day(r.actualEndDate) : <span className="text-slate-600">{PROGRESS_LABELS[r.progress]}</span>}</td>
              <td className="py-2 pr-3">{r.employerName ?? "—"}</td>
              <td className="py-2 pr-3">{regimeLabel(r.regime, r.weeklyHours)}</td>
              <td className="py-2">
                <a href={`/forem/contrats/${r.id}`} className="text-brand-700 underline">
                  Modifier
                  <span className="sr-only">
                    {" "}
                    le contrat {ofName(r.workerName)} du {day(r.startDate)}
                  </span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
