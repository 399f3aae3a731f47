import { useLocale, useTranslations } from "next-intl";

import { anomalyClassLabel, outcomeLabel } from "@/lib/batch/deposit-status";
import { localeOfTag } from "@/lib/i18n/request-locale";
import { localize } from "@/lib/i18n/translator";

type Ack = { id: string; fileName: string; kind: string; outcome: string; details: unknown; signatureNote: string | null };
type Detail = { code?: string; label?: string | null; errorId?: string; anomalyClass?: string | null; problem?: string };

/**
 * What each acknowledgement of a deposit says: outcome, ACRF codes, NOTI anomalies, or why it could
 * not be read. Labels, problems and the signature's note are stored as catalogue references (older
 * rows: French text, shown as it is) and read in the reader's language.
 */
export function DepositAcknowledgements({ acknowledgements }: { acknowledgements: Ack[] }) {
  const t = useTranslations("batch.acks");
  const locale = localeOfTag(useLocale());
  if (acknowledgements.length === 0) return null;
  return (
    <ul className="mt-1 space-y-1 text-xs" data-testid="accuses-depot">
      {acknowledgements.map((a) => (
        <li key={a.id}>
          <span className="font-mono">{a.fileName}</span> —{" "}
          {t("line", { kind: a.kind === "ACRF" ? t("kindAcrf") : t("kindNoti"), outcome: outcomeLabel(a.outcome, locale) })}
          {a.signatureNote && (
            <span className="block text-slate-600" data-testid="signature-accuse">
              {localize(locale, a.signatureNote)}
            </span>
          )}
          <ul className="ml-4 list-disc">
            {(Array.isArray(a.details) ? (a.details as Detail[]) : []).map((d, i) => (
              <li key={i}>
                {(d.problem && localize(locale, d.problem)) ??
                  (d.code !== undefined
                    ? t("acrfDetail", { code: d.code, label: localize(locale, d.label ?? "") })
                    : t(d.label ? "anomalyWithLabel" : "anomaly", {
                        id: d.errorId ?? "?",
                        class: anomalyClassLabel(d.anomalyClass ?? null, locale),
                        label: d.label ?? "",
                      }))}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
