import { STATUS_LABELS } from "@/lib/c607/requests/transitions";
import type { TQueueFilter } from "@/lib/c607/requests/schemas";

const SELECT = "mt-1 block rounded border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900";
const STATUSES = ["SENT", "IN_PROGRESS", "COMPLEMENT_REQUESTED", "CALCULATED", "REFUSED"] as const;

/** A plain GET form: filters live in the address, so a filtered queue can be bookmarked. */
export function QueueFilters({ filter, centres }: { filter: TQueueFilter; centres: { id: string; name: string }[] }) {
  return (
    <form method="get" className="mt-4 flex flex-wrap items-end gap-4" aria-label="Filtrer la file">
      <div>
        <label htmlFor="filtre-statut" className="block text-sm font-medium text-slate-800">
          Statut
        </label>
        <select id="filtre-statut" name="status" defaultValue={filter.status ?? ""} className={SELECT}>
          <option value="">Tous (hors brouillons)</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filtre-cpas" className="block text-sm font-medium text-slate-800">
          CPAS
        </label>
        <select id="filtre-cpas" name="entityId" defaultValue={filter.entityId ?? ""} className={SELECT}>
          <option value="">Tous les CPAS</option>
          {centres.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filtre-echeance" className="block text-sm font-medium text-slate-800">
          Échéance
        </label>
        <select id="filtre-echeance" name="deadline" defaultValue={filter.deadline ?? ""} className={SELECT}>
          <option value="">Toutes</option>
          <option value="OVERDUE">En retard</option>
          <option value="TODAY">Aujourd&apos;hui</option>
          <option value="WEEK">Dans les 7 jours</option>
        </select>
      </div>
      <button type="submit" className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
        Filtrer
      </button>
    </form>
  );
}
