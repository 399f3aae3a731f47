import type { ReactNode } from "react";

import type { PersonPage } from "@/lib/access/manage/load-person-page";

import { dateTimeFr as dateTime, EventsTable, GrantsList, Panel as Section, RolesList } from "./person-panels";

const STATUS = { ACTIVE: "actif", BLOCKED: "bloqué", INVITED: "invité (compte pas encore activé)" } as const;

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
        {data.roles.length === 0 ? <p>Aucun rôle de gestion.</p> : <RolesList roles={data.roles} />}
      </Section>
      <Section id="personne-droits" title="Droits d'accès aux applications">
        {data.grants.length === 0 ? <p>Aucun droit en cours.</p> : <GrantsList grants={data.grants} />}
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
          <EventsTable
            caption="Derniers événements concernant cette personne (heure de Bruxelles)"
            lastColumn="Par"
            events={data.history.map((e) => ({ ...e, last: e.by }))}
          />
        )}
      </Section>
    </div>
  );
}
