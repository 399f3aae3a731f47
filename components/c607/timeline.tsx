import { useLocale, useTranslations } from "next-intl";

import { localize } from "@/lib/i18n/translator";
import type { RequestDetail } from "@/lib/c607/requests";
import { localeOfTag } from "@/lib/i18n/request-locale";

import { useDateTime } from "./status-badge";

const ARROW = "→";

/** Every change with who and when, as written in the audit trail in the same transaction. */
export function Timeline({ events }: { events: RequestDetail["timeline"] }) {
  const t = useTranslations("c607");
  const locale = localeOfTag(useLocale());
  const dateTime = useDateTime();
  return (
    <ol className="mt-3 space-y-3 border-l-2 border-slate-300 pl-4" data-testid="historique">
      {events.map((e) => (
        <li key={e.id}>
          <p className="text-sm font-semibold text-slate-900">
            {t.has(`timeline.${e.kind}` as "timeline.created") ? t(`timeline.${e.kind}` as "timeline.created") : e.kind}
            {e.toStatus && e.fromStatus !== e.toStatus && <span className="font-normal text-slate-700"> {`${ARROW} ${t(`status.${e.toStatus}`)}`}</span>}
          </p>
          <p className="text-xs text-slate-600">
            <time dateTime={e.at}>{dateTime(e.at)}</time> — {e.actor ? `${e.actor.name} (${e.actor.organisation})` : t("timeline.system")}
          </p>
          {e.note && <p className="mt-1 text-sm text-slate-800">{localize(locale, e.note)}</p>}
        </li>
      ))}
    </ol>
  );
}
