import { getTranslations } from "next-intl/server";

import type { Actor } from "@/lib/access/actor";
import { rightNameKey, roleKey, type RightCode } from "@/lib/access/catalogue";
import { navigationFor } from "@/lib/access/navigation";
import type { Dashboard } from "@/lib/dashboard/get-dashboard";

import { ApplicationsSection, RapportUniqueSection, rightTitle, TechnicalUserSection } from "./application-sections";
import { EntitySections } from "./entity-sections";
import { ManagedQualitySection } from "./managed-quality-section";
import { OnemQueueSection } from "./onem-queue-section";
import { Section } from "./section";
import { SecurityEventsSection } from "./security-events-section";
import { SubdivisionSection } from "./subdivision-section";

export async function DashboardView({ actor, dashboard }: { actor: Actor; dashboard: Dashboard }) {
  const [tNav, t, tAll] = await Promise.all([getTranslations("nav"), getTranslations("dashboard"), getTranslations()]);
  const roleNames = [...new Set(actor.roles.map((r) => tAll(roleKey(r.role))))];
  const isEmpty =
    !dashboard.entity &&
    !dashboard.managed.length &&
    !dashboard.subdivisions.length &&
    !dashboard.applications.length &&
    !dashboard.technical.length &&
    !dashboard.securityEvents &&
    !dashboard.isOnem &&
    !dashboard.rapportUniqueWork.length;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("hello", { firstName: actor.firstName })}</h1>
        <p className="mt-1 text-sm text-slate-700">
          {roleNames.length
            ? t("yourRoles", { roles: roleNames.join(", ") })
            : dashboard.applications.length
              ? t("yourRights", { rights: dashboard.applications.map((r) => rightTitle(tAll(rightNameKey(r.code as RightCode)))).join(", ") })
              : t("noRole")}
          {actor.isDpd ? ` — ${t("dpd")}` : ""}
        </p>
      </div>
      {dashboard.entity && <EntitySections entity={dashboard.entity} />}
      {dashboard.managed.map((q) => (
        <ManagedQualitySection key={q.id} quality={q} />
      ))}
      {dashboard.subdivisions.map((s) => (
        <SubdivisionSection key={s.id} subdivision={s} />
      ))}
      {dashboard.technical.length > 0 && <TechnicalUserSection qualities={dashboard.technical} />}
      {(dashboard.applications.length > 0 || dashboard.isQualityManager) && (
        <ApplicationsSection
          applications={dashboard.applications}
          isQualityManager={dashboard.isQualityManager}
          portalPages={navigationFor(actor)
            .filter((i) => i.group === "applications" || i.group === "securite")
            .map(({ href, label }) => ({ href, label: tNav(label) }))}
        />
      )}
      {(dashboard.rapportUniqueRoles.length > 0 || dashboard.rapportUniqueWork.length > 0) && (
        <RapportUniqueSection roles={dashboard.rapportUniqueRoles} work={dashboard.rapportUniqueWork} isSppis={dashboard.isSppis} />
      )}
      {dashboard.securityEvents && <SecurityEventsSection events={dashboard.securityEvents} />}
      {dashboard.isOnem && <OnemQueueSection queue={dashboard.onemQueue} />}
      {isEmpty && (
        <Section id="vide" title={t("empty.title")}>
          <p>{t("empty.text")}</p>
        </Section>
      )}
    </div>
  );
}
