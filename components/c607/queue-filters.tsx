import { useTranslations } from "next-intl";

import type { TQueueFilter } from "@/lib/c607/requests/schemas";

const SELECT = "mt-1 block rounded border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900";
const STATUSES = ["SENT", "IN_PROGRESS", "COMPLEMENT_REQUESTED", "CALCULATED", "REFUSED"] as const;

/** A plain GET form: filters live in the address, so a filtered queue can be bookmarked. */
export function QueueFilters({ filter, centres }: { filter: TQueueFilter; centres: { id: string; name: string }[] }) {
  const t = useTranslations("c607");
  return (
    <form method="get" className="mt-4 flex flex-wrap items-end gap-4" aria-label={t("filters.label")}>
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
        <select id="filtre-cpas" name="entityId" defaultValue={filter.entityId ?? ""} className={SELECT}>
          <option value="">{t("filters.allCentres")}</option>
          {centres.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
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
      <button type="submit" className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
        {t("filters.submit")}
      </button>
    </form>
  );
}
