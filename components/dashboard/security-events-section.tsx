import { TableHead } from "@/components/ui/table-head";
import type { Dashboard } from "@/lib/dashboard/get-dashboard";
import { actionLabel } from "@/lib/security-log/event-types";

import { Section } from "./section";

const timeFr = new Intl.DateTimeFormat("fr-BE", { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Brussels" });

export function SecurityEventsSection({ events }: { events: NonNullable<Dashboard["securityEvents"]> }) {
  return (
    <Section id="securite" title="Événements de sécurité récents">
      <table className="w-full text-left">
        <caption className="sr-only">Vingt derniers événements de sécurité du centre</caption>
        <TableHead columns={["Date", "Événement", "Personne", "Adresse"]} />
        <tbody>
          {events.map((e) => (
            <tr key={e.id} className="border-b border-slate-100">
              <td className="py-1">{timeFr.format(e.occurredAt)}</td>
              <td>{actionLabel(e.action)}</td>
              <td>{e.actorName}</td>
              <td className="font-mono text-xs">{e.ip ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {events.length === 0 && <p>Aucun événement.</p>}
      <p className="mt-3">
        <a href="/securite" className="text-brand-700 underline">
          Consulter le journal de sécurité complet
        </a>
      </p>
    </Section>
  );
}
