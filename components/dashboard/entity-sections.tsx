import { useTranslations } from "next-intl";

import { TableHead } from "@/components/ui/table-head";
import { qualityKey } from "@/lib/access/catalogue";
import type { Dashboard } from "@/lib/dashboard/get-dashboard";
import { formatBce } from "@/lib/validation/bce";

import { Figure, Section } from "./section";

type Entity = NonNullable<Dashboard["entity"]>;
const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

export function EntitySections({ entity }: { entity: Entity }) {
  const withoutGl = entity.qualities.filter((q) => q.isActive && !q.gl).length;
  const nonCompliant = entity.qualities.filter((q) => !q.isGlCompliant).length;
  const t = useTranslations("dashboard.entity");
  const tAll = useTranslations();
  return (
    <>
      <Section id="entite" title={t("title")}>
        <dl className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
          <Figure label={t("people")} value={entity._count.people} />
          <Figure label={t("activeQualities")} value={entity.qualities.filter((q) => q.isActive).length} />
          <Figure label={t("qualitiesWithoutGl")} value={withoutGl} tone={withoutGl ? "warn" : "neutral"} />
          <Figure label={t("nonCompliantGl")} value={nonCompliant} tone={nonCompliant ? "warn" : "neutral"} />
          <Figure label={t("blockedPeople")} value={entity.blockedPeople} tone={entity.blockedPeople ? "warn" : "neutral"} />
          <Figure label={t("openReviews")} value={entity.openReviews} />
        </dl>
        <p className="mt-4">
          <strong>{entity.name}</strong> — {t("bce", { number: formatBce(entity.bceNumber) })}
        </p>
        <p className="mt-1">
          {t("dpd")} {entity.dpdPerson ? fullName(entity.dpdPerson) : <span className="text-amber-800">{t("notAppointed")}</span>}
        </p>
      </Section>
      <Section id="qualites" title={t("qualitiesTitle")}>
        <table className="w-full text-left">
          <caption className="sr-only">{t("qualitiesCaption")}</caption>
          <TableHead columns={[t("colQuality"), t("colIdentifier"), t("colState"), t("colGl"), t("colCoGl")]} />
          <tbody>
            {entity.qualities.map((q) => (
              <tr key={q.id} className="border-b border-slate-100">
                <td className="py-2">{tAll(qualityKey(q.type))}</td>
                <td className="font-mono text-xs">{q.identifier}</td>
                <td>{q.isActive ? t("active") : t("inactive")}</td>
                <td>
                  {q.gl ? fullName(q.gl) : "—"}
                  {!q.isGlCompliant && <span className="ml-2 rounded bg-amber-100 px-1 text-amber-900">{t("nonCompliant")}</span>}
                </td>
                <td>{q.coGls.map(fullName).join(", ") || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section id="co-rae" title={t("raeTitle")}>
        <ul className="list-disc pl-5">
          {entity.roles.map((r) => (
            <li key={r.id}>
              {fullName(r.person)} — {r.role === "RAE" ? t("rae") : t("coRae")}
              {r.isBlocked ? ` ${t("blocked")}` : ""}
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
