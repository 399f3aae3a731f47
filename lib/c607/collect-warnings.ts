import { ageOn, formatBelgianDate as fr } from "./calendar-date";
import type { CalculationContext } from "./build-calculation-steps";
import { claimDateFor } from "./check-end-date";
import { findAgeBand, getRulesInForce } from "./rules";
import { msg } from "@/lib/i18n/message-ref";

/**
 * Points the ONEM collaborator must look at before validating. None of them blocks the proposal:
 * each is a place where the texts we have, or the data the CPAS encodes, do not settle the answer.
 * Each warning is a catalogue reference (c607.calc.warnings.*), read in the reader's language.
 */
export function collectWarnings(context: CalculationContext): string[] {
  const { input, ruleSet, retained, proposal, endDateCheck } = context;
  const warnings: string[] = [...ruleSet.notes];

  if (retained.missingDays > 0 && !proposal) {
    warnings.push(msg("c607.calc.warnings.noEndDate", { missing: retained.missingDays }));
  }
  if (proposal && endDateCheck && !endDateCheck.isSufficient) {
    const adjustedEnd = endDateCheck.adjustedEndDate;
    const rulesAtAdjusted = adjustedEnd ? getRulesInForce(claimDateFor(adjustedEnd)) : ruleSet;
    const values = {
      endDate: fr(proposal.endDate),
      total: endDateCheck.total,
      required: endDateCheck.requiredDays,
      months: endDateCheck.referenceMonths,
      adjusted: adjustedEnd ? msg("c607.calc.warnings.adjustedEnd", { adjusted: fr(adjustedEnd) }) : msg("c607.calc.warnings.noAdjustedEnd"),
    };
    warnings.push(
      rulesAtAdjusted.id !== ruleSet.id
        ? msg("c607.calc.warnings.endCheckOtherRules", { ...values, otherRules: rulesAtAdjusted.id })
        : msg("c607.calc.warnings.endCheck", values),
    );
  }

  const claimDate = claimDateFor(proposal?.endDate ?? input.contract.plannedEnd);
  const rulesAtClaim = getRulesInForce(claimDate);
  if (rulesAtClaim.id !== ruleSet.id) {
    warnings.push(msg("c607.calc.warnings.rulesAtClaim", { claimDate: fr(claimDate), claimRules: rulesAtClaim.id, rules: ruleSet.id }));
  }
  const ageAtClaim = ageOn({ birthDate: input.worker.birthDate, date: claimDate });
  const bandAtClaim = findAgeBand({ ruleSet: rulesAtClaim, age: ageAtClaim });
  if (rulesAtClaim.id === ruleSet.id && bandAtClaim.label !== context.ageBand.label) {
    warnings.push(
      msg("c607.calc.warnings.ageBand", { age: ageAtClaim, claimDate: fr(claimDate), bandAtClaim: bandAtClaim.label, band: context.ageBand.label }),
    );
  }

  const future = [
    ...input.employmentPeriods.map((period, index) => ({ period, key: "c607.calc.warnings.futureEmployment" as const, number: index + 1 })),
    ...input.assimilatedPeriods.map((period, index) => ({ period, key: "c607.calc.warnings.futureAssimilated" as const, number: index + 1 })),
  ].filter(({ period }) => period.to > input.calculationDate);
  for (const { period, key, number } of future) {
    warnings.push(msg(key, { number, to: fr(period.to), calculationDate: fr(input.calculationDate) }));
  }

  const toReview = retained.count.periods.filter((period) => period.status === "TO_REVIEW").length;
  if (toReview > 0) warnings.push(msg("c607.calc.warnings.toReview", { count: toReview }));
  return warnings;
}
