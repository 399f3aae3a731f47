import { countCalendarDays, type DateRange, formatDays, quarterOfDayNumber, weekdayOfDayNumber } from "./calendar-date";
import { toDayRange } from "./compute-reference-period";
import { listOf } from "./list-of";
import { FULL_QUARTER_DAYS } from "./rules";
import type { EmploymentPeriod, WorkRegime } from "./types";
import { msg } from "@/lib/i18n/message-ref";

/** Share of a full-time job: part-time counts hours × 6 / full-time weekly hours (T31). */
export function regimeFraction(regime: WorkRegime): number {
  return regime.kind === "FULL_TIME" ? 1 : regime.weeklyHours / regime.fullTimeWeeklyHours;
}

/** « temps plein » / « temps partiel 19 h / 38 h »: a catalogue reference. */
export function describeRegime(regime: WorkRegime): string {
  return regime.kind === "FULL_TIME"
    ? msg("c607.calc.regime.fullTime")
    : msg("c607.calc.regime.partTime", { hours: formatDays(regime.weeklyHours), fullTime: formatDays(regime.fullTimeWeeklyHours) });
}

export type EmploymentConversion = {
  /** Days in the 6-day scheme per calendar quarter key ("T3 2025"), before the quarter cap. */
  byQuarter: Map<string, number>;
  days: number;
  /** A catalogue reference (c607.calc.conversion.*), one sentence per rule applied. */
  explanation: string;
};

/**
 * Converts the part of an employment period inside the reference period (`counted`) into days of
 * the 6-day scheme. Declared days or hours win over the regime, because they describe what was
 * really worked; when the period sticks out of the reference period they are taken pro rata of
 * calendar days, the only split that needs no extra data from the CPAS.
 */
export function convertEmploymentDays({ period, counted }: { period: EmploymentPeriod; counted: DateRange }): EmploymentConversion {
  const daysPerWeek = period.daysPerWeek ?? 5;
  const fraction = regimeFraction(period.regime);
  const range = toDayRange(counted);
  const share = countCalendarDays(counted) / countCalendarDays(period);
  const prorata = share < 1 ? msg("c607.calc.conversion.prorata", { inside: countCalendarDays(counted), total: countCalendarDays(period) }) : "";
  const byQuarter = new Map<string, number>();
  const add = (key: string, days: number) => byQuarter.set(key, (byQuarter.get(key) ?? 0) + days);

  let declaredTotal: number | null = null;
  let explanation = "";
  if (period.declaredDays !== undefined) {
    declaredTotal = (period.declaredDays * 6) / daysPerWeek;
    explanation = msg("c607.calc.conversion.declaredDays", {
      declared: formatDays(period.declaredDays),
      perWeek: daysPerWeek,
      days: formatDays(declaredTotal),
      prorata,
    });
  } else if (period.declaredHours !== undefined && period.regime.kind === "PART_TIME") {
    declaredTotal = (period.declaredHours * 6) / period.regime.fullTimeWeeklyHours;
    explanation = msg("c607.calc.conversion.declaredHours", {
      hours: formatDays(period.declaredHours),
      fullTime: formatDays(period.regime.fullTimeWeeklyHours),
      days: formatDays(declaredTotal),
      prorata,
    });
  }

  let fullQuarters = 0;
  let weekdays = 0;
  for (let day = range.from; day <= range.to;) {
    const quarter = quarterOfDayNumber(day);
    const segmentEnd = Math.min(quarter.to, range.to);
    if (declaredTotal !== null) {
      add(quarter.key, (declaredTotal * (segmentEnd - day + 1)) / countCalendarDays(period));
    } else if (day === quarter.from && segmentEnd === quarter.to) {
      fullQuarters += 1;
      add(quarter.key, FULL_QUARTER_DAYS * fraction);
    } else {
      let segmentWeekdays = 0;
      for (let d = day; d <= segmentEnd; d += 1) if (weekdayOfDayNumber(d) <= daysPerWeek) segmentWeekdays += 1;
      weekdays += segmentWeekdays;
      add(quarter.key, ((segmentWeekdays * 6) / daysPerWeek) * fraction);
    }
    day = segmentEnd + 1;
  }
  const days = [...byQuarter.values()].reduce((sum, value) => sum + value, 0);

  if (declaredTotal === null) {
    const parts: string[] = [];
    if (fullQuarters > 0) {
      parts.push(
        msg("c607.calc.conversion.fullQuarters", { quarters: fullQuarters, cap: FULL_QUARTER_DAYS, days: formatDays(fullQuarters * FULL_QUARTER_DAYS) }),
      );
    }
    if (weekdays > 0 || fullQuarters === 0) {
      parts.push(
        msg("c607.calc.conversion.weekdays", { weekdays, lastDay: String(daysPerWeek), perWeek: daysPerWeek, days: formatDays((weekdays * 6) / daysPerWeek) }),
      );
    }
    const regime = period.regime.kind === "PART_TIME" ? period.regime : null;
    explanation = msg("c607.calc.conversion.regime", {
      kind: regime ? "partTime" : "fullTime",
      hours: regime ? formatDays(regime.weeklyHours) : "",
      fullTime: regime ? formatDays(regime.fullTimeWeeklyHours) : "",
      parts: listOf(parts),
    });
    if (regime && fraction !== 1) {
      explanation = msg("c607.calc.conversion.partTimeFraction", {
        explanation,
        hours: formatDays(regime.weeklyHours),
        fullTime: formatDays(regime.fullTimeWeeklyHours),
        days: formatDays(days),
      });
    }
  }
  return { byQuarter, days, explanation };
}
