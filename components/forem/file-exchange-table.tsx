import { TableHead } from "@/components/ui/table-head";
import type { FileExchangeLists } from "@/lib/forem/fileexchange/list-files";

import { formatSize } from "@/lib/forem/format-size";
import { dateTime } from "./format";
import { DownloadButton } from "@/components/ui/download-button";

type Props = { rows: FileExchangeLists["sent"] | FileExchangeLists["received"]; direction: "envoyes" | "recus" };

export function FileExchangeTable({ rows, direction }: Props) {
  const isSent = direction === "envoyes";
  if (rows.length === 0) return <p className="text-sm text-slate-700">{isSent ? "Aucun fichier envoyé." : "Aucun fichier reçu."}</p>;
  return (
    <table className="w-full border-collapse text-sm" data-testid={`fichiers-${direction}`}>
      <caption className="sr-only">{isSent ? "Fichiers envoyés" : "Fichiers reçus"}</caption>
      <TableHead
        columns={[
          "Date",
          isSent ? "Destinataire" : "Expéditeur",
          "Fichier",
          "Taille",
          "Message",
          isSent ? "Retiré par le destinataire" : "Retiré",
          { label: "Télécharger", srOnly: true },
        ]}
      />
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-b border-slate-100">
            <td className="py-2 pr-3">{dateTime(r.createdAt)}</td>
            <td className="py-2 pr-3">
              {r.partnerName}
              {r.senderName ? <span className="block text-xs text-slate-600">par {r.senderName}</span> : null}
            </td>
            <td className="py-2 pr-3 font-mono text-xs">{r.fileName}</td>
            <td className="py-2 pr-3">{formatSize(r.size)}</td>
            <td className="py-2 pr-3">{r.note ?? "—"}</td>
            <td className="py-2 pr-3">{r.downloadedAt ? dateTime(r.downloadedAt) : "non"}</td>
            <td className="py-2">
              {r.purgedAt ? (
                <span className="text-xs text-slate-700">Supprimé le {dateTime(r.purgedAt)} (délai de conservation)</span>
              ) : (
                <DownloadButton action={`/api/fileexchange/${r.id}`}>
                  Télécharger<span className="sr-only"> {r.fileName}</span>
                </DownloadButton>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
