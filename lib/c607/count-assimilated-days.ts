import { type DateRange, formatBelgianDate as fr, intersectRanges, quarterOfDayNumber, weekdayOfDayNumber } from "./calendar-date";
import { isInAnyRange, type ReferencePeriod, toDayRange } from "./compute-reference-period";
import { listOf } from "./list-of";
import type { RuleSet } from "./rules";
import type { AssimilatedPeriod, EmploymentPeriod, PeriodBreakdown } from "./types";
import { msg } from "@/lib/i18n/message-ref";

type CountOptions = {
  referencePeriod: ReferencePeriod;
  ruleSet: RuleSet;
  employmentPeriods: EmploymentPeriod[];
  assimilatedPeriods: AssimilatedPeriod[];
  /** Receives each counted day under its quarter key, for the 78-day cap. */
  addToQuarter: (key: string, days: number) => void;
};

const isClipped = (period: DateRange, counted: DateRange) => counted.from !== period.from || counted.to !== period.to;

/**
 * Assimilated days count Monday to Saturday (the 6-day scheme of benefits: Sundays are never
 * paid). A day already covered by an employment period, or counted for an earlier assimilated
 * period, is not counted again: overlaps are merged, never added.
 */
export function countAssimilatedDays({ referencePeriod, ruleSet, employmentPeriods, assimilatedPeriods, addToQuarter }: CountOptions) {
  const employmentRanges = employmentPeriods.map(toDayRange);
  const claimed = new Set<number>();
  const periods: PeriodBreakdown[] = [];
  let total = 0;
  const order = assimilatedPeriods.map((period, index) => ({ period, index }));
  // Earlier periods claim shared days first, so overlaps are attributed the same way every time.
  order.sort((a, b) => (a.period.from < b.period.from ? -1 : a.period.from > b.period.from ? 1 : a.index - b.index));

  for (const { period, index } of order) {
    const kind = msg(`c607.kinds.${period.kind}`);
    const treatment = ruleSet.assimilated[period.kind];
    const counted = intersectRanges({ a: period, b: referencePeriod });
    const base = { source: "ASSIMILATED" as const, index, from: period.from, to: period.to, counted, days: 0, extensionDays: 0 };
    if (treatment === "REVIEW") {
      const reason = msg("c607.calc.periods.kindToReview", { kind, rules: ruleSet.id });
      periods.push({ ...base, status: "TO_REVIEW", reason });
      continue;
    }
    if (treatment === "EXTEND") {
      const extensionDays = referencePeriod.extensionByPeriod.get(index) ?? 0;
      const reason = referencePeriod.tooShortToExtend.has(index)
        ? msg("c607.calc.periods.tooShortToExtend", { kind, months: ruleSet.minimumExtensionMonths[period.kind] ?? 0 })
        : extensionDays > 0
          ? msg("c607.calc.periods.extends", { kind, days: extensionDays })
          : msg("c607.calc.periods.doesNotExtend", { kind });
      periods.push({ ...base, extensionDays, status: extensionDays > 0 ? "EXTENDS_REFERENCE" : "EXCLUDED", reason });
      continue;
    }
    if (!counted) {
      const reason = msg("c607.calc.periods.outside", { from: fr(referencePeriod.from), to: fr(referencePeriod.to) });
      periods.push({ ...base, status: "EXCLUDED", reason });
      continue;
    }

    let days = 0;
    let coveredByWork = 0;
    let alreadyCounted = 0;
    const range = toDayRange(counted);
    for (let day = range.from; day <= range.to; day += 1) {
      if (weekdayOfDayNumber(day) === 7) continue;
      if (isInAnyRange({ day, ranges: employmentRanges })) coveredByWork += 1;
      else if (claimed.has(day)) alreadyCounted += 1;
      else {
        claimed.add(day);
        days += 1;
        addToQuarter(quarterOfDayNumber(day).key, 1);
      }
    }
    total += days;
    const notes = [
      isClipped(period, counted) ? msg("c607.calc.periods.assimilatedClipped", { from: fr(counted.from), to: fr(counted.to) }) : "",
      coveredByWork > 0 ? msg("c607.calc.periods.coveredByWork", { count: coveredByWork }) : "",
      alreadyCounted > 0 ? msg("c607.calc.periods.alreadyCounted", { count: alreadyCounted }) : "",
    ].filter(Boolean);
    const isPartial = notes.length > 0;
    const reason = isPartial
      ? msg("c607.calc.periods.assimilatedCountedWithNotes", { kind, days, notes: listOf(notes) })
      : msg("c607.calc.periods.assimilatedCounted", { kind, days });
    periods.push({ ...base, days, status: isPartial ? "PARTLY_COUNTED" : "COUNTED", reason });
  }
  return { periods, days: total };
}
