import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

import { TableHead } from "@/components/ui/table-head";
import type { ContractRow } from "@/lib/forem/contracts/list-contracts";
import { ofName } from "@/lib/text/french";

import { day } from "./format";

/** French « d'Emma » or « de Jean » (lib/text/french.ts), for the ICU select of forem.contracts.edit. */
const elides = (name: string) => (ofName(name).startsWith("d'") ? "yes" : "no");

export function ContractsTable({ rows }: { rows: ContractRow[] }) {
  const t = useTranslations("forem");
  if (rows.length === 0) return <p className="text-sm text-slate-700">{t("contracts.empty")}</p>;
  const sr = (chunks: ReactNode) => <span className="sr-only">{chunks}</span>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-testid="registre-contrats">
        <caption className="sr-only">{t("contracts.caption")}</caption>
        <TableHead
          columns={[
            t("contracts.columns.worker"),
            t("contracts.columns.niss"),
            t("contracts.columns.kind"),
            t("contracts.columns.start"),
            t("contracts.columns.plannedEnd"),
            t("contracts.columns.actualEnd"),
            t("contracts.columns.employer"),
            t("contracts.columns.regime"),
            { label: t("contracts.columns.actions"), srOnly: true },
          ]}
        />
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-100">
              <td className="py-2 pr-3 font-medium">{r.workerName}</td>
              <td className="py-2 pr-3 font-mono text-xs">{r.maskedNiss}</td>
              <td className="py-2 pr-3">{t(`kinds.${r.kind}`)}</td>
              <td className="py-2 pr-3">{day(r.startDate)}</td>
              <td className="py-2 pr-3">{day(r.plannedEndDate)}</td>
              <td className="py-2 pr-3">{r.actualEndDate ? day(r.actualEndDate) : <span className="text-slate-600">{t(`progress.${r.progress}`)}</span>}</td>
              <td className="py-2 pr-3">{r.employerName ?? "—"}</td>
              <td className="py-2 pr-3">
                {r.regime === "PART_TIME" && r.weeklyHours ? t("regimes.partTimeHours", { hours: r.weeklyHours.replace(".", ",") }) : t(`regimes.${r.regime}`)}
              </td>
              <td className="py-2">
                <a href={`/forem/contrats/${r.id}`} className="text-brand-700 underline">
                  {t.rich("contracts.edit", {
                    name: r.workerName,
                    elide: elides(r.workerName),
                    start: day(r.startDate),
                    sr,
                  })}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
