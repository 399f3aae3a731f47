import { ACCESS_RIGHTS, QUALITY_LABELS } from "@/lib/access/catalogue";
import type { Dashboard } from "@/lib/dashboard/get-dashboard";

import { Figure, Section } from "./section";

const RIGHT_NAMES = new Map<string, string>(ACCESS_RIGHTS.map((r) => [r.code, r.name]));
const dateFr = new Intl.DateTimeFormat("fr-BE", { dateStyle: "medium", timeZone: "Europe/Brussels" });

export function ManagedQualitySection({ quality }: { quality: Dashboard["managed"][number] }) {
  const label = QUALITY_LABELS[quality.type];
  const total = quality.rightCounts.reduce((n, r) => n + r.count, 0);
  return (
    <Section id={`gestion-${quality.type.toLowerCase()}`} title={`Utilisateurs et droits — ${label}`}>
      <dl className="grid gap-3 sm:grid-cols-2">
        <Figure label="Droits actifs" value={total} />
        <Figure label="Droits expirant dans 30 jours" value={quality.expiringSoon} tone={quality.expiringSoon ? "warn" : "neutral"} />
      </dl>
      {quality.openReview && (
        <p
          className={`mt-3 rounded border p-2 ${quality.openReview.deadline < new Date() ? "border-red-300 bg-red-50 text-red-900" : "border-amber-300 bg-amber-50"}`}
        >
          Revue des accès en cours : {quality.openReview._count.items} droit(s) à décider avant le {dateFr.format(quality.openReview.deadline)}
          {quality.openReview.deadline < new Date() ? " — échéance dépassée" : ""}.
        </p>
      )}
      <p className="mt-3">
        Adresse e-mail de la qualité : {quality.email ?? "non renseignée"} —{" "}
        <a href={`/gestion/qualites/${quality.id}`} className="text-brand-700 underline">
          gérer les utilisateurs et les droits
        </a>
      </p>
      <h3 className="mt-4 font-medium">Droits par application</h3>
      <ul className="mt-1 list-disc pl-5">
        {quality.rightCounts.map((r) => (
          <li key={r.rightCode}>
            {RIGHT_NAMES.get(r.rightCode) ?? r.rightCode} : {r.count}
          </li>
        ))}
        {quality.rightCounts.length === 0 && <li>Aucun droit attribué.</li>}
      </ul>
      <h3 className="mt-4 font-medium">Dernières attributions</h3>
      <ul className="mt-1 list-disc pl-5">
        {quality.recentGrants.map((g) => (
          <li key={g.id}>
            {g.person.firstName} {g.person.lastName} — {g.right.name}, attribué le {dateFr.format(g.grantedAt)}
            {g.validUntil ? `, jusqu'au ${dateFr.format(g.validUntil)}` : ""}
          </li>
        ))}
      </ul>
      <p className="mt-4">
        Utilisateur technique :{" "}
        {quality.technicalUser ? `${quality.technicalUser.firstName} ${quality.technicalUser.lastName} (${quality.technicalUser.email})` : "non désigné"}
      </p>
    </Section>
  );
}
