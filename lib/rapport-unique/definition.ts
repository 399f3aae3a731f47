import { z } from "zod";

// A Rapport unique form definition is DATA (issue 10): one JSON document per subsidy and year, in
// lib/rapport-unique/definitions/<year>.json, validated by this schema when loaded and frozen in the
// campaign when the SPP IS opens it (RuFormDefinition). Adding next year's forms means adding a
// file, not code. Every rule names its source; a rule the public material does not give is marked
// `assumed: true` and listed in docs/rapport-unique.md.

const ZCode = z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/);
const ZText = z.string().min(1).max(600);

export const ZSource = z.object({ label: ZText, url: z.url().optional() });
export type Source = z.infer<typeof ZSource>;

/** A rule as shown to the people who encode and sign ("Règles de ce formulaire"), with its source. */
export const ZRuleText = z.object({ text: ZText, source: ZText, assumed: z.boolean().default(false) });

export const ZEnvelope = z.object({ code: ZCode, label: ZText, source: ZText });

export const ZCategory = z.object({
  code: ZCode,
  label: ZText,
  eligible: z.boolean(),
  /** Why a category is not eligible (shown on the line that uses it), and where that comes from. */
  reason: ZText.optional(),
  source: ZText.optional(),
});

const ZSectionBase = z.object({
  code: ZCode,
  title: ZText,
  help: ZText.optional(),
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
  fields: z.array(z.object({ code: ZCode, label: ZText, max: z.number().int().positive() })).min(1),
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
