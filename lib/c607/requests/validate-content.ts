import { formatBelgianDate as fr, isCalendarDate } from "@/lib/c607/calendar-date";
import { type PeriodError, validatePeriods } from "@/lib/c607/validate-periods";
import { msg } from "@/lib/i18n/message-ref";
import { checkNiss } from "@/lib/validation/niss";

import { type RequestContentLike, resolveBirthDate, toEngineInput } from "./to-engine-input";

type RegimeFields = {
  regime: "FULL_TIME" | "PART_TIME";
  weeklyHours?: number;
  fullTimeWeeklyHours?: number;
};

function checkRegimeFields(r: RegimeFields, path: string, push: (path: string, message: string) => void): void {
  if (r.regime === "PART_TIME") {
    if (r.weeklyHours === undefined) push(`${path}.weeklyHours`, msg("c607.validation.partTimeWeeklyHours"));
    if (r.fullTimeWeeklyHours === undefined) push(`${path}.fullTimeWeeklyHours`, msg("c607.validation.partTimeFullTimeHours"));
  } else if (r.weeklyHours !== undefined) {
    push(`${path}.weeklyHours`, msg("c607.validation.fullTimeNoHours"));
  }
}

/**
 * Cross-field rules of a request, on top of the field types the schema checks: the engine's own
 * validation (reversed or overlapping periods, periods after the contract start, part-time
 * hours…) plus the form's rules. Paths are dotted, like zod's, so the form shows each error on
 * its field. Pure: shared by the schema (forms and API) and the tests.
 */
export function validateRequestContent(content: RequestContentLike): PeriodError[] {
  const errors: PeriodError[] = [];
  const push = (path: string, message: string) => errors.push({ path, message });
  const { contract } = content;

  const niss = checkNiss(content.worker.niss);
  if (niss.ok && niss.birthDate && content.worker.birthDate && content.worker.birthDate !== niss.birthDate.toISOString().slice(0, 10)) {
    push("worker.birthDate", msg("c607.validation.birthDateMismatch"));
  }
  if (niss.ok && resolveBirthDate(content.worker) === null) {
    push("worker.birthDate", msg("c607.validation.birthDateMissing"));
  }
  checkRegimeFields(contract, "contract", push);
  content.employmentPeriods.forEach((p, i) => checkRegimeFields(p, `employmentPeriods.${i}`, push));
  if (isCalendarDate(contract.start) && isCalendarDate(contract.plannedEnd) && contract.plannedEnd === contract.start) {
    push("contract.plannedEnd", msg("c607.validation.plannedEndAfterStart"));
  }

  content.assimilatedPeriods.forEach((p, i) => {
    if (p.kind === "OTHER" && !p.label) push(`assimilatedPeriods.${i}.label`, msg("c607.validation.otherLabel", { n: i + 1 }));
    // An event during the contract must stay inside it (second calculation, examined by ONEM).
    if (p.from >= contract.start && p.to > contract.plannedEnd && p.to >= p.from) {
      push(`assimilatedPeriods.${i}.to`, msg("c607.validation.assimilatedAfterEnd", { n: i + 1, end: fr(contract.plannedEnd) }));
    }
  });

  if (niss.ok && resolveBirthDate(content.worker) !== null) {
    const { input, assimilatedIndex } = toEngineInput(content, contract.start);
    for (const error of validatePeriods(input)) {
      if (error.path === "calculationDate") continue;
      // The engine saw only the periods before the contract: point back at the form's rows.
      const match = /^assimilatedPeriods\.(\d+)(\..*)?$/.exec(error.path);
      const path = match ? `assimilatedPeriods.${assimilatedIndex[Number(match[1])]}${match[2] ?? ""}` : error.path;
      push(path, error.message);
    }
  }
  return dedupe(errors);
}

function dedupe(errors: PeriodError[]): PeriodError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path}|${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
