import { useTranslations } from "next-intl";

import { TableHead } from "@/components/ui/table-head";
import type { listRequests } from "@/lib/c607/requests";

import { frDate, StatusBadge, UrgencyBadge } from "./status-badge";

type Listing = Awaited<ReturnType<typeof listRequests>>;

/** The CPAS list and the ONEM queue; overdue and due-today rows stand out (colour and text). */
export function RequestTable({ listing, showCentre }: { listing: Listing; showCentre: boolean }) {
  const t = useTranslations("c607.table");
  if (listing.items.length === 0) return <p className="mt-6 text-slate-700">{t("empty")}</p>;
  return (
    <div className="mt-6 overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("caption", { total: listing.total })}</caption>
        <TableHead columns={[t("reference"), ...(showCentre ? [t("centre")] : []), t("worker"), t("status"), t("deadline")]} />
        <tbody>
          {listing.items.map((r) => (
            <tr
              key={r.id}
              data-urgence={r.urgency ?? undefined}
              className={`border-b border-slate-200 ${r.urgency === "OVERDUE" ? "bg-red-50" : r.urgency === "TODAY" ? "bg-amber-50" : ""}`}
            >
              <td className="py-2 pr-4">
                <a href={`/c607/${r.id}`} className="font-medium text-brand-700 underline underline-offset-4">
                  {r.reference}
                </a>
                {r.isSecondCalculation && <span className="ml-2 text-xs text-slate-600">{t("secondCalculation")}</span>}
              </td>
              {showCentre && <td className="py-2 pr-4">{r.centre.name}</td>}
              <td className="py-2 pr-4">{r.worker}</td>
              <td className="py-2 pr-4">
                <StatusBadge status={r.status} />
                {r.derogationStatus === "PENDING" && <span className="ml-2 text-xs text-orange-900">{t("derogationPending")}</span>}
              </td>
              <td className="py-2 pr-4">
                {frDate(r.deadline)}
                <UrgencyBadge urgency={r.urgency} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-3 text-sm text-slate-600">{t("pagination", { total: listing.total, page: listing.page, pageCount: listing.pageCount })}</p>
    </div>
  );
}
