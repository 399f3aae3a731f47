import { useFormatter, useTranslations } from "next-intl";

import type { C607StatusCode } from "@/lib/c607/requests/transitions";

const TONES: Record<C607StatusCode, string> = {
  DRAFT: "bg-slate-100 text-slate-800 border-slate-300",
  SENT: "bg-blue-50 text-blue-900 border-blue-300",
  IN_PROGRESS: "bg-amber-50 text-amber-900 border-amber-300",
  COMPLEMENT_REQUESTED: "bg-orange-50 text-orange-900 border-orange-300",
  CALCULATED: "bg-green-50 text-green-900 border-green-300",
  REFUSED: "bg-red-50 text-red-900 border-red-300",
};

export function StatusBadge({ status }: { status: C607StatusCode }) {
  const t = useTranslations("c607.status");
  return (
    <span className={`inline-block rounded border px-2 py-0.5 text-xs font-medium ${TONES[status]}`} data-testid="statut">
      {t(status)}
    </span>
  );
}

export function UrgencyBadge({ urgency }: { urgency: "OVERDUE" | "TODAY" | null }) {
  const t = useTranslations("c607.urgency");
  if (!urgency) return null;
  return urgency === "OVERDUE" ? (
    <span className="ml-2 inline-block rounded bg-red-700 px-2 py-0.5 text-xs font-semibold text-white">{t("overdue")}</span>
  ) : (
    <span className="ml-2 inline-block rounded bg-amber-500 px-2 py-0.5 text-xs font-semibold text-slate-950">{t("today")}</span>
  );
}

/** A calendar date (AAAA-MM-JJ) as DD/MM/YYYY: the same order and separators in fr-BE and nl-BE. */
export const frDate = (iso: string | null) => (iso ? iso.slice(0, 10).split("-").reverse().join("/") : "—");

/** A moment in Belgian time, in the reader's language (next-intl's named format « dateTime »). */
export function useDateTime() {
  const format = useFormatter();
  return (iso: string) => format.dateTime(new Date(iso), "dateTime");
}
