import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";

import { DownloadButton } from "@/components/ui/download-button";
import { TableHead } from "@/components/ui/table-head";
import type { FileExchangeLists } from "@/lib/forem/fileexchange/list-files";

import { useFileSize } from "./use-file-size";

type Props = { rows: FileExchangeLists["sent"] | FileExchangeLists["received"]; direction: "envoyes" | "recus" };

export function FileExchangeTable({ rows, direction }: Props) {
  const t = useTranslations("forem.fileExchange");
  const format = useFormatter();
  const formatSize = useFileSize();
  const isSent = direction === "envoyes";
  if (rows.length === 0) return <p className="text-sm text-slate-700">{isSent ? t("noneSent") : t("noneReceived")}</p>;
  const when = (d: Date) => format.dateTime(d, "dateTime");
  const sr = (chunks: ReactNode) => <span className="sr-only">{chunks}</span>;
  return (
    <table className="w-full border-collapse text-sm" data-testid={`fichiers-${direction}`}>
      <caption className="sr-only">{isSent ? t("captionSent") : t("captionReceived")}</caption>
      <TableHead
        columns={[
          t("columns.date"),
          isSent ? t("columns.recipient") : t("columns.sender"),
          t("columns.file"),
          t("columns.size"),
          t("columns.message"),
          isSent ? t("columns.collectedByRecipient") : t("columns.collected"),
          { label: t("columns.download"), srOnly: true },
        ]}
      />
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-b border-slate-100">
            <td className="py-2 pr-3">{when(r.createdAt)}</td>
            <td className="py-2 pr-3">
              {r.partnerName}
              {r.senderName ? <span className="block text-xs text-slate-600">{t("by", { name: r.senderName })}</span> : null}
            </td>
            <td className="py-2 pr-3 font-mono text-xs">{r.fileName}</td>
            <td className="py-2 pr-3">{formatSize(r.size)}</td>
            <td className="py-2 pr-3">{r.note ?? "—"}</td>
            <td className="py-2 pr-3">{r.downloadedAt ? when(r.downloadedAt) : t("notCollected")}</td>
            <td className="py-2">
              {r.purgedAt ? (
                <span className="text-xs text-slate-700">{t("purged", { date: when(r.purgedAt) })}</span>
              ) : (
                <DownloadButton action={`/api/fileexchange/${r.id}`}>{t.rich("download", { name: r.fileName, sr })}</DownloadButton>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
