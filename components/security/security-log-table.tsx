import { TableHead } from "@/components/ui/table-head";
import { formatBrusselsTime } from "@/lib/security-log/filters";
import type { SecurityLogRow } from "@/lib/security-log/present-events";

export function SecurityLogTable({ rows }: { rows: SecurityLogRow[] }) {
  if (rows.length === 0) return <p role="status">Aucun événement ne correspond à ces critères.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full bg-white text-left text-sm" data-testid="journal-securite">
        <caption className="sr-only">Événements de sécurité du centre, du plus récent au plus ancien</caption>
        <TableHead columns={["Date (Bruxelles)", "Événement", "Auteur", "Cible", "Détails", "Adresse IP"]} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-100 align-top" data-testid="evenement">
              <td className="py-1.5 pr-2 whitespace-nowrap">{formatBrusselsTime(r.occurredAt)}</td>
              <td className="pr-2">{r.label}</td>
              <td className="pr-2">
                {r.actorName}
                {r.actorEmail && <span className="block text-xs text-slate-600">{r.actorEmail}</span>}
              </td>
              <td className="pr-2">{r.target}</td>
              <td className="max-w-xs pr-2 break-words text-xs">{r.change || "—"}</td>
              <td className="font-mono text-xs">{r.ip ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
