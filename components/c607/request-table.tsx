import { useTranslations } from "next-intl";

import { TableHead } from "@/components/ui/table-head";
import type { listRequests } from "@/lib/c607/requests";

import { frDate, StatusBadge, UrgencyBadge } from "./status-badge";

type Listing = Awaited<ReturnType<typeof listRequests>>;

const LINK = "font-medium text-brand-700 underline underline-offset-4";

/**
 * The CPAS list and the ONEM queue; overdue and due-today rows stand out (colour and text). Pages
 * are links (GET, bookmarkable) that keep the filters (`query`) and carry the list's cursor.
 */
export function RequestTable({
  listing,
  showCentre,
  basePath,
  query,
}: {
  listing: Listing;
  showCentre: boolean;
  basePath: "/onem" | "/c607";
  query: Record<string, string>;
}) {
  const t = useTranslations("c607.table");
  const href = (cursor: string | null) => {
    const params = new URLSearchParams(Object.entries(query).filter(([k, v]) => v !== "" && k !== "cursor" && k !== "page"));
    if (cursor) params.set("cursor", cursor);
    const qs = params.toString();
    return qs ? `${basePath}?${qs}` : basePath;
  };
  const queue = basePath === "/onem";
  const onFirstPage = listing.page === 1;
  const pages = (
    <nav aria-label={t("pagesLabel")} className="mt-3 flex flex-wrap gap-x-6 gap-y-2 text-sm">
      {!onFirstPage && (
        <a href={href(null)} className={LINK}>
          {t("firstPage")}
        </a>
      )}
      {listing.previousCursor && (
        <a href={href(listing.previousCursor)} rel="prev" className={LINK}>
          {queue ? t("queuePrevious") : t("listNewer")}
        </a>
      )}
      {listing.nextCursor && (
        <a href={href(listing.nextCursor)} rel="next" className={LINK}>
          {queue ? t("queueNext") : t("listOlder")}
        </a>
      )}
    </nav>
  );
  if (listing.items.length === 0)
    return (
      <>
        <p className="mt-6 text-slate-700">{t("empty")}</p>
        {!onFirstPage && pages}
      </>
    );
  const count = listing.totalCapped ? t("countCapped", { total: listing.total }) : t("count", { total: listing.total });
  return (
    <div className="mt-6 overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("caption", { count })}</caption>
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
      <p className="mt-3 text-sm text-slate-600">
        {listing.page === null || listing.totalCapped ? count : `${count} — ${t("pageOf", { page: listing.page, pageCount: listing.pageCount })}`}
      </p>
      {(listing.previousCursor || listing.nextCursor || !onFirstPage) && pages}
    </div>
  );
}
