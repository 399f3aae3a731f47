import type { Locale } from "@/lib/i18n/locales";

// How a partner organisation is named in FileExchange lists: its name, followed by its kind when
// the name does not say it already (issue 11: « Office national de l'Emploi (ONEM) (ONEM) »). The
// kind is said in the reader's language (issue 13, docs/glossary.md: ONEM / RVA, SPP IS / POD MI);
// the name is stored data, shown as typed: a name that already says the kind in either language
// gets nothing added.

const KIND_LABELS: Record<Locale, Record<string, string | undefined>> = {
  fr: { ONEM: "ONEM", SPP_IS: "SPP IS" },
  nl: { ONEM: "RVA", SPP_IS: "POD MI" },
};

export function organisationLabel(o: { name: string; kind: string }, locale: Locale = "fr"): string {
  const kind = KIND_LABELS[locale][o.kind];
  if (!kind) return o.name;
  const name = o.name.toLocaleUpperCase("fr-BE");
  if (Object.values(KIND_LABELS).some((labels) => labels[o.kind] && name.includes(labels[o.kind]!))) return o.name;
  return `${o.name} (${kind})`;
}
