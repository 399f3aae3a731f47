import { getLocale, getTranslations } from "next-intl/server";

import { localeOfTag } from "@/lib/i18n/request-locale";
import { EVENT_GROUP_CODES, groupLabel } from "@/lib/security-log/event-types";

type Values = { q?: string; du?: string; au?: string; type?: string };

/** A plain GET form: the filters live in the URL, so a search can be bookmarked and exported. */
export async function SecurityLogFiltersForm({ values }: { values: Values }) {
  const [t, locale] = await Promise.all([getTranslations("securityLog.page"), getLocale().then(localeOfTag)]);
  const input = "mt-1 rounded border border-slate-400 bg-white px-2 py-1.5";
  return (
    <form role="search" aria-label={t("filterLabel")} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <label className="flex flex-col text-sm">
        <span className="font-medium">{t("person")}</span>
        <input name="q" defaultValue={values.q} maxLength={100} className={`${input} w-64`} />
      </label>
      <label className="flex flex-col text-sm">
        <span className="font-medium">{t("from")}</span>
        <input type="date" name="du" defaultValue={values.du} className={input} />
      </label>
      <label className="flex flex-col text-sm">
        <span className="font-medium">{t("to")}</span>
        <input type="date" name="au" defaultValue={values.au} className={input} />
      </label>
      <label className="flex flex-col text-sm">
        <span className="font-medium">{t("eventType")}</span>
        <select name="type" defaultValue={values.type ?? ""} className={input}>
          <option value="">{t("allEvents")}</option>
          {EVENT_GROUP_CODES.map((code) => (
            <option key={code} value={code}>
              {groupLabel(code, locale)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800">
        {t("search")}
      </button>
      <a href="/securite" className="px-1 py-1.5 text-sm text-brand-700 underline">
        {t("clear")}
      </a>
    </form>
  );
}
