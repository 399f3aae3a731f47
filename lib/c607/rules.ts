import { msg } from "@/lib/i18n/message-ref";

import type { CalendarDate } from "./calendar-date";
import type { AssimilatedKind } from "./types";

/**
 * Days of work the worker needs in the years before the reference period (T31 alternatives):
 * a flat minimum, or `daysPerMissingDay` days for each day missing to reach `upTo`.
 */
export type HistoryCondition = { years: number } & ({ minimumDays: number } | { daysPerMissingDay: number; upTo: number });

/** "N days of work in a reference period of M months", possibly completed by the career history. */
export type Requirement = { requiredDays: number; referenceMonths: number; history?: HistoryCondition };

export type AgeBand = {
  /** A catalogue reference (c607.calc.rules.*), shown in the reader's language. */
  label: string;
  minAge: number;
  /** Inclusive; null = no upper bound. */
  maxAge: number | null;
  requirements: [Requirement, ...Requirement[]];
  /** Conditions not automated (catalogue references, shown in the steps); none since the history ones are. */
  manualAlternatives: string[];
};

/**
 * COUNT: each day (Monday–Saturday, 6-day scheme) counts as a day of work.
 * EXTEND: the period lengthens the reference period by its calendar days and counts no days.
 * REVIEW: not handled automatically; the ONEM collaborator decides.
 */
export type AssimilatedTreatment = "COUNT" | "EXTEND" | "REVIEW";

export type RuleSet = {
  id: string;
  effectiveFrom: CalendarDate;
  /** Label, source and notes are catalogue references (c607.calc.rules.*): ONEM may read in Dutch. */
  label: string;
  source: string;
  ageBands: AgeBand[];
  assimilated: Record<AssimilatedKind, AssimilatedTreatment>;
  /** Minimum length, in months, for a period of that kind to extend the reference period. */
  minimumExtensionMonths: Partial<Record<AssimilatedKind, number>>;
  notes: string[];
};

/** A full quarter of full-time work counts 78 days (13 weeks × 6, the 6-day scheme), never more. */
export const FULL_QUARTER_DAYS = 78;

const T31_2023: RuleSet = {
  id: "ONEM-T31-2023-10-02",
  // The sheet's version date. It is also used for earlier dates: the portal only handles requests
  // from the digital procedure (02.10.2023 onwards) and models no older regime.
  effectiveFrom: "2023-10-02",
  label: msg("c607.calc.rules.t31.label"),
  // Shown to ONEM and the CPAS: public references only (issue 11). Internal reading: DOMAIN.md,
  // section C60.7, and docs/c607-calculation.md.
  source: msg("c607.calc.rules.t31.source"),
  ageBands: [
    {
      label: msg("c607.calc.rules.bands.under36"),
      minAge: 0,
      maxAge: 35,
      requirements: [
        { requiredDays: 312, referenceMonths: 21 },
        { requiredDays: 468, referenceMonths: 33 },
        { requiredDays: 624, referenceMonths: 42 },
      ],
      manualAlternatives: [],
    },
    {
      label: msg("c607.calc.rules.bands.from36to49"),
      minAge: 36,
      maxAge: 49,
      requirements: [
        { requiredDays: 468, referenceMonths: 33 },
        { requiredDays: 624, referenceMonths: 42 },
        { requiredDays: 234, referenceMonths: 33, history: { years: 10, minimumDays: 1560 } },
        { requiredDays: 312, referenceMonths: 33, history: { years: 10, daysPerMissingDay: 8, upTo: 468 } },
      ],
      manualAlternatives: [],
    },
    {
      label: msg("c607.calc.rules.bands.from50"),
      minAge: 50,
      maxAge: null,
      requirements: [
        { requiredDays: 624, referenceMonths: 42 },
        { requiredDays: 312, referenceMonths: 42, history: { years: 10, minimumDays: 1560 } },
        { requiredDays: 416, referenceMonths: 42, history: { years: 10, daysPerMissingDay: 8, upTo: 624 } },
      ],
      manualAlternatives: [],
    },
  ],
  assimilated: {
    SICKNESS: "COUNT",
    WORK_ACCIDENT: "COUNT",
    OCCUPATIONAL_DISEASE: "COUNT",
    TEMPORARY_UNEMPLOYMENT: "COUNT",
    CAREER_BREAK: "COUNT",
    MATERNITY: "COUNT",
    SELF_EMPLOYMENT: "REVIEW",
    DETENTION: "REVIEW",
    OTHER: "REVIEW",
  },
  minimumExtensionMonths: {},
  notes: [],
};

const REFORM_2026: RuleSet = {
  id: "REFORME-2026-03-01",
  effectiveFrom: "2026-03-01",
  label: msg("c607.calc.rules.reform2026.label"),
  // Shown to ONEM and the CPAS: public references only (issue 11). Internal note: read from
  // secondary sources (UVCW, CSC, press); the implementing decree was not read (DOMAIN.md, C60.7).
  source: msg("c607.calc.rules.reform2026.source"),
  ageBands: [
    {
      label: msg("c607.calc.rules.bands.anyAge"),
      minAge: 0,
      maxAge: null,
      requirements: [{ requiredDays: 312, referenceMonths: 36 }],
      manualAlternatives: [],
    },
  ],
  assimilated: {
    SICKNESS: "EXTEND",
    WORK_ACCIDENT: "EXTEND",
    OCCUPATIONAL_DISEASE: "EXTEND",
    CAREER_BREAK: "EXTEND",
    SELF_EMPLOYMENT: "EXTEND",
    DETENTION: "EXTEND",
    TEMPORARY_UNEMPLOYMENT: "COUNT",
    MATERNITY: "COUNT",
    OTHER: "REVIEW",
  },
  minimumExtensionMonths: { SELF_EMPLOYMENT: 3 },
  notes: [msg("c607.calc.rules.reform2026.newDaysNote")],
};

/** Ordered by effective date; add a rule set here, never edit one already used for answers. */
export const RULE_SETS: readonly RuleSet[] = [T31_2023, REFORM_2026];

/** The rule set whose effective date is the latest one on or before `date`. */
export function getRulesInForce(date: CalendarDate): RuleSet {
  let inForce = RULE_SETS[0]!;
  for (const ruleSet of RULE_SETS) {
    if (ruleSet.effectiveFrom <= date) inForce = ruleSet;
  }
  return inForce;
}

export function findAgeBand({ ruleSet, age }: { ruleSet: RuleSet; age: number }): AgeBand {
  const band = ruleSet.ageBands.find((candidate) => age >= candidate.minAge && (candidate.maxAge === null || age <= candidate.maxAge));
  if (!band) throw new RangeError(`Aucune tranche d'âge pour ${age} ans dans ${ruleSet.id}.`);
  return band;
}
