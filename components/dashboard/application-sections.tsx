import Link from "next/link";

import { APPLICATION_AREAS, rightSlug } from "@/lib/access/application-areas";
import { QUALITY_LABELS, type RightCode } from "@/lib/access/catalogue";
import type { Dashboard } from "@/lib/dashboard/get-dashboard";

import { Section } from "./section";

// Rights whose application area the portal gates (lib/access/application-areas.ts).
const AREA_BY_RIGHT: Record<string, keyof typeof APPLICATION_AREAS> = {
  AGENT_SOCIAL: "agent-social",
  RU_MEMBRE_PERSONNEL: "rapport-unique",
  RU_PRESIDENT: "rapport-unique",
  RU_SECRETAIRE: "rapport-unique",
  CONSEILLER_SECURITE: "journal-securite",
  FILE_EXCHANGE: "fileexchange",
};

function areaHref(code: keyof typeof APPLICATION_AREAS): string {
  const area = APPLICATION_AREAS[code];
  return "href" in area ? area.href : `/applications/${code}`;
}

/** A right's name read as a title: « Président du CPAS », not the catalogue's « Rôle - Président du CPAS » (issue 11). */
const rightTitle = (name: string) => name.replace(/^Rôle - /, "");

/** Where a right opens (issue 11: every application a person holds opens from « Mes applications »). */
function rightHref(code: string): string {
  const area = AREA_BY_RIGHT[code];
  if (area) return areaHref(area);
  if (code === "GESTION_CANAUX_TECHNIQUES") return "/canaux";
  return `/applications/droits/${rightSlug(code as RightCode)}`;
}

export function ApplicationsSection({
  applications,
  isQualityManager,
  portalPages,
}: {
  applications: Dashboard["applications"];
  isQualityManager: boolean;
  /** The applications of this portal the person opens (the navigation's entries for them). */
  portalPages: { href: string; label: string }[];
}) {
  return (
    <Section id="applications" title="Mes applications">
      {isQualityManager && <p className="mb-2">En tant que gestionnaire local, vous avez accès à toutes les applications de votre qualité :</p>}
      {portalPages.length > 0 && (
        <ul className="mb-3 flex flex-wrap gap-2" aria-label="Applications de ce portail">
          {portalPages.map((p) => (
            <li key={p.href}>
              <Link href={p.href} className="inline-block rounded border border-brand-700 px-3 py-1 text-brand-700 hover:bg-slate-100">
                {p.label}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <ul className="grid gap-3 sm:grid-cols-2">
        {applications.map((r) => (
          <li key={r.code} className="rounded border border-slate-200 p-3">
            <p className="font-medium">
              <a href={rightHref(r.code)} className="text-brand-700 underline">
                {rightTitle(r.name)}
              </a>
            </p>
            <p className="text-xs text-slate-700">
              {r.application?.name ?? "Application partenaire"} — {r.description}
            </p>
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function RapportUniqueSection({
  roles,
  work,
  isSppis,
}: {
  roles: Dashboard["rapportUniqueRoles"];
  work: Dashboard["rapportUniqueWork"];
  isSppis: boolean;
}) {
  return (
    <Section id="rapport-unique" title="Rapport unique">
      <p>
        {isSppis
          ? "Rapports annuels des CPAS sur les subventions de l'année écoulée : formulaires envoyés à examiner."
          : "Rapport annuel au SPP Intégration sociale sur les subventions octroyées au CPAS."}
        {roles.length > 0 && ` Votre rôle : ${roles.map((r) => rightTitle(r.name)).join(", ")}.`}
      </p>
      {work.length > 0 && (
        <ul className="mt-2 list-disc pl-5" data-testid="travail-ru">
          {work.map((w) => (
            <li key={w.label}>
              {w.label} : <strong>{w.count}</strong>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2">
        <a href="/rapport-unique" className="text-brand-700 underline">
          Ouvrir le Rapport unique
        </a>
      </p>
    </Section>
  );
}

export function TechnicalUserSection({ qualities }: { qualities: Dashboard["technical"] }) {
  return (
    <Section id="utilisateur-technique" title="Utilisateur technique — messages structurés">
      <p>Vous êtes la personne de contact pour les messages structurés (fichiers batch) de :</p>
      <ul className="mt-2 list-disc pl-5">
        {qualities.map((q) => (
          <li key={q.id}>
            {QUALITY_LABELS[q.type]} — adresse de contact : {q.email ?? "non renseignée"}
          </li>
        ))}
      </ul>
    </Section>
  );
}
