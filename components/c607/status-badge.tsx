import { type C607StatusCode, STATUS_LABELS } from "@/lib/c607/requests/transitions";

const TONES: Record<C607StatusCode, string> = {
  DRAFT: "bg-slate-100 text-slate-800 border-slate-300",
  SENT: "bg-blue-50 text-blue-900 border-blue-300",
  IN_PROGRESS: "bg-amber-50 text-amber-900 border-amber-300",
  COMPLEMENT_REQUESTED: "bg-orange-50 text-orange-900 border-orange-300",
  CALCULATED: "bg-green-50 text-green-900 border-green-300",
  REFUSED: "bg-red-50 text-red-900 border-red-300",
};

export function StatusBadge({ status }: { status: C607StatusCode }) {
  return (
    <span className={`inline-block rounded border px-2 py-0.5 text-xs font-medium ${TONES[status]}`} data-testid="statut">
      {STATUS_LABELS[status]}
    </span>
  );
}

export function UrgencyBadge({ urgency }: { urgency: "OVERDUE" | "TODAY" | null }) {
  if (!urgency) return null;
  return urgency === "OVERDUE" ? (
    <span className="ml-2 inline-block rounded bg-red-700 px-2 py-0.5 text-xs font-semibold text-white">En retard</span>
  ) : (
    <span className="ml-2 inline-block rounded bg-amber-500 px-2 py-0.5 text-xs font-semibold text-slate-950">Échéance aujourd&apos;hui</span>
  );
}

export const frDate = (iso: string | null) => (iso ? iso.slice(0, 10).split("-").reverse().join("/") : "—");
export const frDateTime = (iso: string) =>
  new Intl.DateTimeFormat("fr-BE", {
    timeZone: "Europe/Brussels",
    dateStyle: "short",
    timeStyle: "short",
  }).format(new Date(iso));
