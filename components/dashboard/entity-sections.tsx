import { TableHead } from "@/components/ui/table-head";
import { QUALITY_LABELS } from "@/lib/access/catalogue";
import type { Dashboard } from "@/lib/dashboard/get-dashboard";
import { formatBce } from "@/lib/validation/bce";

import { Figure, Section } from "./section";

type Entity = NonNullable<Dashboard["entity"]>;
const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

export function EntitySections({ entity }: { entity: Entity }) {
  const withoutGl = entity.qualities.filter((q) => q.isActive && !q.gl).length;
  const nonCompliant = entity.qualities.filter((q) => !q.isGlCompliant).length;
  return (
    <>
      <Section id="entite" title="Entité">
        <dl className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
          <Figure label="Personnes" value={entity._count.people} />
          <Figure label="Qualités activées" value={entity.qualities.filter((q) => q.isActive).length} />
          <Figure label="Qualités sans GL" value={withoutGl} tone={withoutGl ? "warn" : "neutral"} />
          <Figure label="GL non conformes" value={nonCompliant} tone={nonCompliant ? "warn" : "neutral"} />
          <Figure label="Personnes bloquées" value={entity.blockedPeople} tone={entity.blockedPeople ? "warn" : "neutral"} />
          <Figure label="Revues des accès ouvertes" value={entity.openReviews} />
        </dl>
        <p className="mt-4">
          <strong>{entity.name}</strong> — numéro d&apos;entreprise {formatBce(entity.bceNumber)}
        </p>
        <p className="mt-1">DPD : {entity.dpdPerson ? fullName(entity.dpdPerson) : <span className="text-amber-800">non désigné</span>}</p>
      </Section>
      <Section id="qualites" title="Qualités et gestionnaires locaux">
        <table className="w-full text-left">
          <caption className="sr-only">Qualités de l&apos;entité et leurs gestionnaires locaux</caption>
          <TableHead columns={["Qualité", "Identifiant", "État", "GL", "co-GL"]} />
          <tbody>
            {entity.qualities.map((q) => (
              <tr key={q.id} className="border-b border-slate-100">
                <td className="py-2">{QUALITY_LABELS[q.type]}</td>
                <td className="font-mono text-xs">{q.identifier}</td>
                <td>{q.isActive ? "Activée" : "Non activée"}</td>
                <td>
                  {q.gl ? fullName(q.gl) : "—"}
                  {!q.isGlCompliant && <span className="ml-2 rounded bg-amber-100 px-1 text-amber-900">non conforme : le GL doit être le DPD</span>}
                </td>
                <td>{q.coGls.map(fullName).join(", ") || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section id="co-rae" title="RAE et co-RAE">
        <ul className="list-disc pl-5">
          {entity.roles.map((r) => (
            <li key={r.id}>
              {fullName(r.person)} — {r.role === "RAE" ? "RAE" : "co-RAE"}
              {r.isBlocked ? " (bloqué)" : ""}
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
