import { TableHead } from "@/components/ui/table-head";
import { ActionForm } from "@/components/ui/action-form";
import type { ActionState } from "@/lib/http/server-action";
import type { MySession } from "@/lib/sessions/list-my-sessions";

const timeFr = new Intl.DateTimeFormat("fr-BE", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Brussels" });

export function SessionsTable({
  sessions,
  endAction,
}: {
  sessions: MySession[];
  endAction: (state: ActionState<unknown>, form: FormData) => Promise<ActionState<unknown>>;
}) {
  return (
    <table className="w-full bg-white text-left text-sm" data-testid="mes-sessions">
      <caption className="sr-only">Vos sessions actives</caption>
      <TableHead columns={["Appareil", "Adresse IP", "Début", "Dernière activité", "Action"]} />
      <tbody>
        {sessions.map((s) => (
          <tr key={s.handle} className="border-b border-slate-100 align-top" data-testid="session">
            <td className="py-2">
              {s.device}
              {s.isCurrent && <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-800">cette session</span>}
            </td>
            <td className="font-mono text-xs">{s.ip ?? "—"}</td>
            <td>{timeFr.format(s.startedAt)}</td>
            <td>{timeFr.format(s.lastSeenAt)}</td>
            <td>
              {s.isCurrent ? (
                <span className="text-xs text-slate-700">Utilisez « Se déconnecter »</span>
              ) : (
                <ActionForm action={endAction} submitLabel="Fermer cette session" variant="danger" label={`Fermer la session ${s.device}`}>
                  <input type="hidden" name="session" value={s.handle} />
                </ActionForm>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
