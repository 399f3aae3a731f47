// The status of a deposit, read from its acknowledgements (issue 14; DOMAIN.md: a positive ACRF
// means "will be processed", not "accepted"; the NOTI says accepted or refused with anomalies).
// The words come from the catalogue (messages/<locale>/batch.json, `batch.status`).

import type { Locale } from "@/lib/i18n/locales";
import { localize, translatorFor } from "@/lib/i18n/translator";

export type AckView = { kind: string; outcome: string; createdAt: Date };

const OUTCOMES = ["RECEIVED", "REFUSED_AT_RECEPTION", "ACCEPTED", "REFUSED", "MALFORMED", "HOSTILE"] as const;
type Outcome = (typeof OUTCOMES)[number];
const isOutcome = (o: string): o is Outcome => (OUTCOMES as readonly string[]).includes(o);

/** The outcome of an acknowledgement in a language; an unknown outcome is shown as it is. */
export function outcomeLabel(outcome: string, locale: Locale = "fr"): string {
  return isOutcome(outcome) ? translatorFor(locale)(`batch.status.${outcome}`) : outcome;
}

const CLASSES = { B: "classB", W: "classW", I: "classI" } as const;
export function anomalyClassLabel(c: string | null, locale: Locale = "fr"): string {
  const t = translatorFor(locale);
  if (!c) return t("batch.status.classNone");
  const key = CLASSES[c as keyof typeof CLASSES];
  return key ? t("batch.status.classWithLabel", { class: c, label: t(`batch.status.${key}`) }) : c;
}

export function depositStatus(deposit: { status: string; error: string | null }, acks: AckView[], locale: Locale = "fr"): string {
  const t = translatorFor(locale);
  // A sending deposited without its GO waits; one whose TD was written is cancelled (issue 14, « TD »).
  if (deposit.status === "HELD") return t("batch.status.HELD");
  if (deposit.status === "CANCELLED") return t("batch.status.CANCELLED");
  if (deposit.status !== "DEPOSITED") return t("batch.status.failed", { error: deposit.error ? localize(locale, deposit.error) : "" });
  const latest = (kind: string) => acks.filter((a) => a.kind === kind).sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime())[0];
  const last = latest("NOTI") ?? latest("ACRF");
  return last ? outcomeLabel(last.outcome, locale) : t("batch.status.waiting");
}
