import { type FormContent, sectionOf } from "./content";
import type { FormDefinition } from "./definition";
import { msg } from "@/lib/i18n/message-ref";

// The rules of a form, checked on the server before it may go to signature and shown in the page
// as the person types (the same pure function). Every problem names its section and line and says
// why. Totals are computed here, never typed. Messages are catalogue references (ru.check.*, issue 13):
// the page, the browser and the action translate them for their reader; amounts are passed in euros
// and formatted by the catalogue's « euro » format in the reader's language.

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
const euros = (cents: number) => cents / 100;

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
        if (c.values[f.code] === undefined) at(msg("ru.check.indicatorMissing", { label: f.label }), undefined, `values.${f.code}`);
      continue;
    }
    let sum = 0;
    if (section.kind === "staff") {
      c.staff.forEach((l, i) => {
        const n = i + 1;
        if (l.from < yearStart || l.to > yearEnd) at(msg("ru.check.periodOutsideYear", { line: n, year: String(def.year) }), n, "from");
        if (l.from > l.to) at(msg("ru.check.startAfterEnd", { line: n, from: formatDay(l.from), to: formatDay(l.to) }), n, "to");
        if (l.kind === "PERSON" && l.fteHundredths > 100) at(msg("ru.check.personFte", { line: n }), n, "fte");
        if (l.costCents <= 0) at(msg("ru.check.costPositive", { line: n }), n, "cost");
        if (l.from <= l.to) {
          // Plausibility: cost ≤ ceiling × FTE × share of the year worked (integer arithmetic, cents).
          const days = dayNumber(l.to) - dayNumber(l.from) + 1;
          const ceiling = Math.ceil((def.maxYearlyCostPerFteCents * l.fteHundredths * days) / (100 * yearDays));
          if (l.costCents > ceiling) {
            at(msg("ru.check.costImplausible", { line: n, cost: euros(l.costCents), days, fte: l.fteHundredths / 100, ceiling: euros(ceiling) }), n, "cost");
          }
        }
        sum += l.costCents;
      });
    } else {
      c.expenses.forEach((l, i) => {
        const n = i + 1;
        const category = section.categories.find((k) => k.code === l.category);
        if (!category) at(msg("ru.check.unknownCategory", { line: n }), n, "category");
        else if (!category.eligible)
          at(
            category.reason
              ? msg("ru.check.notEligibleBecause", { line: n, label: category.label, reason: category.reason })
              : msg("ru.check.notEligible", { line: n, label: category.label }),
            n,
            "category",
          );
        if (l.amountCents <= 0) at(msg("ru.check.amountPositive", { line: n }), n, "amount");
        sum += l.amountCents;
      });
    }
    justified.set(section.envelope, (justified.get(section.envelope) ?? 0) + sum);
  }

  const envelopes: EnvelopeTotal[] = def.envelopes.map((e) => {
    const granted: number | null = Object.hasOwn(grants, e.code) ? (grants[e.code] ?? null) : null;
    const j = justified.get(e.code) ?? 0;
    const sectionTitle = msg("ru.check.envelopeTitle", { label: e.label });
    if (granted === null) {
      problems.push({
        section: e.code,
        sectionTitle,
        message: msg("ru.check.grantMissing", { label: e.label }),
      });
    } else if (j > granted) {
      problems.push({
        section: e.code,
        sectionTitle,
        message: msg("ru.check.overGranted", { label: e.label, justified: euros(j), granted: euros(granted), excess: euros(j - granted) }),
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
