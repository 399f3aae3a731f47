import { anomalyClassLabel, OUTCOME_LABELS } from "@/lib/batch/deposit-status";

type Ack = { id: string; fileName: string; kind: string; outcome: string; details: unknown; signatureNote: string | null };
type Detail = { code?: string; label?: string | null; errorId?: string; anomalyClass?: string | null; problem?: string };

/** What each acknowledgement of a deposit says: outcome, ACRF codes, NOTI anomalies, or why it could not be read. */
export function DepositAcknowledgements({ acknowledgements }: { acknowledgements: Ack[] }) {
  if (acknowledgements.length === 0) return null;
  return (
    <ul className="mt-1 space-y-1 text-xs" data-testid="accuses-depot">
      {acknowledgements.map((a) => (
        <li key={a.id}>
          <span className="font-mono">{a.fileName}</span> — {a.kind === "ACRF" ? "accusé de réception" : "notification"} :{" "}
          {OUTCOME_LABELS[a.outcome] ?? a.outcome}
          {a.signatureNote && <span className="block text-slate-600">{a.signatureNote}</span>}
          <ul className="ml-4 list-disc">
            {(Array.isArray(a.details) ? (a.details as Detail[]) : []).map((d, i) => (
              <li key={i}>
                {d.problem ??
                  (d.code !== undefined
                    ? `ACRF ${d.code} : ${d.label ?? ""}`
                    : `Anomalie ${d.errorId ?? "?"}, classe ${anomalyClassLabel(d.anomalyClass ?? null)}${d.label ? ` : ${d.label}` : ""}`)}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
