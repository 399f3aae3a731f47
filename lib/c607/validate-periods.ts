import { type CalendarDate, countCalendarDays, formatBelgianDate as fr, isCalendarDate } from "./calendar-date";
import { msg } from "@/lib/i18n/message-ref";

import { ASSIMILATED_KINDS, type DaysToWorkInput, type WorkRegime } from "./types";

/**
 * `path` uses the dotted form of zod issue paths ("employmentPeriods.0.to") so forms can map it;
 * `message` is a catalogue reference (c607.validation.*), read in the reader's language.
 */
export type PeriodError = { path: string; message: string };

type Push = (path: string, message: string) => void;

function checkRegime({ regime, path, push }: { regime: WorkRegime; path: string; push: Push }): void {
  if (regime.kind !== "PART_TIME") return;
  if (!(regime.fullTimeWeeklyHours > 0)) push(`${path}.fullTimeWeeklyHours`, msg("c607.validation.fullTimeHoursZero"));
  if (!(regime.weeklyHours > 0)) push(`${path}.weeklyHours`, msg("c607.validation.partTimeHoursZero"));
  else if (regime.weeklyHours > regime.fullTimeWeeklyHours) {
    push(`${path}.weeklyHours`, msg("c607.validation.partTimeExceeds", { weeklyHours: regime.weeklyHours, fullTimeWeeklyHours: regime.fullTimeWeeklyHours }));
  }
}

function checkDaysPerWeek({ value, path, push }: { value: number | undefined; path: string; push: Push }): void {
  // The 6-day scheme has no seventh day: 6 × 7/7 would count Sundays.
  if (value !== undefined && !(Number.isInteger(value) && value >= 1 && value <= 6)) {
    push(path, msg("c607.validation.daysPerWeek"));
  }
}

/** Checks both ends; returns false when the period cannot be placed on a calendar. */
/** Which period a message names: the contract, or employment / assimilated period n° `n`. */
type PeriodName = { period: "contract" | "employment" | "assimilated"; n?: number };

type RangeCheck = { from: CalendarDate; to: CalendarDate; fromPath: string; toPath: string; name: PeriodName; push: Push };

function checkRange({ from, to, fromPath, toPath, name, push }: RangeCheck): boolean {
  const isFromValid = isCalendarDate(from);
  const isToValid = isCalendarDate(to);
  if (!isFromValid) push(fromPath, msg("c607.validation.startInvalid", { ...name }));
  if (!isToValid) push(toPath, msg("c607.validation.endInvalid", { ...name }));
  if (isFromValid && isToValid && to < from) {
    push(toPath, msg("c607.validation.endBeforeStart", { ...name, to: fr(to), from: fr(from) }));
    return false;
  }
  return isFromValid && isToValid;
}

/**
 * Every problem found, as a catalogue reference, with the field it concerns. The calculation refuses input with
 * errors rather than guessing: a wrong proposal sent to ONEM costs more than a form to correct.
 */
export function validatePeriods(input: DaysToWorkInput): PeriodError[] {
  const errors: PeriodError[] = [];
  const push: Push = (path, message) => errors.push({ path, message });
  const { contract } = input;

  if (!isCalendarDate(input.calculationDate)) push("calculationDate", msg("c607.validation.calculationDateInvalid"));
  const contractRange = { from: contract.start, to: contract.plannedEnd, fromPath: "contract.start", toPath: "contract.plannedEnd" };
  checkRange({ ...contractRange, name: { period: "contract" }, push });
  checkRegime({ regime: contract.regime, path: "contract.regime", push });
  checkDaysPerWeek({ value: contract.daysPerWeek, path: "contract.daysPerWeek", push });
  if (!isCalendarDate(input.worker.birthDate)) push("worker.birthDate", msg("c607.validation.birthDateInvalid"));
  else if (isCalendarDate(contract.start) && input.worker.birthDate >= contract.start) {
    push("worker.birthDate", msg("c607.validation.birthDateAfterStart"));
  }

  const isBeforeStart = (to: CalendarDate) => !isCalendarDate(contract.start) || to < contract.start;
  const placed: { index: number; from: CalendarDate; to: CalendarDate }[] = [];

  input.employmentPeriods.forEach((period, index) => {
    const path = `employmentPeriods.${index}`;
    const name: PeriodName = { period: "employment", n: index + 1 };
    const isPlaced = checkRange({ from: period.from, to: period.to, fromPath: `${path}.from`, toPath: `${path}.to`, name, push });
    checkRegime({ regime: period.regime, path: `${path}.regime`, push });
    checkDaysPerWeek({ value: period.daysPerWeek, path: `${path}.daysPerWeek`, push });
    if (!/^[A-Z]{2}$/.test(period.country)) push(`${path}.country`, msg("c607.validation.country", { ...name }));
    if (period.declaredDays !== undefined) {
      if (period.regime.kind !== "FULL_TIME") push(`${path}.declaredDays`, msg("c607.validation.declaredDaysPartTime", { ...name }));
      else if (!(period.declaredDays >= 0)) push(`${path}.declaredDays`, msg("c607.validation.declaredDaysNegative", { ...name }));
      else if (isPlaced && period.declaredDays > countCalendarDays(period)) {
        push(`${path}.declaredDays`, msg("c607.validation.declaredDaysTooMany", { ...name, days: period.declaredDays, length: countCalendarDays(period) }));
      }
    }
    if (period.declaredHours !== undefined) {
      if (period.regime.kind !== "PART_TIME") push(`${path}.declaredHours`, msg("c607.validation.declaredHoursFullTime", { ...name }));
      else if (!(period.declaredHours >= 0)) push(`${path}.declaredHours`, msg("c607.validation.declaredHoursNegative", { ...name }));
    }
    if (!isPlaced) return;
    if (!isBeforeStart(period.to)) {
      push(`${path}.to`, msg("c607.validation.employmentNotBeforeStart", { ...name, to: fr(period.to), start: fr(contract.start) }));
    }
    for (const other of placed) {
      if (period.from <= other.to && other.from <= period.to) {
        push(
          `${path}.from`,
          msg("c607.validation.overlap", {
            ...name,
            from: fr(period.from),
            to: fr(period.to),
            other: other.index + 1,
            otherFrom: fr(other.from),
            otherTo: fr(other.to),
          }),
        );
      }
    }
    placed.push({ index, from: period.from, to: period.to });
  });

  input.assimilatedPeriods.forEach((period, index) => {
    const path = `assimilatedPeriods.${index}`;
    const name: PeriodName = { period: "assimilated", n: index + 1 };
    if (!ASSIMILATED_KINDS.includes(period.kind)) push(`${path}.kind`, msg("c607.validation.unknownKind", { ...name }));
    // Assimilated periods may overlap each other and employment: the count merges them.
    const isPlaced = checkRange({ from: period.from, to: period.to, fromPath: `${path}.from`, toPath: `${path}.to`, name, push });
    if (isPlaced && !isBeforeStart(period.to)) {
      push(`${path}.to`, msg("c607.validation.assimilatedNotBeforeStart", { ...name, to: fr(period.to), start: fr(contract.start) }));
    }
  });

  return errors;
}
