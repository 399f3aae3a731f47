import { countCalendarDays, type DateRange, formatDays, quarterOfDayNumber, weekdayOfDayNumber } from "./calendar-date";
import { toDayRange } from "./compute-reference-period";
import { FULL_QUARTER_DAYS } from "./rules";
import type { EmploymentPeriod, WorkRegime } from "./types";

const LAST_WORKED_DAY = ["", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];

/** Share of a full-time job: part-time counts hours × 6 / full-time weekly hours (T31). */
export function regimeFraction(regime: WorkRegime): number {
  return regime.kind === "FULL_TIME" ? 1 : regime.weeklyHours / regime.fullTimeWeeklyHours;
}

export function describeRegime(regime: WorkRegime): string {
  return regime.kind === "FULL_TIME" ? "temps plein" : `temps partiel ${formatDays(regime.weeklyHours)} h / ${formatDays(regime.fullTimeWeeklyHours)} h`;
}

export type EmploymentConversion = {
  /** Days in the 6-day scheme per calendar quarter key ("T3 2025"), before the quarter cap. */
  byQuarter: Map<string, number>;
  days: number;
  /** French, one sentence per rule applied. */
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
  const prorata =
    share < 1 ? ` Au prorata des ${countCalendarDays(counted)} jours calendrier sur ${countCalendarDays(period)} situés dans la période de référence.` : "";
  const byQuarter = new Map<string, number>();
  const add = (key: string, days: number) => byQuarter.set(key, (byQuarter.get(key) ?? 0) + days);

  let declaredTotal: number | null = null;
  let explanation = "";
  if (period.declaredDays !== undefined) {
    declaredTotal = (period.declaredDays * 6) / daysPerWeek;
    explanation = `Temps plein non continu : ${formatDays(period.declaredDays)} jours prestés × 6 / ${daysPerWeek} = ${formatDays(declaredTotal)} jours.${prorata}`;
  } else if (period.declaredHours !== undefined && period.regime.kind === "PART_TIME") {
    declaredTotal = (period.declaredHours * 6) / period.regime.fullTimeWeeklyHours;
    explanation = `Temps partiel : ${formatDays(period.declaredHours)} heures prestées × 6 / ${formatDays(period.regime.fullTimeWeeklyHours)} h = ${formatDays(declaredTotal)} jours.${prorata}`;
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
    if (fullQuarters > 0) parts.push(`${fullQuarters} trimestre(s) complet(s) × ${FULL_QUARTER_DAYS} = ${formatDays(fullQuarters * FULL_QUARTER_DAYS)} jours`);
    if (weekdays > 0 || fullQuarters === 0) {
      parts.push(
        `${weekdays} jour(s) du lundi au ${LAST_WORKED_DAY[daysPerWeek]} hors trimestre complet × 6 / ${daysPerWeek} = ${formatDays((weekdays * 6) / daysPerWeek)} jours`,
      );
    }
    const regimeText = describeRegime(period.regime);
    explanation = `${regimeText.charAt(0).toUpperCase()}${regimeText.slice(1)} : ${parts.join(" ; ")}.`;
    if (fraction !== 1 && period.regime.kind === "PART_TIME") {
      explanation += ` Temps partiel : × ${formatDays(period.regime.weeklyHours)} / ${formatDays(period.regime.fullTimeWeeklyHours)} h = ${formatDays(days)} jours.`;
    }
  }
  return { byQuarter, days, explanation };
}
