import { z } from "zod";

import { msg } from "@/lib/i18n/message-ref";

// A Rapport unique form definition is DATA (issue 10): one JSON document per subsidy and year, in
// lib/rapport-unique/definitions/<year>.json, validated by this schema when loaded and frozen in the
// campaign when the SPP IS opens it (RuFormDefinition). Adding next year's forms means adding a
// file, not code. Every rule names its source; a rule the public material does not give is marked
// `assumed: true` and listed in docs/rapport-unique.md.

const ZCode = z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/);
const ZText = z.string().min(1).max(600);
/**
 * The Dutch text of an element, next to its French one (issue 13, docs/rapport-unique.md « Languages »):
 * `"nl": { "label": "…" }` beside `"label": "…"`. Optional: an element without it shows its French
 * text in Dutch too (a definition frozen before the Dutch was written keeps its words).
 */
const ZDutch = <K extends string>(...keys: [K, ...K[]]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, ZText.optional()])) as Record<K, z.ZodOptional<typeof ZText>>).optional();

export const ZSource = z.object({ label: ZText, url: z.url().optional() });
export type Source = z.infer<typeof ZSource>;

/** A rule as shown to the people who encode and sign ("Règles de ce formulaire"), with its source. */
export const ZRuleText = z.object({ text: ZText, source: ZText, assumed: z.boolean().default(false), nl: ZDutch("text", "source") });

export const ZEnvelope = z.object({ code: ZCode, label: ZText, source: ZText, nl: ZDutch("label", "source") });

export const ZCategory = z.object({
  code: ZCode,
  label: ZText,
  eligible: z.boolean(),
  /** Why a category is not eligible (shown on the line that uses it), and where that comes from. */
  reason: ZText.optional(),
  source: ZText.optional(),
  nl: ZDutch("label", "reason", "source"),
});

const ZSectionBase = z.object({
  code: ZCode,
  title: ZText,
  help: ZText.optional(),
  nl: ZDutch("title", "help"),
});

export const ZStaffSection = ZSectionBase.extend({
  kind: z.literal("staff"),
  envelope: ZCode,
  /** The measure may be justified with the official spreadsheet instead of online (never both). */
  importable: z.boolean(),
});
export const ZExpenseSection = ZSectionBase.extend({
  kind: z.literal("expenses"),
  envelope: ZCode,
  importable: z.boolean(),
  categories: z.array(ZCategory).min(1),
});
export const ZIndicatorSection = ZSectionBase.extend({
  kind: z.literal("indicators"),
  fields: z.array(z.object({ code: ZCode, label: ZText, max: z.number().int().positive(), nl: ZDutch("label") })).min(1),
});
export const ZSection = z.discriminatedUnion("kind", [ZStaffSection, ZExpenseSection, ZIndicatorSection]);
export type Section = z.infer<typeof ZSection>;
export type StaffSection = z.infer<typeof ZStaffSection>;
export type ExpenseSection = z.infer<typeof ZExpenseSection>;

export const ZFormDefinition = z
  .object({
    code: ZCode,
    year: z.number().int().min(2020).max(2100),
    title: ZText,
    description: ZText,
    sources: z.array(ZSource).min(1),
    /** Energy fund: what is not justified is added to next year's fund instead of being recovered. */
    notJustified: z.enum(["recovered", "carried_over"]),
    /** Plausibility ceiling of a staff line: yearly cost of one full-time equivalent, in cents. */
    maxYearlyCostPerFteCents: z.number().int().positive(),
    envelopes: z.array(ZEnvelope).min(1),
    sections: z.array(ZSection).min(1),
    rules: z.array(ZRuleText).min(1),
    nl: ZDutch("title", "description"),
  })
  .superRefine((d, ctx) => {
    const envelopes = new Set(d.envelopes.map((e) => e.code));
    const codes = new Set<string>();
    for (const s of d.sections) {
      if (codes.has(s.code)) ctx.addIssue({ code: "custom", message: `section ${s.code} en double` });
      codes.add(s.code);
      if (s.kind !== "indicators" && !envelopes.has(s.envelope))
        ctx.addIssue({ code: "custom", message: `section ${s.code} : enveloppe ${s.envelope} inconnue` });
    }
  });
export type FormDefinition = z.infer<typeof ZFormDefinition>;

export const ZYearDefinitions = z.array(ZFormDefinition).min(1);

/** Apply an element's Dutch twins (when present) over its French texts. */
function dutch<T extends { nl?: Record<string, string | undefined> }>(o: T): T {
  const out = { ...o };
  for (const [k, v] of Object.entries(o.nl ?? {})) if (v) (out as Record<string, unknown>)[k] = v;
  return out;
}

/**
 * The definition in a reader's language: the same codes, rules and amounts, with the Dutch texts in
 * place of the French ones where the definition has them. Checks and hashes always use the stored
 * definition; this is for display only (pages, PDFs).
 */
export function definitionIn(def: FormDefinition, locale: "fr" | "nl"): FormDefinition {
  if (locale === "fr") return def;
  return {
    ...dutch(def),
    envelopes: def.envelopes.map(dutch),
    rules: def.rules.map(dutch),
    sections: def.sections.map((s) =>
      s.kind === "expenses"
        ? { ...dutch(s), categories: s.categories.map(dutch) }
        : s.kind === "indicators"
          ? { ...dutch(s), fields: s.fields.map(dutch) }
          : dutch(s),
    ),
  };
}

/**
 * A form's title as a value of a message (inbox notices, mail titles): the definition's French
 * title, or its Dutch twin for a reader in Dutch — the definition's own words, frozen with it.
 */
export function titleRef(def: Pick<FormDefinition, "title" | "nl">): string {
  return msg("ru.inbox.formTitle", { fr: def.title, nl: def.nl?.title ?? def.title });
}
