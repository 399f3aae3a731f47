import { z } from "zod";

import { msg } from "@/lib/i18n/message-ref";

import type { FormDefinition, Section } from "./definition";
import { parseEuros, parseFte } from "./money";

// What a form holds (RuForm.content): per section, how the measure is justified (online or by the
// spreadsheet, never both), its lines and, for indicators, its values. Stored amounts are integer
// cents, FTE integer hundredths, dates ISO days. The browser sends strings: parseSectionInput turns
// them into this shape or into field errors (« lines.3.cost »), the same function in the page (as
// the person types) and on the server (which decides).

const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const ZStaffLine = z.object({
  kind: z.enum(["PERSON", "FUNCTION"]),
  label: z.string().max(120),
  from: ZDay,
  to: ZDay,
  fteHundredths: z.number().int().min(1).max(9999),
  costCents: z.number().int().min(0),
});
export const ZExpenseLine = z.object({
  category: z.string().max(60),
  description: z.string().max(200),
  amountCents: z.number().int().min(0),
});
export type StaffLine = z.infer<typeof ZStaffLine>;
export type ExpenseLine = z.infer<typeof ZExpenseLine>;

export const ZSectionContent = z.object({
  mode: z.enum(["ONLINE", "SPREADSHEET"]).nullable(),
  staff: z.array(ZStaffLine).max(2000).default([]),
  expenses: z.array(ZExpenseLine).max(5000).default([]),
  values: z.record(z.string(), z.number().int().min(0)).default({}),
  spreadsheet: z
    .object({ fileName: z.string().max(200), sha256: z.string().length(64), importedAt: z.string(), rows: z.number().int() })
    .nullable()
    .default(null),
});
export type SectionContent = z.infer<typeof ZSectionContent>;
export const ZFormContent = z.object({ sections: z.record(z.string(), ZSectionContent) });
export type FormContent = z.infer<typeof ZFormContent>;

export const emptySection = (): SectionContent => ({ mode: null, staff: [], expenses: [], values: {}, spreadsheet: null });
export function emptyContent(def: FormDefinition): FormContent {
  return { sections: Object.fromEntries(def.sections.map((s) => [s.code, emptySection()])) };
}
export const sectionOf = (content: FormContent, code: string): SectionContent => content.sections[code] ?? emptySection();

/** Lines as the browser sends them: every field a string. */
export type RawStaffLine = { kind?: string; label?: string; from?: string; to?: string; fte?: string; cost?: string };
export type RawExpenseLine = { category?: string; description?: string; amount?: string };
export type RawSection = { staff?: RawStaffLine[]; expenses?: RawExpenseLine[]; values?: Record<string, string> };

export type FieldErrors = Record<string, string[]>;
const add = (errors: FieldErrors, path: string, message: string) => (errors[path] ??= []).push(message);
const isDay = (s: string | undefined) =>
  !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** The typed values of one section → stored lines, or the field errors (nothing is kept then). */
export function parseSectionInput(
  section: Section,
  raw: RawSection,
): { ok: true; section: Pick<SectionContent, "staff" | "expenses" | "values"> } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const staff: StaffLine[] = [];
  const expenses: ExpenseLine[] = [];
  const values: Record<string, number> = {};
  if (section.kind === "staff") {
    (raw.staff ?? []).forEach((l, i) => {
      const p = `staff.${i}`;
      const kind = l.kind === "FUNCTION" ? "FUNCTION" : "PERSON";
      const label = (l.label ?? "").trim();
      if (!label) add(errors, `${p}.label`, msg(kind === "PERSON" ? "ru.field.personRequired" : "ru.field.functionRequired"));
      if (label.length > 120) add(errors, `${p}.label`, msg("ru.field.maxChars", { max: 120 }));
      if (!isDay(l.from)) add(errors, `${p}.from`, msg("ru.field.startInvalid"));
      if (!isDay(l.to)) add(errors, `${p}.to`, msg("ru.field.endInvalid"));
      const fte = parseFte(l.fte ?? "");
      if (!fte.ok) add(errors, `${p}.fte`, fte.message);
      const cost = parseEuros(l.cost ?? "");
      if (!cost.ok) add(errors, `${p}.cost`, cost.message);
      if (fte.ok && cost.ok && isDay(l.from) && isDay(l.to) && label && label.length <= 120) {
        staff.push({ kind, label, from: l.from!, to: l.to!, fteHundredths: fte.value, costCents: cost.value });
      }
    });
  } else if (section.kind === "expenses") {
    (raw.expenses ?? []).forEach((l, i) => {
      const p = `expenses.${i}`;
      const category = (l.category ?? "").trim();
      if (!section.categories.some((c) => c.code === category)) add(errors, `${p}.category`, msg("ru.field.categoryRequired"));
      const description = (l.description ?? "").trim();
      if (!description) add(errors, `${p}.description`, msg("ru.field.descriptionRequired"));
      if (description.length > 200) add(errors, `${p}.description`, msg("ru.field.maxChars", { max: 200 }));
      const amount = parseEuros(l.amount ?? "");
      if (!amount.ok) add(errors, `${p}.amount`, amount.message);
      if (amount.ok && description && description.length <= 200) expenses.push({ category, description, amountCents: amount.value });
    });
  } else {
    for (const f of section.fields) {
      const v = String(raw.values?.[f.code] ?? "").replace(/[\s\u00a0\u202f]/g, "");
      if (v === "") continue; // completeness is a rule (checked before signature), not a typing error
      if (!/^\d{1,9}$/.test(v)) add(errors, `values.${f.code}`, msg("ru.field.integerExpected"));
      else if (Number(v) > f.max) add(errors, `values.${f.code}`, msg("ru.field.valueImplausible", { max: f.max }));
      else values[f.code] = Number(v);
    }
  }
  const lineCount = (raw.staff?.length ?? 0) + (raw.expenses?.length ?? 0);
  if (lineCount > 2000) add(errors, "lines", msg("ru.field.tooManyLines"));
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, section: { staff, expenses, values } };
}
