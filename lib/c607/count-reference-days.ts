import { formatBelgianDate as fr, formatDays, intersectRanges } from "./calendar-date";
import type { ReferencePeriod } from "./compute-reference-period";
import { convertEmploymentDays } from "./convert-employment-days";
import { countAssimilatedDays } from "./count-assimilated-days";
import { cleanDays, EPSILON, floorDays } from "./round-days";
import { FULL_QUARTER_DAYS, type RuleSet } from "./rules";
import type { AssimilatedPeriod, EmploymentPeriod, PeriodBreakdown } from "./types";

/** EU + EEA + Switzerland: work there is aggregated (regulation 883/2004) when followed by Belgian work. */
const COORDINATED_COUNTRIES = new Set("AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK IS LI NO CH".split(" "));

export type ReferenceCount = {
  exact: number;
  /** Rounded down: a started day is not a day of work. */
  total: number;
  employment: number;
  assimilated: number;
  /** Days removed because a quarter would have counted more than 78. */
  quarterCapReduction: number;
  cappedQuarters: { key: string; before: number }[];
  periods: PeriodBreakdown[];
};

type CountOptions = {
  referencePeriod: ReferencePeriod;
  ruleSet: RuleSet;
  employmentPeriods: EmploymentPeriod[];
  assimilatedPeriods: AssimilatedPeriod[];
};

function describeEmployment({ period, counted, explanation }: { period: EmploymentPeriod; counted: { from: string; to: string }; explanation: string }) {
  const isPartial = counted.from !== period.from || counted.to !== period.to;
  const clipped = isPartial ? `Seule la partie du ${fr(counted.from)} au ${fr(counted.to)} est dans la période de référence. ` : "";
  const abroad =
    period.country === "BE"
      ? ""
      : ` Occupation dans un autre État coordonné (${period.country}) : comptée sous réserve du formulaire U1 (ex-E301), vérifié par l'ONEM.`;
  return { isPartial, reason: `${clipped}${explanation}${abroad}` };
}

/** Days of the 6-day scheme found in the reference period, period by period, capped per quarter. */
export function countReferenceDays({ referencePeriod, ruleSet, employmentPeriods, assimilatedPeriods }: CountOptions): ReferenceCount {
  const quarters = new Map<string, number>();
  const addToQuarter = (key: string, days: number) => quarters.set(key, (quarters.get(key) ?? 0) + days);
  const periods: PeriodBreakdown[] = [];
  let employment = 0;

  employmentPeriods.forEach((period, index) => {
    const base = { source: "EMPLOYMENT" as const, index, from: period.from, to: period.to, days: 0, extensionDays: 0 };
    const counted = intersectRanges({ a: period, b: referencePeriod });
    if (!COORDINATED_COUNTRIES.has(period.country)) {
      const reason = `Occupation hors Union européenne, EEE et Suisse (${period.country}) : non comptée automatiquement ; le collaborateur ONEM vérifie si une convention bilatérale s'applique.`;
      periods.push({ ...base, counted, status: "TO_REVIEW", reason });
    } else if (!counted) {
      const reason = `En dehors de la période de référence (du ${fr(referencePeriod.from)} au ${fr(referencePeriod.to)}).`;
      periods.push({ ...base, counted, status: "EXCLUDED", reason });
    } else {
      const conversion = convertEmploymentDays({ period, counted });
      conversion.byQuarter.forEach((days, key) => addToQuarter(key, days));
      employment += conversion.days;
      const { isPartial, reason } = describeEmployment({ period, counted, explanation: conversion.explanation });
      periods.push({ ...base, counted, days: cleanDays(conversion.days), status: isPartial ? "PARTLY_COUNTED" : "COUNTED", reason });
    }
  });

  const assimilated = countAssimilatedDays({ referencePeriod, ruleSet, employmentPeriods, assimilatedPeriods, addToQuarter });
  periods.push(...assimilated.periods.sort((a, b) => a.index - b.index));

  let exact = 0;
  const cappedQuarters: { key: string; before: number }[] = [];
  quarters.forEach((days, key) => {
    if (days > FULL_QUARTER_DAYS + EPSILON) cappedQuarters.push({ key, before: cleanDays(days) });
    exact += Math.min(days, FULL_QUARTER_DAYS);
  });
  return {
    exact: cleanDays(exact),
    total: floorDays(exact),
    employment: cleanDays(employment),
    assimilated: assimilated.days,
    quarterCapReduction: cleanDays(employment + assimilated.days - exact),
    cappedQuarters,
    periods,
  };
}

export function describeCount(count: ReferenceCount): string {
  const cap = count.quarterCapReduction > EPSILON ? ` − ${formatDays(count.quarterCapReduction)} (plafond de ${FULL_QUARTER_DAYS} jours par trimestre)` : "";
  return `${formatDays(count.employment)} jours d'occupation + ${formatDays(count.assimilated)} jours assimilés${cap} = ${formatDays(count.exact)} jours, arrondis à l'unité inférieure : ${count.total} jours.`;
}
