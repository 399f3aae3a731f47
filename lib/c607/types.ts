import type { CalendarDate, DateRange } from "./calendar-date";

export type WorkRegime = { kind: "FULL_TIME" } | { kind: "PART_TIME"; weeklyHours: number; fullTimeWeeklyHours: number };

export type Contract = {
  start: CalendarDate;
  plannedEnd: CalendarDate;
  regime: WorkRegime;
  /** Days worked per week, 1–6; default 5. Worked days are taken from Monday onwards. */
  daysPerWeek?: number;
};

export type EmploymentPeriod = {
  from: CalendarDate;
  to: CalendarDate;
  regime: WorkRegime;
  /** ISO 3166-1 alpha-2 code, "BE" for Belgium. */
  country: string;
  /** Days worked per week in that job, default 5. */
  daysPerWeek?: number;
  /** Days actually worked, for non-continuous full-time work (days × 6 / days per week). */
  declaredDays?: number;
  /** Hours actually worked, for part-time work (hours × 6 / full-time weekly hours). */
  declaredHours?: number;
  label?: string;
};

/**
 * SELF_EMPLOYMENT and DETENTION are not in the C60.7 form's usual list; they are added because the
 * 2026 reform names them among the periods that extend the reference period (DOMAIN.md).
 * CAREER_BREAK means career break or time credit *with* an allowance (IC/CT).
 */
export const ASSIMILATED_KINDS = [
  "SICKNESS",
  "WORK_ACCIDENT",
  "OCCUPATIONAL_DISEASE",
  "TEMPORARY_UNEMPLOYMENT",
  "CAREER_BREAK",
  "MATERNITY",
  "SELF_EMPLOYMENT",
  "DETENTION",
  "OTHER",
] as const;

export type AssimilatedKind = (typeof ASSIMILATED_KINDS)[number];

export const ASSIMILATED_KIND_LABELS: Record<AssimilatedKind, string> = {
  SICKNESS: "Maladie",
  WORK_ACCIDENT: "Accident du travail",
  OCCUPATIONAL_DISEASE: "Maladie professionnelle",
  TEMPORARY_UNEMPLOYMENT: "Chômage temporaire",
  CAREER_BREAK: "Interruption de carrière / crédit-temps avec allocation",
  MATERNITY: "Repos de maternité",
  SELF_EMPLOYMENT: "Activité indépendante",
  DETENTION: "Détention",
  OTHER: "Autre période",
};

export type AssimilatedPeriod = { kind: AssimilatedKind; from: CalendarDate; to: CalendarDate; label?: string };

export type DaysToWorkInput = {
  worker: { birthDate: CalendarDate };
  contract: Contract;
  employmentPeriods: EmploymentPeriod[];
  assimilatedPeriods: AssimilatedPeriod[];
  calculationDate: CalendarDate;
};

export type PeriodStatus = "COUNTED" | "PARTLY_COUNTED" | "EXCLUDED" | "EXTENDS_REFERENCE" | "TO_REVIEW";

export type PeriodBreakdown = {
  source: "EMPLOYMENT" | "ASSIMILATED";
  /** Index in the input array, so the UI can point at the row. */
  index: number;
  from: CalendarDate;
  to: CalendarDate;
  /** Part of the period inside the reference period, if any. */
  counted: DateRange | null;
  /** Days in the 6-day scheme before the final rounding; 0 when not counted. */
  days: number;
  /** Calendar days by which the period extends the reference period (2026 rules). */
  extensionDays: number;
  status: PeriodStatus;
  /** French, shown to the CPAS and to the ONEM collaborator. */
  reason: string;
};

export type CalculationStep = { label: string; detail: string };

export type RequirementOutcome = {
  /** Days asked in the reference period (for a history condition: once the history is counted). */
  requiredDays: number;
  referenceMonths: number;
  referencePeriod: DateRange;
  countedDays: number;
  missingDays: number;
  /** T31 alternatives: the 10 years before the reference period and the days of work found there. */
  history?: DateRange & { days: number };
};

export type EndDateCheck = {
  /** The condition of the age band closest to being met at the proposed end. */
  requiredDays: number;
  referenceMonths: number;
  /** Reference period counted back from the proposed end date, as at the benefit claim. */
  referencePeriod: DateRange;
  pastDays: number;
  contractDays: number;
  total: number;
  isSufficient: boolean;
  /** First end date at which the condition is met with the sliding reference period. */
  adjustedEndDate: CalendarDate | null;
};

export type DaysToWorkResult = {
  rulesetId: string;
  /** Date used to pick the rule set: the planned benefit claim (day after the planned end). */
  rulesDate: CalendarDate;
  calculationDate: CalendarDate;
  ageAtStart: number;
  requiredDays: number;
  referencePeriod: DateRange & { months: number; extensionDays: number };
  countedDays: {
    /** Rounded down, the figure compared with requiredDays. */
    total: number;
    exact: number;
    employment: number;
    assimilated: number;
    /** Days removed because a quarter would have counted more than 78. */
    quarterCapReduction: number;
    periods: PeriodBreakdown[];
  };
  missingDays: number;
  proposedEndDate: CalendarDate | null;
  /** Every automated requirement of the age band; the retained one has the fewest missing days. */
  outcomes: RequirementOutcome[];
  /** Conditions of the rule set not automated, left to the ONEM collaborator (none at present). */
  manualAlternatives: string[];
  endDateCheck: EndDateCheck | null;
  warnings: string[];
  steps: CalculationStep[];
  /** Always true: seed 001 says the result is validated by an ONEM collaborator. */
  isProposal: true;
};
