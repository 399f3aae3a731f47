import type { ReactNode } from "react";

import { QUALITY_LABELS, ROLE_LABELS } from "@/lib/access/catalogue";
import type { QualityType, RoleKind } from "@/lib/generated/prisma/enums";
import { actionLabel } from "@/lib/security-log/event-types";

// Pieces shared by a person's page in access management and « Mon compte »: the same words for
// the same things (roles, rights, events), in Brussels time.

export const dateTimeFr = new Intl.DateTimeFormat("fr-BE", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Brussels" });
const dateFr = new Intl.DateTimeFormat("fr-BE", { dateStyle: "medium", timeZone: "Europe/Brussels" });

export function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <div className="mt-2 text-sm">{children}</div>
    </section>
  );
}

type Role = { id: string; role: RoleKind; isBlocked: boolean; quality: { type: QualityType } | null; subdivision: { name: string } | null };
type Grant = { id: string; grantedAt: Date; validUntil: Date | null; right: { name: string }; quality: { type: QualityType } };

export function RolesList({ roles }: { roles: Role[] }) {
  return (
    <ul className="list-disc pl-5">
      {roles.map((r) => (
        <li key={r.id}>
          {ROLE_LABELS[r.role]}
          {r.quality ? ` — ${QUALITY_LABELS[r.quality.type]}` : ""}
          {r.subdivision ? ` (subdivision ${r.subdivision.name})` : ""}
          {r.isBlocked ? " — bloqué" : ""}
        </li>
      ))}
    </ul>
  );
}

export function GrantsList({ grants }: { grants: Grant[] }) {
  return (
    <ul className="list-disc pl-5">
      {grants.map((g) => (
        <li key={g.id}>
          {g.right.name} — qualité {QUALITY_LABELS[g.quality.type]}, attribué le {dateFr.format(g.grantedAt)}
          {g.validUntil ? `, jusqu'au ${dateFr.format(g.validUntil)}` : ""}
        </li>
      ))}
    </ul>
  );
}

/** Audit events in words: when (Brussels time), what, and one more column (who, or from where). */
export function EventsTable({
  caption,
  lastColumn,
  events,
}: {
  caption: string;
  lastColumn: string;
  events: { id: string; occurredAt: Date; action: string; last: string }[];
}) {
  return (
    <table className="w-full text-left">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-200">
          <th scope="col" className="py-1">
            Date (heure de Bruxelles)
          </th>
          <th scope="col">Événement</th>
          <th scope="col">{lastColumn}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.id} className="border-b border-slate-100">
            <td className="py-1">{dateTimeFr.format(e.occurredAt)}</td>
            <td>{actionLabel(e.action)}</td>
            <td>{e.last}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
