// The status of a deposit, read from its acknowledgements (issue 14; DOMAIN.md: a positive ACRF
// means "will be processed", not "accepted"; the NOTI says accepted or refused with anomalies).

export type AckView = { kind: string; outcome: string; createdAt: Date };

export const OUTCOME_LABELS: Record<string, string> = {
  RECEIVED: "reçu (accusé de réception positif : sera traité)",
  REFUSED_AT_RECEPTION: "refusé à la réception",
  ACCEPTED: "accepté",
  REFUSED: "refusé (anomalies bloquantes)",
  MALFORMED: "accusé illisible (XML mal formé ou inattendu)",
  HOSTILE: "accusé suspect non interprété (DOCTYPE ou entités)",
};

const CLASS_LABELS: Record<string, string> = { B: "bloquante", W: "avertissement", I: "information" };
export const anomalyClassLabel = (c: string | null) => (c ? `${c}${CLASS_LABELS[c] ? ` (${CLASS_LABELS[c]})` : ""}` : "classe non indiquée");

export function depositStatus(deposit: { status: string; error: string | null }, acks: AckView[]): string {
  if (deposit.status !== "DEPOSITED") return `échec : ${deposit.error ?? ""}`;
  const latest = (kind: string) => acks.filter((a) => a.kind === kind).sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime())[0];
  const last = latest("NOTI") ?? latest("ACRF");
  return last ? (OUTCOME_LABELS[last.outcome] ?? last.outcome) : "déposé, en attente de l'accusé de réception";
}
