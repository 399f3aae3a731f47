import { TableHead } from "@/components/ui/table-head";
import { dateTime, day } from "./format";

type Row = { id: string; createdAt: Date; createdBy: string; periodFrom: string; periodTo: string; rowCount: number; fileName: string; note: string | null };

export function TransmissionsTable({ rows }: { rows: Row[] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-700">Aucune transmission enregistrée.</p>;
  return (
    <table className="w-full border-collapse text-sm" data-testid="registre-transmissions">
      <caption className="sr-only">Fichiers FOREM transmis</caption>
      <TableHead columns={["Date", "Par", "Période", "Lignes", "Fichier", "Remarque"]} />
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-b border-slate-100">
            <td className="py-2 pr-3">{dateTime(r.createdAt)}</td>
            <td className="py-2 pr-3">{r.createdBy}</td>
            <td className="py-2 pr-3">
              du {day(r.periodFrom)} au {day(r.periodTo)}
            </td>
            <td className="py-2 pr-3 tabular-nums">{r.rowCount}</td>
            <td className="py-2 pr-3 font-mono text-xs">{r.fileName}</td>
            <td className="py-2">{r.note ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
