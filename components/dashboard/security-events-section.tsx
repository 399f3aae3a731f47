import { useFormatter, useLocale, useTranslations } from "next-intl";

import { TableHead } from "@/components/ui/table-head";
import type { Dashboard } from "@/lib/dashboard/get-dashboard";
import { localeOfTag } from "@/lib/i18n/request-locale";
import { actionLabel } from "@/lib/security-log/event-types";

import { Section } from "./section";

export function SecurityEventsSection({ events }: { events: NonNullable<Dashboard["securityEvents"]> }) {
  const t = useTranslations("dashboard.security");
  const format = useFormatter();
  const locale = localeOfTag(useLocale());
  return (
    <Section id="securite" title={t("title")}>
      <table className="w-full text-left">
        <caption className="sr-only">{t("caption")}</caption>
        <TableHead columns={[t("colDate"), t("colEvent"), t("colPerson"), t("colAddress")]} />
        <tbody>
          {events.map((e) => (
            <tr key={e.id} className="border-b border-slate-100">
              <td className="py-1">{format.dateTime(e.occurredAt, { dateStyle: "short", timeStyle: "medium" })}</td>
              <td>{actionLabel(e.action, locale)}</td>
              <td>{e.actorName}</td>
              <td className="font-mono text-xs">{e.ip ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {events.length === 0 && <p>{t("none")}</p>}
      <p className="mt-3">
        <a href="/securite" className="text-brand-700 underline">
          {t("open")}
        </a>
      </p>
    </Section>
  );
}
