import { formatBelgianDate as fr, formatDays } from "./calendar-date";
import type { ReferencePeriod } from "./compute-reference-period";
import { describeCount, type ReferenceCount } from "./count-reference-days";
import type { HistoryCount } from "./history-condition";
import { listOf } from "./list-of";
import type { ContractTimeline, EndDateProposal } from "./project-end-date";
import { type AgeBand, FULL_QUARTER_DAYS, type Requirement, type RuleSet } from "./rules";
import { msg } from "@/lib/i18n/message-ref";

import type { CalculationStep, DaysToWorkInput, EndDateCheck, PeriodStatus } from "./types";

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

const STATUS = {
  COUNTED: "c607.calc.status.COUNTED",
  PARTLY_COUNTED: "c607.calc.status.PARTLY_COUNTED",
  EXCLUDED: "c607.calc.status.EXCLUDED",
  EXTENDS_REFERENCE: "c607.calc.status.EXTENDS_REFERENCE",
  TO_REVIEW: "c607.calc.status.TO_REVIEW",
} as const satisfies Record<PeriodStatus, string>;

/** « 312 jours en 21 mois », with its history part: a catalogue reference. */
export const describeRequirement = ({ requiredDays, referenceMonths, history }: Requirement) =>
  !history
    ? msg("c607.calc.requirement.plain", { days: requiredDays, months: referenceMonths })
    : "minimumDays" in history
      ? msg("c607.calc.requirement.withMinimum", { days: requiredDays, months: referenceMonths, minimum: history.minimumDays, years: history.years })
      : msg("c607.calc.requirement.perMissingDay", {
          days: requiredDays,
          months: referenceMonths,
          perDay: history.daysPerMissingDay,
          years: history.years,
          upTo: history.upTo,
        });

/** How the history turned into the days asked in the reference period. */
function describeHistory(e: ExaminedRequirement): string {
  const h = e.requirement.history!;
  const found = { from: fr(e.history!.from), to: fr(e.history!.to), years: h.years, referenceFrom: fr(e.referencePeriod.from), found: e.history!.days };
  if ("minimumDays" in h) {
    return e.required === null
      ? msg("c607.calc.history.minimumNotMet", { ...found, minimum: h.minimumDays, condition: describeRequirement(e.requirement) })
      : msg("c607.calc.history.minimumMet", { ...found, minimum: h.minimumDays, required: e.required, months: e.requirement.referenceMonths });
  }
  const credit = Math.floor(e.history!.days / h.daysPerMissingDay);
  return msg("c607.calc.history.perMissingDay", {
    ...found,
    perDay: h.daysPerMissingDay,
    credit,
    upTo: h.upTo,
    minimum: e.requirement.requiredDays,
    required: e.required!,
    months: e.requirement.referenceMonths,
  });
}

/** « T3 2025 » (the quarter's key) as the reader's words. */
function quarterName(key: string): string {
  const [, quarter, year] = /^T(\d) (\d{4})$/.exec(key) ?? [];
  return quarter ? msg("c607.calc.quarter", { quarter: Number(quarter), year: year! }) : key;
}

/**
 * Every step, in the order a collaborator checks them; nothing is computed here. Labels and
 * details are catalogue references (c607.calc.*): the CPAS agent and the ONEM collaborator each read
 * them in their own language (issue 13). Dates are « JJ/MM/AAAA » and decimals « 79,2 » in both.
 */
export function buildCalculationSteps(context: CalculationContext): CalculationStep[] {
  const { input, ruleSet, retained, proposal, endDateCheck } = context;
  const { contract } = input;
  const reference = retained.referencePeriod;
  const steps: CalculationStep[] = [];
  const step = (label: string, detail: string) => steps.push({ label, detail });

  step(
    msg("c607.calc.steps.rules"),
    msg("c607.calc.details.rules", {
      label: ruleSet.label,
      id: ruleSet.id,
      rulesDate: fr(context.rulesDate),
      plannedEnd: fr(contract.plannedEnd),
      source: ruleSet.source,
    }),
  );
  step(
    msg("c607.calc.steps.age"),
    msg("c607.calc.details.age", { birthDate: fr(input.worker.birthDate), age: context.ageAtStart, start: fr(contract.start), band: context.ageBand.label }),
  );
  const [main, ...alternatives] = context.ageBand.requirements;
  step(
    msg("c607.calc.steps.condition"),
    alternatives.length
      ? msg("c607.calc.details.conditionWithOthers", { main: describeRequirement(main), others: listOf(alternatives.map(describeRequirement)) })
      : msg("c607.calc.details.condition", { main: describeRequirement(main) }),
  );
  if (context.ageBand.manualAlternatives.length) {
    step(msg("c607.calc.steps.manual"), msg("c607.calc.details.manual", { conditions: listOf(context.ageBand.manualAlternatives) }));
  }
  for (const e of context.examined.filter((x) => x.history)) step(msg("c607.calc.steps.history"), describeHistory(e));
  if (context.examined.length > 1) {
    const lines = context.examined.map((e) =>
      e.required === null
        ? msg("c607.calc.details.comparisonNotMet", { condition: describeRequirement(e.requirement) })
        : msg("c607.calc.details.comparisonLine", {
            condition: describeRequirement(e.requirement),
            found: e.count.total,
            required: e.required,
            missing: e.missingDays!,
          }),
    );
    step(msg("c607.calc.steps.comparison"), msg("c607.calc.details.comparison", { lines: listOf(lines), retained: describeRequirement(retained.requirement) }));
  }

  const period = { from: fr(reference.from), to: fr(reference.to), months: reference.months, start: fr(contract.start) };
  step(
    msg("c607.calc.steps.reference"),
    reference.extensionDays > 0
      ? msg("c607.calc.details.referenceExtended", { ...period, extension: reference.extensionDays })
      : msg("c607.calc.details.reference", period),
  );

  for (const counted of retained.count.periods) {
    const where = { number: counted.index + 1, from: fr(counted.from), to: fr(counted.to) };
    const label =
      counted.source === "EMPLOYMENT"
        ? msg("c607.calc.steps.employment", { ...where, country: input.employmentPeriods[counted.index]!.country })
        : msg("c607.calc.steps.assimilated", { ...where, kind: msg(`c607.kinds.${input.assimilatedPeriods[counted.index]!.kind}`) });
    step(label, msg(STATUS[counted.status], { reason: counted.reason }));
  }
  for (const capped of retained.count.cappedQuarters) {
    step(
      msg("c607.calc.steps.quarterCap"),
      msg("c607.calc.details.quarterCap", { quarter: quarterName(capped.key), before: formatDays(capped.before), cap: FULL_QUARTER_DAYS }),
    );
  }
  step(msg("c607.calc.steps.found"), describeCount(retained.count));
  step(
    msg("c607.calc.steps.missing"),
    retained.missingDays > 0
      ? msg("c607.calc.details.missing", { required: retained.required, found: retained.count.total, missing: retained.missingDays })
      : msg("c607.calc.details.nothingMissing", { found: retained.count.total, required: retained.required }),
  );
  if (retained.missingDays === 0) return finish(steps);

  step(msg("c607.calc.steps.conversion"), context.timeline.explanation);
  step(
    msg("c607.calc.steps.proposedEnd"),
    proposal
      ? msg("c607.calc.details.proposedEnd", {
          endDate: fr(proposal.endDate),
          worked: proposal.workedDays,
          start: fr(contract.start),
          earned: formatDays(proposal.contractDays),
          missing: retained.missingDays,
        })
      : msg("c607.calc.details.noProposedEnd", { missing: retained.missingDays }),
  );
  if (endDateCheck) {
    const verdict = endDateCheck.isSufficient
      ? msg("c607.calc.details.endCheckMet")
      : endDateCheck.adjustedEndDate
        ? msg("c607.calc.details.endCheckAdjusted", { adjusted: fr(endDateCheck.adjustedEndDate) })
        : msg("c607.calc.details.endCheckNone");
    step(
      msg("c607.calc.steps.endCheck"),
      msg("c607.calc.details.endCheck", {
        condition: describeRequirement(endDateCheck),
        from: fr(endDateCheck.referencePeriod.from),
        to: fr(endDateCheck.referencePeriod.to),
        past: formatDays(endDateCheck.pastDays),
        contract: formatDays(endDateCheck.contractDays),
        total: endDateCheck.total,
        verdict,
      }),
    );
  }
  return finish(steps);
}

function finish(steps: CalculationStep[]): CalculationStep[] {
  steps.push({ label: msg("c607.calc.steps.status"), detail: msg("c607.calc.details.status") });
  return steps;
}
