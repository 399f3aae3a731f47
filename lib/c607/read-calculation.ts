import type { Locale } from "@/lib/i18n/locales";
import { localize } from "@/lib/i18n/translator";

import type { DaysToWorkResult } from "./types";

/**
 * The texts of a calculation as a reader sees them: steps, warnings and each period's reason in
 * `locale` (they are catalogue references since issue 13; a proposal stored before is French text
 * and stays as it is). For tests and for documents that need plain text; the page localizes each
 * text itself (components/c607/proposal-view.tsx).
 */
export function readCalculation(locale: Locale, result: Pick<DaysToWorkResult, "steps" | "warnings" | "countedDays">) {
  const text = (s: string) => localize(locale, s);
  return {
    steps: result.steps.map((s) => ({ label: text(s.label), detail: text(s.detail) })),
    warnings: result.warnings.map(text),
    reasons: result.countedDays.periods.map((p) => text(p.reason)),
  };
}

/**
 * A stored proposal as the JSON API answers it: the same fields, the texts (steps, warnings, each
 * period's reason) said in the caller's language rather than as catalogue references — API clients
 * read text, as before issue 13. Machine fields (ids, dates, figures, statuses) are unchanged.
 */
export function readableProposal<P extends { result: DaysToWorkResult }>(locale: Locale, proposal: P | null): P | null {
  if (!proposal) return null;
  const { result } = proposal;
  const text = readCalculation(locale, result);
  return {
    ...proposal,
    result: {
      ...result,
      steps: text.steps,
      warnings: text.warnings,
      countedDays: { ...result.countedDays, periods: result.countedDays.periods.map((p, i) => ({ ...p, reason: text.reasons[i]! })) },
    },
  };
}
