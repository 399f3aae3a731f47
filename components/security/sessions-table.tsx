import { getFormatter, getLocale, getTranslations } from "next-intl/server";

import { TableHead } from "@/components/ui/table-head";
import { ActionForm } from "@/components/ui/action-form";
import type { ActionState } from "@/lib/http/server-action";
import { localeOfTag } from "@/lib/i18n/request-locale";
import { localize } from "@/lib/i18n/translator";
import type { MySession } from "@/lib/sessions/list-my-sessions";

export async function SessionsTable({
  sessions,
  endAction,
}: {
  sessions: MySession[];
  endAction: (state: ActionState<unknown>, form: FormData) => Promise<ActionState<unknown>>;
}) {
  const [t, format, locale] = await Promise.all([getTranslations("securityLog.sessionsTable"), getFormatter(), getLocale().then(localeOfTag)]);
  const device = (s: MySession) => localize(locale, s.device);
  const time = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });
  return (
    <table className="w-full bg-white text-left text-sm" data-testid="mes-sessions">
      <caption className="sr-only">{t("caption")}</caption>
      <TableHead columns={[t("colDevice"), t("colIp"), t("colStart"), t("colLastSeen"), t("colAction")]} />
      <tbody>
        {sessions.map((s) => (
          <tr key={s.handle} className="border-b border-slate-100 align-top" data-testid="session">
            <td className="py-2">
              {device(s)}
              {s.isCurrent && <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-800">{t("current")}</span>}
            </td>
            <td className="font-mono text-xs">{s.ip ?? "—"}</td>
            <td>{time(s.startedAt)}</td>
            <td>{time(s.lastSeenAt)}</td>
            <td>
              {s.isCurrent ? (
                <span className="text-xs text-slate-700">{t("useSignOut")}</span>
              ) : (
                <ActionForm action={endAction} submitLabel={t("end")} variant="danger" label={t("endLabel", { device: device(s) })}>
                  <input type="hidden" name="session" value={s.handle} />
                </ActionForm>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
