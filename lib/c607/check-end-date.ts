import { addDays, type CalendarDate, fromDayNumber, toDayNumber } from "./calendar-date";
import { computeReferencePeriod } from "./compute-reference-period";
import { countReferenceDays } from "./count-reference-days";
import { countHistory, requiredInReference } from "./history-condition";
import { type ContractTimeline, contractDaysUntil } from "./project-end-date";
import { cleanDays, floorDays } from "./round-days";
import type { Requirement, RuleSet } from "./rules";
import type { AssimilatedPeriod, EmploymentPeriod, EndDateCheck } from "./types";

type CheckOptions = {
  endDate: CalendarDate;
  timeline: ContractTimeline;
  /** All automated conditions of the age band: meeting any one of them is enough. */
  requirements: Requirement[];
  ruleSet: RuleSet;
  employmentPeriods: EmploymentPeriod[];
  assimilatedPeriods: AssimilatedPeriod[];
};

/** The condition closest to being met (or most comfortably met) if the contract ended on endDate. */
function bestAt({ endDate, timeline, requirements, ruleSet, employmentPeriods, assimilatedPeriods }: CheckOptions) {
  const contractDays = contractDaysUntil({ timeline, date: endDate });
  const outcomes = requirements.flatMap((requirement) => {
    const referencePeriod = computeReferencePeriod({
      endsOn: endDate,
      months: requirement.referenceMonths,
      ruleSet,
      employmentPeriods,
      assimilatedPeriods,
    });
    // A history condition looks at the 10 years before this (later) reference period.
    const required = requiredInReference(requirement, countHistory({ requirement, referencePeriod, ruleSet, employmentPeriods, assimilatedPeriods }));
    if (required === null) return [];
    const pastDays = countReferenceDays({ referencePeriod, ruleSet, employmentPeriods, assimilatedPeriods }).exact;
    const exact = pastDays + contractDays;
    return [{ requirement, required, referencePeriod, pastDays, exact, total: floorDays(exact), gap: required - exact }];
  });
  // The band's main condition has no history part: there is always at least one outcome.
  return outcomes.reduce((best, outcome) => (outcome.gap < best.gap ? outcome : best));
}

/**
 * The brief's reference period ends the day before the contract, but ONEM examines admission when
 * benefits are claimed, after the contract: the reference period then ends on the last day of the
 * contract and old days drop out of it while the contract runs. This re-counts at the proposed end
 * and, when days fell out, finds the first end date that meets one of the conditions. It is a
 * check for the ONEM collaborator, not a replacement of the proposal.
 */
export function checkEndDate(options: CheckOptions): EndDateCheck {
  const atProposal = bestAt(options);
  const isSufficient = atProposal.total >= atProposal.required;
  const result = {
    requiredDays: atProposal.required,
    referenceMonths: atProposal.requirement.referenceMonths,
    referencePeriod: { from: atProposal.referencePeriod.from, to: atProposal.referencePeriod.to },
    pastDays: cleanDays(atProposal.pastDays),
    contractDays: cleanDays(contractDaysUntil({ timeline: options.timeline, date: options.endDate })),
    total: atProposal.total,
    isSufficient,
  };
  if (isSufficient) return { ...result, adjustedEndDate: options.endDate };

  const last = toDayNumber(options.timeline.start) + options.timeline.cumulativeDays.length - 1;
  let day = toDayNumber(options.endDate) + 1;
  while (day <= last) {
    const candidate = fromDayNumber(day);
    const best = bestAt({ ...options, endDate: candidate });
    if (best.total >= best.required) return { ...result, adjustedEndDate: candidate };
    // Past days only drop out as the end moves on and the contract earns at most perWorkedDay a
    // day, so no date before this one can close the smallest gap.
    day += Math.max(1, Math.floor(best.gap / options.timeline.perWorkedDay));
  }
  return { ...result, adjustedEndDate: null };
}

export function claimDateFor(endDate: CalendarDate): CalendarDate {
  return addDays({ date: endDate, days: 1 });
}
