import { ageOn, formatBelgianDate as fr } from "./calendar-date";
import type { CalculationContext } from "./build-calculation-steps";
import { claimDateFor } from "./check-end-date";
import { findAgeBand, getRulesInForce } from "./rules";

/**
 * Points the ONEM collaborator must look at before validating. None of them blocks the proposal:
 * each is a place where the texts we have, or the data the CPAS encodes, do not settle the answer.
 */
export function collectWarnings(context: CalculationContext): string[] {
  const { input, ruleSet, retained, proposal, endDateCheck } = context;
  const warnings: string[] = [...ruleSet.notes];

  if (retained.missingDays > 0 && !proposal) {
    warnings.push(`Le régime du contrat n'atteint pas les ${retained.missingDays} jours manquants en 5 ans : aucune date de fin n'est proposée.`);
  }
  if (proposal && endDateCheck && !endDateCheck.isSufficient) {
    const adjustedEnd = endDateCheck.adjustedEndDate;
    const adjusted = adjustedEnd ? `première fin qui en remplit une : ${fr(adjustedEnd)}` : "aucune fin n'en remplit une dans les 5 ans";
    const rulesAtAdjusted = adjustedEnd ? getRulesInForce(claimDateFor(adjustedEnd)) : ruleSet;
    const otherRules =
      rulesAtAdjusted.id !== ruleSet.id ? ` Une demande après cette fin relèverait des règles ${rulesAtAdjusted.id} : recalculer avec cette fin prévue.` : "";
    warnings.push(
      `Au terme proposé (${fr(proposal.endDate)}), la période de référence comptée à partir de la demande d'allocations ne contient plus que ${endDateCheck.total} jours pour ${endDateCheck.requiredDays} requis (${endDateCheck.referenceMonths} mois) : aucune condition n'est remplie ; ${adjusted}.${otherRules}`,
    );
  }

  const claimDate = claimDateFor(proposal?.endDate ?? input.contract.plannedEnd);
  const rulesAtClaim = getRulesInForce(claimDate);
  if (rulesAtClaim.id !== ruleSet.id) {
    warnings.push(
      `Une demande d'allocations le ${fr(claimDate)} relèverait des règles ${rulesAtClaim.id} et non ${ruleSet.id} (choisies d'après la fin prévue du contrat) : corriger la fin prévue et recalculer.`,
    );
  }
  const ageAtClaim = ageOn({ birthDate: input.worker.birthDate, date: claimDate });
  const bandAtClaim = findAgeBand({ ruleSet: rulesAtClaim, age: ageAtClaim });
  if (rulesAtClaim.id === ruleSet.id && bandAtClaim.label !== context.ageBand.label) {
    warnings.push(
      `Le travailleur aura ${ageAtClaim} ans le ${fr(claimDate)} (tranche « ${bandAtClaim.label} ») : le calcul utilise l'âge au début du contrat (tranche « ${context.ageBand.label} »).`,
    );
  }

  const future = [
    ...input.employmentPeriods.map((period, index) => ({ period, name: `occupation n° ${index + 1}` })),
    ...input.assimilatedPeriods.map((period, index) => ({ period, name: `période assimilée n° ${index + 1}` })),
  ].filter(({ period }) => period.to > input.calculationDate);
  for (const { period, name } of future) {
    warnings.push(
      `La ${name} se termine le ${fr(period.to)}, après la date du calcul (${fr(input.calculationDate)}) : elle est comptée comme prévue, à confirmer.`,
    );
  }

  const toReview = retained.count.periods.filter((period) => period.status === "TO_REVIEW").length;
  if (toReview > 0) warnings.push(`${toReview} période(s) ne sont pas comptées automatiquement et restent à apprécier par le collaborateur ONEM.`);
  return warnings;
}
