import { useFormatter, useTranslations } from "next-intl";

import { TableHead } from "@/components/ui/table-head";

import { day } from "./format";

type Row = { id: string; createdAt: Date; createdBy: string; periodFrom: string; periodTo: string; rowCount: number; fileName: string; note: string | null };

export function TransmissionsTable({ rows }: { rows: Row[] }) {
  const t = useTranslations("forem.transmissions");
  const format = useFormatter();
  const when = (d: Date) => format.dateTime(d, "dateTime");
  if (rows.length === 0) return <p className="text-sm text-slate-700">{t("empty")}</p>;
  return (
    <table className="w-full border-collapse text-sm" data-testid="registre-transmissions">
      <caption className="sr-only">{t("caption")}</caption>
      <TableHead columns={[t("columns.date"), t("columns.by"), t("columns.period"), t("columns.rows"), t("columns.file"), t("columns.note")]} />
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-b border-slate-100">
            <td className="py-2 pr-3">{when(r.createdAt)}</td>
            <td className="py-2 pr-3">{r.createdBy}</td>
            <td className="py-2 pr-3">{t("period", { from: day(r.periodFrom), to: day(r.periodTo) })}</td>
            <td className="py-2 pr-3 tabular-nums">{r.rowCount}</td>
            <td className="py-2 pr-3 font-mono text-xs">{r.fileName}</td>
            <td className="py-2">{r.note ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
