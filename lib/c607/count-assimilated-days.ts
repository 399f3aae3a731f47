import { type DateRange, formatBelgianDate as fr, intersectRanges, quarterOfDayNumber, weekdayOfDayNumber } from "./calendar-date";
import { isInAnyRange, type ReferencePeriod, toDayRange } from "./compute-reference-period";
import type { RuleSet } from "./rules";
import { ASSIMILATED_KIND_LABELS, type AssimilatedPeriod, type EmploymentPeriod, type PeriodBreakdown } from "./types";

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
    const kind = ASSIMILATED_KIND_LABELS[period.kind];
    const treatment = ruleSet.assimilated[period.kind];
    const counted = intersectRanges({ a: period, b: referencePeriod });
    const base = { source: "ASSIMILATED" as const, index, from: period.from, to: period.to, counted, days: 0, extensionDays: 0 };
    if (treatment === "REVIEW") {
      const reason = `${kind} : type de période non traité automatiquement par les règles ${ruleSet.id} ; à apprécier par le collaborateur ONEM.`;
      periods.push({ ...base, status: "TO_REVIEW", reason });
      continue;
    }
    if (treatment === "EXTEND") {
      const extensionDays = referencePeriod.extensionByPeriod.get(index) ?? 0;
      const reason = referencePeriod.tooShortToExtend.has(index)
        ? `${kind} de moins de ${ruleSet.minimumExtensionMonths[period.kind]} mois : ne prolonge pas la période de référence.`
        : extensionDays > 0
          ? `${kind} : ne compte pas de jours mais prolonge la période de référence de ${extensionDays} jours calendrier (jours non couverts par une occupation ni par une autre période).`
          : `${kind} : ne prolonge pas la période de référence (hors période ou jours déjà couverts).`;
      periods.push({ ...base, extensionDays, status: extensionDays > 0 ? "EXTENDS_REFERENCE" : "EXCLUDED", reason });
      continue;
    }
    if (!counted) {
      const reason = `En dehors de la période de référence (du ${fr(referencePeriod.from)} au ${fr(referencePeriod.to)}).`;
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
      isClipped(period, counted) ? `seule la partie du ${fr(counted.from)} au ${fr(counted.to)} est dans la période de référence` : "",
      coveredByWork > 0 ? `${coveredByWork} jour(s) déjà couvert(s) par une occupation, non comptés deux fois` : "",
      alreadyCounted > 0 ? `${alreadyCounted} jour(s) déjà compté(s) dans une autre période assimilée (chevauchement), non comptés deux fois` : "",
    ].filter(Boolean);
    const isPartial = notes.length > 0;
    const reason = `${kind} : ${days} jour(s) assimilé(s), régime 6 jours (du lundi au samedi, dimanches exclus)${isPartial ? ` ; ${notes.join(" ; ")}` : ""}.`;
    periods.push({ ...base, days, status: isPartial ? "PARTLY_COUNTED" : "COUNTED", reason });
  }
  return { periods, days: total };
}
