import type { ReactNode } from "react";

import { QUALITY_LABELS, ROLE_LABELS } from "@/lib/access/catalogue";
import type { PersonPage } from "@/lib/access/manage/load-person-page";
import { actionLabel } from "@/lib/security-log/event-types";

const dateTime = new Intl.DateTimeFormat("fr-BE", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Brussels" });
const date = new Intl.DateTimeFormat("fr-BE", { dateStyle: "medium", timeZone: "Europe/Brussels" });
const STATUS = { ACTIVE: "actif", BLOCKED: "bloqué", INVITED: "invité (compte pas encore activé)" } as const;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <div className="mt-2 text-sm">{children}</div>
    </section>
  );
}

/**
 * A person as access management sees them (issue 11): roles, rights, sessions and history.
 * `actions` holds what the viewer may do on this person (block, reset the second factor…): the
 * page decides what to show, every action checks again on the server.
 */
export function PersonDetail({ data, actions }: { data: PersonPage; actions?: ReactNode }) {
  const { person } = data;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">
          {person.firstName} {person.lastName}
        </h1>
        <p className="mt-1 text-sm text-slate-700">
          {person.email} — {STATUS[person.status]}
          {person.subdivision ? ` — subdivision ${person.subdivision.name}` : ""}
        </p>
        {actions && <div className="mt-3 flex flex-wrap items-end gap-3">{actions}</div>}
      </div>
      <Section id="personne-roles" title="Rôles">
        {data.roles.length === 0 ? (
          <p>Aucun rôle de gestion.</p>
        ) : (
          <ul className="list-disc pl-5">
            {data.roles.map((r) => (
              <li key={r.id}>
                {ROLE_LABELS[r.role]}
                {r.quality ? ` — ${QUALITY_LABELS[r.quality.type]}` : ""}
                {r.subdivision ? ` (subdivision ${r.subdivision.name})` : ""}
                {r.isBlocked ? " — bloqué" : ""}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="personne-droits" title="Droits d'accès aux applications">
        {data.grants.length === 0 ? (
          <p>Aucun droit en cours.</p>
        ) : (
          <ul className="list-disc pl-5">
            {data.grants.map((g) => (
              <li key={g.id}>
                {g.right.name} — qualité {QUALITY_LABELS[g.quality.type]}, attribué le {date.format(g.grantedAt)}
                {g.validUntil ? `, jusqu'au ${date.format(g.validUntil)}` : ""}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="personne-sessions" title="Dernières sessions">
        {data.sessions.length === 0 ? (
          <p>Aucune connexion.</p>
        ) : (
          <ul className="list-disc pl-5">
            {data.sessions.map((s) => (
              <li key={s.id}>
                Ouverte le {dateTime.format(s.createdAt)}, dernière activité le {dateTime.format(s.lastSeenAt)} —{" "}
                {s.isActive
                  ? "en cours"
                  : s.revokedAt
                    ? `fermée le ${dateTime.format(s.revokedAt)}${s.revokedReason ? ` (${s.revokedReason})` : ""}`
                    : "expirée"}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="personne-historique" title="Historique">
        {data.history.length === 0 ? (
          <p>Aucun événement.</p>
        ) : (
          <table className="w-full text-left">
            <caption className="sr-only">Derniers événements concernant cette personne (heure de Bruxelles)</caption>
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-1">
                  Date (heure de Bruxelles)
                </th>
                <th scope="col">Événement</th>
                <th scope="col">Par</th>
              </tr>
            </thead>
            <tbody>
              {data.history.map((e) => (
                <tr key={e.id} className="border-b border-slate-100">
                  <td className="py-1">{dateTime.format(e.occurredAt)}</td>
                  <td>{actionLabel(e.action)}</td>
                  <td>{e.by}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </div>
  );
}
