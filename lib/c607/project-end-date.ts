import { type CalendarDate, formatDays, fromDayNumber, quarterOfDayNumber, toDayNumber, weekdayOfDayNumber } from "./calendar-date";
import { describeRegime, regimeFraction } from "./convert-employment-days";
import { cleanDays, EPSILON } from "./round-days";
import { FULL_QUARTER_DAYS } from "./rules";
import type { Contract } from "./types";
import { msg } from "@/lib/i18n/message-ref";

/** Past this, the proposal is not a contract but a misunderstanding: stop and say so. */
export const PROJECTION_HORIZON_DAYS = 5 * 366;

export type ContractTimeline = {
  start: CalendarDate;
  /** Days of the 6-day scheme earned at the end of each calendar day from the start (index 0). */
  cumulativeDays: Float64Array;
  /** Days actually worked at the end of each calendar day. */
  cumulativeWorked: Uint16Array;
  perWorkedDay: number;
  explanation: string;
};

/**
 * What the contract earns, day by day. The worked days are the first `daysPerWeek` days of each
 * week from Monday: the C60.7 gives a number of days, not which ones. Legal holidays inside the
 * contract count like worked days because they are paid (which is also why a full quarter is 78
 * whatever its holidays). A quarter never earns more than 78 days, as for past work.
 */
export function buildContractTimeline({ contract }: { contract: Contract }): ContractTimeline {
  const daysPerWeek = contract.daysPerWeek ?? 5;
  const fraction = regimeFraction(contract.regime);
  const perWorkedDay = (6 / daysPerWeek) * fraction;
  const cumulativeDays = new Float64Array(PROJECTION_HORIZON_DAYS);
  const cumulativeWorked = new Uint16Array(PROJECTION_HORIZON_DAYS);
  const start = toDayNumber(contract.start);
  let total = 0;
  let worked = 0;
  let quarterKey = "";
  let quarterDays = 0;
  for (let offset = 0; offset < PROJECTION_HORIZON_DAYS; offset += 1) {
    const day = start + offset;
    const quarter = quarterOfDayNumber(day).key;
    if (quarter !== quarterKey) [quarterKey, quarterDays] = [quarter, 0];
    if (weekdayOfDayNumber(day) <= daysPerWeek) {
      const earned = Math.min(perWorkedDay, FULL_QUARTER_DAYS - quarterDays);
      quarterDays += earned;
      total += earned;
      worked += 1;
    }
    cumulativeDays[offset] = total;
    cumulativeWorked[offset] = worked;
  }
  const values = { regime: describeRegime(contract.regime), perWeek: daysPerWeek, perDay: formatDays(perWorkedDay), cap: FULL_QUARTER_DAYS };
  const explanation =
    contract.regime.kind === "PART_TIME"
      ? msg("c607.calc.conversion.contractPartTime", {
          ...values,
          hours: formatDays(contract.regime.weeklyHours),
          fullTime: formatDays(contract.regime.fullTimeWeeklyHours),
        })
      : msg("c607.calc.conversion.contract", values);
  return { start: contract.start, cumulativeDays, cumulativeWorked, perWorkedDay, explanation };
}

export type EndDateProposal = { endDate: CalendarDate; workedDays: number; contractDays: number };

/** First day at the end of which the contract has earned `days`; null past the horizon. */
export function projectEndDate({ timeline, days }: { timeline: ContractTimeline; days: number }): EndDateProposal | null {
  for (let offset = 0; offset < timeline.cumulativeDays.length; offset += 1) {
    const earned = timeline.cumulativeDays[offset]!;
    if (earned + EPSILON >= days) {
      return {
        endDate: fromDayNumber(toDayNumber(timeline.start) + offset),
        workedDays: timeline.cumulativeWorked[offset]!,
        contractDays: cleanDays(earned),
      };
    }
  }
  return null;
}

export function contractDaysUntil({ timeline, date }: { timeline: ContractTimeline; date: CalendarDate }): number {
  const offset = toDayNumber(date) - toDayNumber(timeline.start);
  if (offset < 0) return 0;
  return timeline.cumulativeDays[Math.min(offset, timeline.cumulativeDays.length - 1)]!;
}
