import { TableHead } from "@/components/ui/table-head";
import { dateTime } from "./format";
import { DownloadButton } from "@/components/ui/download-button";

type Row = { id: string; number: string; createdAt: Date; workerName: string; place: string; signatory: string };

export function AttestationsTable({ rows }: { rows: Row[] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-700">Aucune attestation établie.</p>;
  return (
    <table className="w-full border-collapse text-sm" data-testid="registre-attestations">
      <caption className="sr-only">Attestations établies</caption>
      <TableHead columns={["Numéro", "Date", "Travailleur", "Lieu", "Signataire", { label: "PDF", srOnly: true }]} />
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-b border-slate-100">
            <td className="py-2 pr-3 font-mono text-xs">{r.number}</td>
            <td className="py-2 pr-3">{dateTime(r.createdAt)}</td>
            <td className="py-2 pr-3">{r.workerName}</td>
            <td className="py-2 pr-3">{r.place}</td>
            <td className="py-2 pr-3">{r.signatory}</td>
            <td className="py-2">
              <DownloadButton action={`/api/forem/attestations/${r.id}`}>
                PDF<span className="sr-only"> de l&apos;attestation {r.number}</span>
              </DownloadButton>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
