import Link from "next/link";
import { useTranslations } from "next-intl";

import { APPLICATION_AREAS, rightSlug } from "@/lib/access/application-areas";
import { applicationNameKey, qualityKey, rightDescriptionKey, rightNameKey, type RightCode } from "@/lib/access/catalogue";
import type { Dashboard } from "@/lib/dashboard/get-dashboard";
import { localizeWith, type Translate } from "@/lib/i18n/message-ref";

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

/** A right's name read as a title: « Président du CPAS », not the catalogue's « Rôle - Président du CPAS » (issue 11; « Rol - » in Dutch). */
export const rightTitle = (name: string) => name.replace(/^(Rôle|Rol) - /, "");

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
  const t = useTranslations("dashboard.applications");
  const tAll = useTranslations();
  return (
    <Section id="applications" title={t("title")}>
      {isQualityManager && <p className="mb-2">{t("asManager")}</p>}
      {portalPages.length > 0 && (
        <ul className="mb-3 flex flex-wrap gap-2" aria-label={t("portalPages")}>
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
                {rightTitle(tAll(rightNameKey(r.code as RightCode)))}
              </a>
            </p>
            <p className="text-xs text-slate-700">
              {r.applicationCode ? tAll(applicationNameKey(r.applicationCode)) : t("partner")} — {tAll(rightDescriptionKey(r.code as RightCode))}
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
  const t = useTranslations("dashboard.rapportUnique");
  const tAll = useTranslations();
  return (
    <Section id="rapport-unique" title={t("title")}>
      <p>
        {isSppis ? t("sppis") : t("cpas")}
        {roles.length > 0 && ` ${t("yourRole", { roles: roles.map((r) => rightTitle(tAll(rightNameKey(r.code as RightCode)))).join(", ") })}`}
      </p>
      {work.length > 0 && (
        <ul className="mt-2 list-disc pl-5" data-testid="travail-ru">
          {work.map((w) => (
            <li key={w.label}>
              {/* A label may be a message reference (lib/rapport-unique/queries.ts): said in the page's language. */}
              {t.rich("work", { label: localizeWith(tAll as unknown as Translate, w.label), count: w.count, strong: (chunks) => <strong>{chunks}</strong> })}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2">
        <a href="/rapport-unique" className="text-brand-700 underline">
          {t("open")}
        </a>
      </p>
    </Section>
  );
}

export function TechnicalUserSection({ qualities }: { qualities: Dashboard["technical"] }) {
  const t = useTranslations("dashboard.technical");
  const tAll = useTranslations();
  return (
    <Section id="utilisateur-technique" title={t("title")}>
      <p>{t("intro")}</p>
      <ul className="mt-2 list-disc pl-5">
        {qualities.map((q) => (
          <li key={q.id}>
            {q.email ? t("contact", { quality: tAll(qualityKey(q.type)), email: q.email }) : t("contactMissing", { quality: tAll(qualityKey(q.type)) })}
          </li>
        ))}
      </ul>
    </Section>
  );
}
