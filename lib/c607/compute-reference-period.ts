import { addDays, addMonths, type CalendarDate, type DateRange, fromDayNumber, toDayNumber } from "./calendar-date";
import type { RuleSet } from "./rules";
import type { AssimilatedPeriod, EmploymentPeriod } from "./types";

export type DayRange = { from: number; to: number };

export function toDayRange(range: DateRange): DayRange {
  return { from: toDayNumber(range.from), to: toDayNumber(range.to) };
}

export function isInAnyRange({ day, ranges }: { day: number; ranges: DayRange[] }): boolean {
  return ranges.some((range) => day >= range.from && day <= range.to);
}

export type ReferencePeriod = DateRange & {
  months: number;
  /** Calendar days added in front of the base period by extending periods. */
  extensionDays: number;
  /** Input index of an assimilated period → calendar days it added. */
  extensionByPeriod: Map<number, number>;
  /** Input indexes of periods of an extending kind that are too short to extend. */
  tooShortToExtend: Set<number>;
};

export function isLongEnoughToExtend({ period, ruleSet }: { period: AssimilatedPeriod; ruleSet: RuleSet }): boolean {
  const minimumMonths = ruleSet.minimumExtensionMonths[period.kind];
  if (minimumMonths === undefined) return true;
  return addMonths({ date: period.from, months: minimumMonths }) <= addDays({ date: period.to, days: 1 });
}

/**
 * The reference period ends on `endsOn` and goes back `months` calendar months. Under rules that
 * extend it, it is pushed back by the calendar days of extending periods that fall inside it;
 * pushing back can bring older extending periods inside, so this repeats until nothing changes
 * (it stops: the start only moves back, and only by days of periods that exist). Days already
 * covered by an employment period, or by another extending period, extend only once.
 */
export function computeReferencePeriod({
  endsOn,
  months,
  ruleSet,
  employmentPeriods,
  assimilatedPeriods,
}: {
  endsOn: CalendarDate;
  months: number;
  ruleSet: RuleSet;
  employmentPeriods: EmploymentPeriod[];
  assimilatedPeriods: AssimilatedPeriod[];
}): ReferencePeriod {
  const baseFrom = toDayNumber(addMonths({ date: addDays({ date: endsOn, days: 1 }), months: -months }));
  const end = toDayNumber(endsOn);
  const employment = employmentPeriods.map(toDayRange);
  const tooShortToExtend = new Set<number>();
  const extending: { index: number; range: DayRange }[] = [];
  assimilatedPeriods.forEach((period, index) => {
    if (ruleSet.assimilated[period.kind] !== "EXTEND") return;
    if (isLongEnoughToExtend({ period, ruleSet })) extending.push({ index, range: toDayRange(period) });
    else tooShortToExtend.add(index);
  });
  // Earlier periods claim shared days first, so the breakdown is stable whatever the input order.
  extending.sort((a, b) => a.range.from - b.range.from || a.index - b.index);

  let from = baseFrom;
  let extensionByPeriod = new Map<number, number>();
  for (;;) {
    extensionByPeriod = new Map();
    const claimed = new Set<number>();
    for (const { index, range } of extending) {
      for (let day = Math.max(range.from, from); day <= Math.min(range.to, end); day += 1) {
        if (claimed.has(day) || isInAnyRange({ day, ranges: employment })) continue;
        claimed.add(day);
        extensionByPeriod.set(index, (extensionByPeriod.get(index) ?? 0) + 1);
      }
    }
    const nextFrom = baseFrom - claimed.size;
    if (nextFrom === from) break;
    from = nextFrom;
  }

  return {
    from: fromDayNumber(from),
    to: endsOn,
    months,
    extensionDays: baseFrom - from,
    extensionByPeriod,
    tooShortToExtend,
  };
}
