import { useTranslations } from "next-intl";

import { TableHead } from "@/components/ui/table-head";
import type { EndedContract } from "@/lib/forem/export/list-ended-contracts";
import { maskNiss } from "@/lib/validation/niss";

import { day } from "./format";

/** The rows of the file before it is built. The NISS is masked here: the file itself carries it in full. */
export function ExportPreview({ rows }: { rows: Pick<EndedContract, "contractId" | "workerName" | "kind" | "niss" | "startDate" | "endDate">[] }) {
  const t = useTranslations("forem");
  return (
    <section aria-labelledby="apercu-titre" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="apercu-titre" className="text-lg font-semibold">
        {t("export.previewTitle", { count: rows.length })}
      </h2>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">{t("export.previewEmpty")}</p>
      ) : (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full border-collapse text-sm" data-testid="apercu-forem">
            <caption className="sr-only">{t("export.previewCaption")}</caption>
            <TableHead
              columns={[t("export.columns.niss"), t("export.columns.start"), t("export.columns.end"), t("export.columns.worker"), t("export.columns.kind")]}
            />
            <tbody>
              {rows.map((r) => (
                <tr key={r.contractId} className="border-b border-slate-100">
                  <td className="py-2 pr-3 font-mono text-xs">{maskNiss(r.niss)}</td>
                  <td className="py-2 pr-3">{day(r.startDate)}</td>
                  <td className="py-2 pr-3">{day(r.endDate)}</td>
                  <td className="py-2 pr-3">{r.workerName}</td>
                  <td className="py-2">{t(`kinds.${r.kind}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
