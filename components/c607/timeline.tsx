import type { RequestDetail } from "@/lib/c607/requests";
import { STATUS_LABELS } from "@/lib/c607/requests/transitions";

import { frDateTime } from "./status-badge";

const KIND_LABELS: Record<string, string> = {
  created: "Création",
  updated: "Modification",
  attachment_added: "Pièce jointe",
  attachment_removed: "Pièce jointe retirée",
  sent: "Envoi à l'ONEM",
  taken: "Prise en traitement",
  complement_requested: "Complément demandé",
  derogation_accepted: "Dérogation acceptée",
  derogation_refused: "Dérogation refusée",
  calculated: "Calcul proposé",
  answered: "Réponse de l'ONEM",
  copied: "Copie modifiable",
};

/** Every change with who and when, as written in the audit trail in the same transaction. */
export function Timeline({ events }: { events: RequestDetail["timeline"] }) {
  return (
    <ol className="mt-3 space-y-3 border-l-2 border-slate-300 pl-4" data-testid="historique">
      {events.map((e) => (
        <li key={e.id}>
          <p className="text-sm font-semibold text-slate-900">
            {KIND_LABELS[e.kind] ?? e.kind}
            {e.toStatus && e.fromStatus !== e.toStatus && <span className="font-normal text-slate-700"> → {STATUS_LABELS[e.toStatus]}</span>}
          </p>
          <p className="text-xs text-slate-600">
            <time dateTime={e.at}>{frDateTime(e.at)}</time> — {e.actor ? `${e.actor.name} (${e.actor.organisation})` : "système"}
          </p>
          {e.note && <p className="mt-1 text-sm text-slate-800">{e.note}</p>}
        </li>
      ))}
    </ol>
  );
}
