import { useTranslations } from "next-intl";

import type { CentreMatch, CentreSearch } from "@/lib/c607/requests/find-centre";
import type { TQueueFilter } from "@/lib/c607/requests/schemas";
import { formatBce } from "@/lib/validation/bce";

const SELECT = "mt-1 block rounded border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900";
const LINK = "font-medium text-brand-700 underline underline-offset-4";
const STATUSES = ["SENT", "IN_PROGRESS", "COMPLEMENT_REQUESTED", "CALCULATED", "REFUSED"] as const;

export type CentreFilterState = {
  /** What the input shows: the text typed, or the name of the centre filtered on. */
  text: string;
  /** The centre the queue is filtered on (`entityId`), "unknown" for an id that is no CPAS. */
  filteredOn: CentreMatch | "unknown" | null;
  /** A typed text that did not name exactly one centre (the queue is then not filtered by centre); an "invalid" message already in the reader's language. */
  search: Exclude<CentreSearch, { kind: "one" }> | null;
  /** The queue with the other filters, filtered on this centre (candidates) or on none (remove). */
  hrefFor: (entityId: string | null) => string;
};

/**
 * A plain GET form: filters live in the address, so a filtered queue can be bookmarked. The centre
 * is typed (`centre`, name or enterprise number); the page turns it into the `entityId` filter.
 */
export function QueueFilters({ filter, centre }: { filter: TQueueFilter; centre: CentreFilterState }) {
  const t = useTranslations("c607");
  const search = centre.search;
  return (
    <>
      <form method="get" className="mt-4 flex flex-wrap items-start gap-4" aria-label={t("filters.label")}>
        <div>
          <label htmlFor="filtre-statut" className="block text-sm font-medium text-slate-800">
            {t("filters.status")}
          </label>
          <select id="filtre-statut" name="status" defaultValue={filter.status ?? ""} className={SELECT}>
            <option value="">{t("filters.allStatuses")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filtre-cpas" className="block text-sm font-medium text-slate-800">
            {t("filters.centre")}
          </label>
          <input
            id="filtre-cpas"
            name="centre"
            type="search"
            defaultValue={centre.text}
            maxLength={100}
            autoComplete="off"
            aria-describedby="filtre-cpas-aide"
            className={`${SELECT} w-80 max-w-full`}
          />
          <p id="filtre-cpas-aide" className="mt-1 max-w-80 text-xs text-slate-600">
            {t("filters.centreHint")}
          </p>
        </div>
        <div>
          <label htmlFor="filtre-echeance" className="block text-sm font-medium text-slate-800">
            {t("filters.deadline")}
          </label>
          <select id="filtre-echeance" name="deadline" defaultValue={filter.deadline ?? ""} className={SELECT}>
            <option value="">{t("filters.allDeadlines")}</option>
            <option value="OVERDUE">{t("filters.overdue")}</option>
            <option value="TODAY">{t("filters.today")}</option>
            <option value="WEEK">{t("filters.week")}</option>
          </select>
        </div>
        <button type="submit" className="mt-6 rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
          {t("filters.submit")}
        </button>
      </form>
      {centre.filteredOn && (
        <p className="mt-3 text-sm text-slate-800" data-testid="filtre-cpas-actif">
          {centre.filteredOn === "unknown"
            ? t("filters.filteredOnUnknown")
            : t("filters.filteredOn", { name: centre.filteredOn.name, bce: formatBce(centre.filteredOn.bceNumber) })}{" "}
          <a href={centre.hrefFor(null)} className={LINK}>
            {t("filters.removeCentre")}
          </a>
        </p>
      )}
      {search && (
        <div role="status" className="mt-3 max-w-3xl rounded border border-amber-300 bg-amber-50 p-3 text-sm text-slate-900" data-testid="filtre-cpas-message">
          <p>
            {search.kind === "several"
              ? t("filters.centreSeveral", { text: centre.text })
              : search.kind === "none"
                ? t("filters.centreNone", { text: centre.text })
                : search.kind === "notSending"
                  ? t("filters.centreNotSending", { name: search.centre.name, bce: formatBce(search.centre.bceNumber) })
                  : t("filters.centreInvalid", { reason: search.message })}
          </p>
          {search.kind === "several" && (
            <>
              <ul aria-label={t("filters.candidates")} className="mt-2 list-disc pl-5">
                {search.candidates.map((c) => (
                  <li key={c.id}>
                    <a href={centre.hrefFor(c.id)} className={LINK}>
                      {c.name}
                    </a>{" "}
                    <span className="text-slate-700">({formatBce(c.bceNumber)})</span>
                  </li>
                ))}
              </ul>
              {search.more && <p className="mt-2">{t("filters.centreMore")}</p>}
            </>
          )}
        </div>
      )}
    </>
  );
}
