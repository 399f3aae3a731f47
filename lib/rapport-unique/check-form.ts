import { type FormContent, sectionOf } from "./content";
import type { FormDefinition } from "./definition";
import { formatCents } from "./money";

// The rules of a form, checked on the server before it may go to signature and shown in the page
// as the person types (the same pure function). Every problem names its section and line and says
// why. Totals are computed here, never typed.

export type Problem = { section: string; sectionTitle: string; line?: number; field?: string; message: string };
export type EnvelopeTotal = { code: string; label: string; grantedCents: number | null; justifiedCents: number; notJustifiedCents: number };
export type FormCheck = {
  envelopes: EnvelopeTotal[];
  grantedCents: number;
  justifiedCents: number;
  notJustifiedCents: number;
  problems: Problem[];
  /** No problem: the form may be marked ready and signed. */
  ok: boolean;
};

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const formatDay = (iso: string) => iso.split("-").reverse().join("/");

/**
 * @param grants granted amount per envelope code, in cents (missing: not recorded by the SPP IS yet)
 */
export function checkForm(def: FormDefinition, content: FormContent, grants: Record<string, number>): FormCheck {
  const problems: Problem[] = [];
  const justified = new Map<string, number>(def.envelopes.map((e) => [e.code, 0]));
  const yearStart = `${def.year}-01-01`;
  const yearEnd = `${def.year}-12-31`;
  const yearDays = dayNumber(`${def.year + 1}-01-01`) - dayNumber(yearStart);

  for (const section of def.sections) {
    const c = sectionOf(content, section.code);
    const at = (message: string, line?: number, field?: string) => problems.push({ section: section.code, sectionTitle: section.title, line, field, message });
    if (section.kind === "indicators") {
      for (const f of section.fields)
        if (c.values[f.code] === undefined) at(`« ${f.label} » n'est pas complété (indiquez 0 s'il n'y a rien).`, undefined, `values.${f.code}`);
      continue;
    }
    let sum = 0;
    if (section.kind === "staff") {
      c.staff.forEach((l, i) => {
        const n = i + 1;
        if (l.from < yearStart || l.to > yearEnd)
          at(`Ligne ${n} : la période doit être comprise dans l'année ${def.year} (du 01/01/${def.year} au 31/12/${def.year}).`, n, "from");
        if (l.from > l.to) at(`Ligne ${n} : la date de début (${formatDay(l.from)}) est après la date de fin (${formatDay(l.to)}).`, n, "to");
        if (l.kind === "PERSON" && l.fteHundredths > 100) at(`Ligne ${n} : une personne ne dépasse pas 1,00 ETP.`, n, "fte");
        if (l.costCents <= 0) at(`Ligne ${n} : le coût doit être supérieur à 0.`, n, "cost");
        if (l.from <= l.to) {
          // Plausibility: cost ≤ ceiling × FTE × share of the year worked (integer arithmetic, cents).
          const days = dayNumber(l.to) - dayNumber(l.from) + 1;
          const ceiling = Math.ceil((def.maxYearlyCostPerFteCents * l.fteHundredths * days) / (100 * yearDays));
          if (l.costCents > ceiling) {
            at(
              `Ligne ${n} : coût invraisemblable (${formatCents(l.costCents)} pour ${days} jour(s) à ${(l.fteHundredths / 100).toLocaleString("fr-BE")} ETP ; plafond ${formatCents(ceiling)}).`,
              n,
              "cost",
            );
          }
        }
        sum += l.costCents;
      });
    } else {
      c.expenses.forEach((l, i) => {
        const n = i + 1;
        const category = section.categories.find((k) => k.code === l.category);
        if (!category) at(`Ligne ${n} : catégorie inconnue.`, n, "category");
        else if (!category.eligible) at(`Ligne ${n} : « ${category.label} » n'est pas une dépense éligible. ${category.reason ?? ""}`.trim(), n, "category");
        if (l.amountCents <= 0) at(`Ligne ${n} : le montant doit être supérieur à 0.`, n, "amount");
        sum += l.amountCents;
      });
    }
    justified.set(section.envelope, (justified.get(section.envelope) ?? 0) + sum);
  }

  const envelopes: EnvelopeTotal[] = def.envelopes.map((e) => {
    const granted: number | null = Object.hasOwn(grants, e.code) ? (grants[e.code] ?? null) : null;
    const j = justified.get(e.code) ?? 0;
    const sectionTitle = `Enveloppe « ${e.label} »`;
    if (granted === null) {
      problems.push({
        section: e.code,
        sectionTitle,
        message: `Aucun montant octroyé n'est enregistré pour « ${e.label} » : le SPP IS doit l'encoder avant la signature.`,
      });
    } else if (j > granted) {
      problems.push({
        section: e.code,
        sectionTitle,
        message: `« ${e.label} » : ${formatCents(j)} justifiés pour ${formatCents(granted)} octroyés (${formatCents(j - granted)} de trop). Aucun transfert entre enveloppes n'est permis.`,
      });
    }
    // What is justified counts up to the amount granted; the rest of the grant is not justified.
    const counted = granted === null ? j : Math.min(j, granted);
    return { code: e.code, label: e.label, grantedCents: granted, justifiedCents: counted, notJustifiedCents: granted === null ? 0 : granted - counted };
  });
  const total = (k: "justifiedCents" | "notJustifiedCents") => envelopes.reduce((s, e) => s + e[k], 0);
  return {
    envelopes,
    grantedCents: envelopes.reduce((s, e) => s + (e.grantedCents ?? 0), 0),
    justifiedCents: total("justifiedCents"),
    notJustifiedCents: total("notJustifiedCents"),
    problems,
    ok: problems.length === 0,
  };
}
