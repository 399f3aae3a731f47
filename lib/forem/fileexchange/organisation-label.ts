// How a partner organisation is named in FileExchange lists: its name, followed by its kind when
// the name does not say it already (issue 11: « Office national de l'Emploi (ONEM) (ONEM) »).

const KIND_LABELS: Record<string, string | undefined> = { ONEM: "ONEM", SPP_IS: "SPP IS" };

export function organisationLabel(o: { name: string; kind: string }): string {
  const kind = KIND_LABELS[o.kind];
  if (!kind || o.name.toLocaleUpperCase("fr-BE").includes(kind)) return o.name;
  return `${o.name} (${kind})`;
}
