import { addDays, type DateRange } from "./calendar-date";
import { computeReferencePeriod, type ReferencePeriod } from "./compute-reference-period";
import { countReferenceDays } from "./count-reference-days";
import type { Requirement, RuleSet } from "./rules";
import type { AssimilatedPeriod, EmploymentPeriod } from "./types";

// T31 alternatives for workers of 36 and over (DOMAIN.md, ONEM sheet T31): fewer days in the
// reference period, made up by days of work in the 10 years that precede it — either a flat
// minimum (1,560 days), or 8 days of that history for each day missing to reach the main figure.
// The history is counted like the reference period (same conversions, quarter cap, assimilated
// days of the rule set) over the `years` years ending the day before the reference period starts.

export type HistoryCount = DateRange & { days: number };

export function countHistory(o: {
  requirement: Requirement;
  referencePeriod: ReferencePeriod;
  ruleSet: RuleSet;
  employmentPeriods: EmploymentPeriod[];
  assimilatedPeriods: AssimilatedPeriod[];
}): HistoryCount | null {
  if (!o.requirement.history) return null;
  const period = computeReferencePeriod({
    endsOn: addDays({ date: o.referencePeriod.from, days: -1 }),
    months: o.requirement.history.years * 12,
    ruleSet: o.ruleSet,
    employmentPeriods: o.employmentPeriods,
    assimilatedPeriods: o.assimilatedPeriods,
  });
  const count = countReferenceDays({
    referencePeriod: period,
    ruleSet: o.ruleSet,
    employmentPeriods: o.employmentPeriods,
    assimilatedPeriods: o.assimilatedPeriods,
  });
  return { from: period.from, to: period.to, days: count.total };
}

/**
 * The days the condition asks for in the reference period once the history is known, or null
 * when the history cannot meet it (a flat minimum not reached: days under the contract fall in
 * the reference period, never in the 10 years before it).
 */
export function requiredInReference(requirement: Requirement, history: HistoryCount | null): number | null {
  const h = requirement.history;
  if (!h) return requirement.requiredDays;
  const days = history?.days ?? 0;
  if ("minimumDays" in h) return days >= h.minimumDays ? requirement.requiredDays : null;
  return Math.max(requirement.requiredDays, h.upTo - Math.floor(days / h.daysPerMissingDay));
}
