import { addDays, ageOn } from "./calendar-date";
import { buildCalculationSteps, type CalculationContext, type ExaminedRequirement, type RequirementEvaluation } from "./build-calculation-steps";
import { checkEndDate, claimDateFor } from "./check-end-date";
import { collectWarnings } from "./collect-warnings";
import { computeReferencePeriod } from "./compute-reference-period";
import { countReferenceDays } from "./count-reference-days";
import { countHistory, requiredInReference } from "./history-condition";
import { buildContractTimeline, projectEndDate } from "./project-end-date";
import { findAgeBand, getRulesInForce } from "./rules";
import type { DaysToWorkInput, DaysToWorkResult } from "./types";
import { type PeriodError, validatePeriods } from "./validate-periods";

/** Thrown when the input has errors; callers show `errors` (from validatePeriods) on the form. */
export class InvalidC607InputError extends Error {
  readonly errors: PeriodError[];

  constructor(errors: PeriodError[]) {
    super(`Demande C60.7 invalide : ${errors.map((error) => `${error.path} — ${error.message}`).join(" | ")}`);
    this.name = "InvalidC607InputError";
    this.errors = errors;
  }
}

/**
 * Proposes the number of days an article 60 worker must still work and the contract end date
 * that reaches them. The reference period ends the day before the contract starts (the C60.7
 * describes the career before the contract); `endDateCheck` re-counts at the proposed end, where
 * ONEM will actually look. Every result is a proposal for an ONEM collaborator (seed 001).
 */
export function calculateDaysToWork(input: DaysToWorkInput): DaysToWorkResult {
  const errors = validatePeriods(input);
  if (errors.length > 0) throw new InvalidC607InputError(errors);
  const { contract, employmentPeriods, assimilatedPeriods } = input;

  const rulesDate = claimDateFor(contract.plannedEnd);
  const ruleSet = getRulesInForce(rulesDate);
  const ageAtStart = ageOn({ birthDate: input.worker.birthDate, date: contract.start });
  const ageBand = findAgeBand({ ruleSet, age: ageAtStart });
  const referenceEnd = addDays({ date: contract.start, days: -1 });

  const examined: ExaminedRequirement[] = ageBand.requirements.map((requirement) => {
    const referencePeriod = computeReferencePeriod({
      endsOn: referenceEnd,
      months: requirement.referenceMonths,
      ruleSet,
      employmentPeriods,
      assimilatedPeriods,
    });
    const count = countReferenceDays({ referencePeriod, ruleSet, employmentPeriods, assimilatedPeriods });
    const history = countHistory({ requirement, referencePeriod, ruleSet, employmentPeriods, assimilatedPeriods });
    const required = requiredInReference(requirement, history);
    return { requirement, referencePeriod, count, history, required, missingDays: required === null ? null : Math.max(0, required - count.total) };
  });
  // A condition whose history minimum is not met cannot be reached by working under the contract.
  const evaluations = examined.filter((e): e is RequirementEvaluation => e.required !== null);
  // The worker is admissible under any of the conditions, so the one leaving the fewest days
  // wins; on a tie the main condition (listed first) is kept because it is the one ONEM cites.
  const retained = evaluations.reduce((best, evaluation) => (evaluation.missingDays < best.missingDays ? evaluation : best));

  const timeline = buildContractTimeline({ contract });
  const proposal = retained.missingDays > 0 ? projectEndDate({ timeline, days: retained.missingDays }) : null;
  const endDateCheck = proposal
    ? checkEndDate({
        endDate: proposal.endDate,
        timeline,
        requirements: ageBand.requirements,
        ruleSet,
        employmentPeriods,
        assimilatedPeriods,
      })
    : null;

  const context: CalculationContext = {
    input,
    ruleSet,
    rulesDate,
    ageAtStart,
    ageBand,
    examined,
    evaluations,
    retained,
    timeline,
    proposal,
    endDateCheck,
  };
  const { referencePeriod, count } = retained;
  return {
    rulesetId: ruleSet.id,
    rulesDate,
    calculationDate: input.calculationDate,
    ageAtStart,
    requiredDays: retained.required,
    referencePeriod: {
      from: referencePeriod.from,
      to: referencePeriod.to,
      months: referencePeriod.months,
      extensionDays: referencePeriod.extensionDays,
    },
    countedDays: {
      total: count.total,
      exact: count.exact,
      employment: count.employment,
      assimilated: count.assimilated,
      quarterCapReduction: count.quarterCapReduction,
      periods: count.periods,
    },
    missingDays: retained.missingDays,
    proposedEndDate: proposal?.endDate ?? null,
    outcomes: evaluations.map((evaluation) => ({
      requiredDays: evaluation.required,
      referenceMonths: evaluation.requirement.referenceMonths,
      referencePeriod: { from: evaluation.referencePeriod.from, to: evaluation.referencePeriod.to },
      countedDays: evaluation.count.total,
      missingDays: evaluation.missingDays,
      ...(evaluation.history ? { history: evaluation.history } : {}),
    })),
    manualAlternatives: ageBand.manualAlternatives,
    endDateCheck,
    warnings: collectWarnings(context),
    steps: buildCalculationSteps(context),
    isProposal: true,
  };
}
