import { msg } from "@/lib/i18n/message-ref";

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

/** Why an employment period counts what it counts: a catalogue reference (c607.calc.periods.*). */
function describeEmployment({ period, counted, explanation }: { period: EmploymentPeriod; counted: { from: string; to: string }; explanation: string }) {
  const isPartial = counted.from !== period.from || counted.to !== period.to;
  let reason = explanation;
  if (period.country !== "BE") reason = msg("c607.calc.periods.abroad", { explanation: reason, country: period.country });
  if (isPartial) reason = msg("c607.calc.periods.clipped", { from: fr(counted.from), to: fr(counted.to), explanation: reason });
  return { isPartial, reason };
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
      const reason = msg("c607.calc.periods.outsideCoordination", { country: period.country });
      periods.push({ ...base, counted, status: "TO_REVIEW", reason });
    } else if (!counted) {
      const reason = msg("c607.calc.periods.outside", { from: fr(referencePeriod.from), to: fr(referencePeriod.to) });
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
  const values = {
    employment: formatDays(count.employment),
    assimilated: formatDays(count.assimilated),
    exact: formatDays(count.exact),
    total: count.total,
  };
  return count.quarterCapReduction > EPSILON
    ? msg("c607.calc.details.foundCapped", { ...values, reduction: formatDays(count.quarterCapReduction), cap: FULL_QUARTER_DAYS })
    : msg("c607.calc.details.found", values);
}
