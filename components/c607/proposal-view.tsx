import { useLocale, useTranslations } from "next-intl";

import { localize } from "@/lib/i18n/translator";
import type { RequestDetail } from "@/lib/c607/requests";
import { localeOfTag } from "@/lib/i18n/request-locale";

import { frDate } from "./status-badge";

/** The engine's proposal, step by step, and ONEM's answer; shown to the CPAS and to ONEM, each in their language. */
export function ProposalView({ proposal, answer }: { proposal: RequestDetail["proposal"]; answer: RequestDetail["answer"] }) {
  const t = useTranslations("c607.proposal");
  const locale = localeOfTag(useLocale());
  const text = (s: string) => localize(locale, s);
  return (
    <div className="space-y-4">
      {answer && (
        <div className="rounded border border-green-300 bg-green-50 p-4" data-testid="reponse-onem">
          <p className="font-semibold text-green-950">
            {answer.endDate ? t("answerWithEnd", { days: answer.days, endDate: frDate(answer.endDate) }) : t("answerMet", { days: answer.days })}
          </p>
          {answer.reason ? (
            <p className="mt-1 text-sm text-green-950">{t("corrected", { reason: answer.reason })}</p>
          ) : (
            <p className="mt-1 text-sm text-green-950">{t("validated")}</p>
          )}
        </div>
      )}
      {proposal && (
        <div data-testid="proposition">
          <p className="text-sm text-slate-800">
            {t.rich("summary", {
              days: proposal.result.missingDays,
              met: String(proposal.result.missingDays === 0),
              hasEnd: String(proposal.result.proposedEndDate !== null),
              endDate: frDate(proposal.result.proposedEndDate),
              rulesetId: proposal.result.rulesetId,
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </p>
          <ol className="mt-3 list-decimal space-y-2 pl-6 text-sm text-slate-800" aria-label={t("steps")}>
            {proposal.result.steps.map((s, i) => (
              <li key={i}>
                <span className="font-medium">{text(s.label)}</span> — {text(s.detail)}
              </li>
            ))}
          </ol>
          {proposal.result.warnings.length > 0 && (
            <ul className="mt-3 list-disc space-y-1 pl-6 text-sm text-orange-900" aria-label={t("warnings")}>
              {proposal.result.warnings.map((w, i) => (
                <li key={i}>{text(w)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
