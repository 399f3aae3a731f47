import { formatBelgianDate as fr, formatDays } from "./calendar-date";
import type { ReferencePeriod } from "./compute-reference-period";
import { describeCount, type ReferenceCount } from "./count-reference-days";
import type { HistoryCount } from "./history-condition";
import type { ContractTimeline, EndDateProposal } from "./project-end-date";
import { type AgeBand, FULL_QUARTER_DAYS, type Requirement, type RuleSet } from "./rules";
import { ASSIMILATED_KIND_LABELS, type CalculationStep, type DaysToWorkInput, type EndDateCheck, type PeriodStatus } from "./types";

/** One condition of the age band, counted; `required` is null when its history minimum is not met. */
export type ExaminedRequirement = {
  requirement: Requirement;
  referencePeriod: ReferencePeriod;
  count: ReferenceCount;
  history: HistoryCount | null;
  required: number | null;
  missingDays: number | null;
};
/** A condition the contract can still meet. */
export type RequirementEvaluation = ExaminedRequirement & { required: number; missingDays: number };

export type CalculationContext = {
  input: DaysToWorkInput;
  ruleSet: RuleSet;
  rulesDate: string;
  ageAtStart: number;
  ageBand: AgeBand;
  examined: ExaminedRequirement[];
  evaluations: RequirementEvaluation[];
  retained: RequirementEvaluation;
  timeline: ContractTimeline;
  proposal: EndDateProposal | null;
  endDateCheck: EndDateCheck | null;
};

const STATUS_PREFIX: Record<PeriodStatus, string> = {
  COUNTED: "Comptée",
  PARTLY_COUNTED: "Comptée en partie",
  EXCLUDED: "Non comptée",
  EXTENDS_REFERENCE: "Prolonge la période de référence",
  TO_REVIEW: "À examiner par le collaborateur ONEM",
};

export const describeRequirement = ({ requiredDays, referenceMonths, history }: Requirement) =>
  `${requiredDays} jours en ${referenceMonths} mois${!history ? "" : "minimumDays" in history ? ` et ${history.minimumDays} jours de travail dans les ${history.years} ans qui précèdent` : ` et ${history.daysPerMissingDay} jours de travail dans les ${history.years} ans qui précèdent par jour manquant pour atteindre ${history.upTo}`}`;

/** How the history turned into the days asked in the reference period. */
function describeHistory(e: ExaminedRequirement): string {
  const h = e.requirement.history!;
  const found = `du ${fr(e.history!.from)} au ${fr(e.history!.to)} (${h.years} ans avant la période de référence du ${fr(e.referencePeriod.from)}) : ${e.history!.days} jours de travail`;
  if ("minimumDays" in h) {
    return e.required === null
      ? `${found}, moins que les ${h.minimumDays} exigés : la condition « ${describeRequirement(e.requirement)} » ne peut pas être remplie (le contrat ne compte que dans la période de référence).`
      : `${found}, au moins les ${h.minimumDays} exigés : il suffit de ${e.required} jours en ${e.requirement.referenceMonths} mois.`;
  }
  const credit = Math.floor(e.history!.days / h.daysPerMissingDay);
  return `${found} ; ${e.history!.days} ÷ ${h.daysPerMissingDay} = ${credit} jour(s) compensé(s) : il faut ${h.upTo} − ${credit}, au moins ${e.requirement.requiredDays}, soit ${e.required} jours en ${e.requirement.referenceMonths} mois.`;
}

/** Every step, in French, in the order a collaborator checks them; nothing is computed here. */
export function buildCalculationSteps(context: CalculationContext): CalculationStep[] {
  const { input, ruleSet, retained, proposal, endDateCheck } = context;
  const { contract } = input;
  const reference = retained.referencePeriod;
  const steps: CalculationStep[] = [];
  const step = (label: string, detail: string) => steps.push({ label, detail });

  step(
    "Règles appliquées",
    `${ruleSet.label} (${ruleSet.id}). Choisies d'après la date prévue de la demande d'allocations, le ${fr(context.rulesDate)}, lendemain de la fin prévue du contrat (${fr(contract.plannedEnd)}) : l'admissibilité s'examine à la demande, après le contrat. Source : ${ruleSet.source}.`,
  );
  step(
    "Âge au début du contrat",
    `Né(e) le ${fr(input.worker.birthDate)} : ${context.ageAtStart} ans le ${fr(contract.start)}, tranche « ${context.ageBand.label} ».`,
  );
  const [main, ...alternatives] = context.ageBand.requirements;
  step(
    "Condition d'admissibilité",
    `${describeRequirement(main)}${alternatives.length ? ` ; autres conditions examinées : ${alternatives.map(describeRequirement).join(", ")}` : ""}.`,
  );
  if (context.ageBand.manualAlternatives.length) {
    step(
      "Conditions non automatisées",
      `Elles demandent l'historique des 10 dernières années et sont laissées au collaborateur ONEM : ${context.ageBand.manualAlternatives.join(" ; ")}.`,
    );
  }
  for (const e of context.examined.filter((x) => x.history)) step("Historique des 10 ans", describeHistory(e));
  if (context.examined.length > 1) {
    const lines = context.examined.map((e) =>
      e.required === null
        ? `${describeRequirement(e.requirement)} : non remplie (historique insuffisant)`
        : `${describeRequirement(e.requirement)} : ${e.count.total} jours trouvés pour ${e.required}, ${e.missingDays} manquants`,
    );
    step(
      "Comparaison des conditions",
      `${lines.join(" ; ")}. Retenue : ${describeRequirement(retained.requirement)}, celle qui laisse le moins de jours à prester (à égalité, la condition principale).`,
    );
  }

  const extension =
    reference.extensionDays > 0
      ? ` Prolongée de ${reference.extensionDays} jours calendrier par les périodes qui, selon ces règles, allongent la période de référence (détail ci-dessous).`
      : "";
  step(
    "Période de référence",
    `Du ${fr(reference.from)} au ${fr(reference.to)} : ${reference.months} mois se terminant la veille du début du contrat (${fr(contract.start)}).${extension}`,
  );

  for (const period of retained.count.periods) {
    const where = `du ${fr(period.from)} au ${fr(period.to)}`;
    const label =
      period.source === "EMPLOYMENT"
        ? `Occupation n° ${period.index + 1} (${input.employmentPeriods[period.index]!.country}, ${where})`
        : `Période assimilée n° ${period.index + 1} : ${ASSIMILATED_KIND_LABELS[input.assimilatedPeriods[period.index]!.kind]} (${where})`;
    step(label, `${STATUS_PREFIX[period.status]}. ${period.reason}`);
  }
  for (const capped of retained.count.cappedQuarters) {
    step(
      "Plafond trimestriel",
      `${capped.key} : ${formatDays(capped.before)} jours ramenés à ${FULL_QUARTER_DAYS} (un trimestre ne compte jamais plus de ${FULL_QUARTER_DAYS} jours).`,
    );
  }
  step("Jours trouvés", describeCount(retained.count));
  step(
    "Jours manquants",
    retained.missingDays > 0
      ? `${retained.required} − ${retained.count.total} = ${retained.missingDays} jours à prester sous contrat.`
      : `Aucun : ${retained.count.total} jours trouvés pour ${retained.required} requis. La condition semble déjà remplie ; le collaborateur ONEM le confirme.`,
  );
  if (retained.missingDays === 0) return finish(steps);

  step("Conversion du régime du contrat", context.timeline.explanation);
  step(
    "Date de fin proposée",
    proposal
      ? `Le ${fr(proposal.endDate)} : ${proposal.workedDays} jours prestés depuis le ${fr(contract.start)} donnent ${formatDays(proposal.contractDays)} jours, soit au moins les ${retained.missingDays} manquants. C'est le premier jour où le total est atteint ; aucun jour de plus n'est ajouté.`
      : `Aucune : le régime du contrat n'atteint pas ${retained.missingDays} jours en 5 ans.`,
  );
  if (endDateCheck) {
    const verdict = endDateCheck.isSufficient
      ? "la condition est remplie."
      : `aucune condition n'est remplie : des jours anciens sortent de la période. ${endDateCheck.adjustedEndDate ? `Première fin qui en remplit une : ${fr(endDateCheck.adjustedEndDate)}.` : "Aucune fin n'en remplit une dans les 5 ans."}`;
    step(
      "Contrôle au terme",
      `Si la période de référence est comptée à partir de la demande d'allocations (condition la plus favorable : ${describeRequirement(endDateCheck)}), elle va du ${fr(endDateCheck.referencePeriod.from)} au ${fr(endDateCheck.referencePeriod.to)} : ${formatDays(endDateCheck.pastDays)} jours antérieurs + ${formatDays(endDateCheck.contractDays)} jours du contrat = ${endDateCheck.total} jours (arrondi inférieur) ; ${verdict}`,
    );
  }
  return finish(steps);
}

function finish(steps: CalculationStep[]): CalculationStep[] {
  steps.push({
    label: "Statut",
    detail: "Proposition calculée automatiquement, à valider par un collaborateur de l'ONEM avant toute réponse au CPAS.",
  });
  return steps;
}
