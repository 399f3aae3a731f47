import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";

import { DownloadButton } from "@/components/ui/download-button";
import { TableHead } from "@/components/ui/table-head";

type Row = { id: string; number: string; createdAt: Date; workerName: string; place: string; signatory: string };

export function AttestationsTable({ rows }: { rows: Row[] }) {
  const t = useTranslations("forem.attestations");
  const format = useFormatter();
  const when = (d: Date) => format.dateTime(d, "dateTime");
  if (rows.length === 0) return <p className="text-sm text-slate-700">{t("empty")}</p>;
  const sr = (chunks: ReactNode) => <span className="sr-only">{chunks}</span>;
  return (
    <table className="w-full border-collapse text-sm" data-testid="registre-attestations">
      <caption className="sr-only">{t("caption")}</caption>
      <TableHead
        columns={[
          t("columns.number"),
          t("columns.date"),
          t("columns.worker"),
          t("columns.place"),
          t("columns.signatory"),
          { label: t("columns.pdf"), srOnly: true },
        ]}
      />
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-b border-slate-100">
            <td className="py-2 pr-3 font-mono text-xs">{r.number}</td>
            <td className="py-2 pr-3">{when(r.createdAt)}</td>
            <td className="py-2 pr-3">{r.workerName}</td>
            <td className="py-2 pr-3">{r.place}</td>
            <td className="py-2 pr-3">{r.signatory}</td>
            <td className="py-2">
              <DownloadButton action={`/api/forem/attestations/${r.id}`}>{t.rich("pdfButton", { number: r.number, sr })}</DownloadButton>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
