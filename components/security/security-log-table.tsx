import { getLocale, getTranslations } from "next-intl/server";

import { TableHead } from "@/components/ui/table-head";
import { localeOfTag } from "@/lib/i18n/request-locale";
import { formatBrusselsTime } from "@/lib/security-log/filters";
import type { SecurityLogRow } from "@/lib/security-log/present-events";

export async function SecurityLogTable({ rows }: { rows: SecurityLogRow[] }) {
  const [t, locale] = await Promise.all([getTranslations("securityLog.page"), getLocale().then(localeOfTag)]);
  if (rows.length === 0) return <p role="status">{t("empty")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full bg-white text-left text-sm" data-testid="journal-securite">
        <caption className="sr-only">{t("caption")}</caption>
        <TableHead columns={[t("colDate"), t("colEvent"), t("colActor"), t("colTarget"), t("colDetails"), t("colIp")]} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-100 align-top" data-testid="evenement">
              <td className="py-1.5 pr-2 whitespace-nowrap">{formatBrusselsTime(r.occurredAt, locale)}</td>
              <td className="pr-2">{r.label}</td>
              <td className="pr-2">
                {r.actorName}
                {r.actorEmail && <span className="block text-xs text-slate-600">{r.actorEmail}</span>}
              </td>
              <td className="pr-2">{r.target}</td>
              <td className="max-w-xs pr-2 break-words text-xs">{r.change || "—"}</td>
              <td className="font-mono text-xs">{r.ip ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
