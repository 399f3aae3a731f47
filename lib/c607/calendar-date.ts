// Calendar dates are plain "YYYY-MM-DD" strings. The C60.7 rules reason in Belgian calendar days;
// a JS Date would drag a time of day and a timezone into every comparison. Two CalendarDate
// strings compare correctly with < and > because the format is fixed-width.
export type CalendarDate = string;

/** An inclusive range of calendar days. */
export type DateRange = { from: CalendarDate; to: CalendarDate };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== "string") return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC silently rolls 2026-02-30 over to March: reject instead of guessing.
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Days since 1970-01-01; the one representation used for arithmetic. */
export function toDayNumber(date: CalendarDate): number {
  if (!isCalendarDate(date)) throw new RangeError(`Date invalide : « ${date} » (format attendu AAAA-MM-JJ)`);
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function fromDayNumber(dayNumber: number): CalendarDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays({ date, days }: { date: CalendarDate; days: number }): CalendarDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** ISO weekday, 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday. */
export function weekdayOfDayNumber(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

export function isoWeekday(date: CalendarDate): number {
  return weekdayOfDayNumber(toDayNumber(date));
}

/**
 * Adds (or with a negative value, subtracts) calendar months. A day that does not exist in the
 * target month is clamped to its last day (31 May − 3 months = 28/29 February), the usual reading
 * of "a period of N months" when no text says otherwise.
 */
export function addMonths({ date, months }: { date: CalendarDate; months: number }): CalendarDate {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

export function countCalendarDays({ from, to }: DateRange): number {
  return toDayNumber(to) - toDayNumber(from) + 1;
}

export function intersectRanges({ a, b }: { a: DateRange; b: DateRange }): DateRange | null {
  const from = a.from > b.from ? a.from : b.from;
  const to = a.to < b.to ? a.to : b.to;
  return from <= to ? { from, to } : null;
}

/** Calendar quarter containing the day; quarters are the unit of the 78-day rule. */
export function quarterOfDayNumber(dayNumber: number): { key: string; from: number; to: number } {
  const date = new Date(dayNumber * MS_PER_DAY);
  const year = date.getUTCFullYear();
  const quarter = Math.floor(date.getUTCMonth() / 3);
  return {
    key: `T${quarter + 1} ${year}`,
    from: Date.UTC(year, quarter * 3, 1) / MS_PER_DAY,
    to: Date.UTC(year, quarter * 3 + 3, 0) / MS_PER_DAY,
  };
}

/** Full years of age on a date (a person born on 29 February gets older on 1 March). */
export function ageOn({ birthDate, date }: { birthDate: CalendarDate; date: CalendarDate }): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

const brusselsParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Brussels",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/**
 * The calendar day an instant falls on in Belgium. A request sent at 23:30 UTC on a winter Sunday
 * reaches ONEM on Monday Belgian time, and deadlines are counted in Belgian days.
 */
export function toBrusselsDate(instant: Date): CalendarDate {
  const parts = Object.fromEntries(brusselsParts.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** "dd/mm/yyyy", how Belgian users read dates in the explanation steps and error messages. */
export function formatBelgianDate(date: CalendarDate): string {
  const [year, month, day] = date.split("-");
  return `${day}/${month}/${year}`;
}

/** « dd/mm/yyyy » of an instant, on the day it falls in Brussels. */
export const belgianDay = (d: Date) => formatBelgianDate(toBrusselsDate(d));

const frenchNumber = new Intl.NumberFormat("fr-BE", { maximumFractionDigits: 2, useGrouping: false });

/** French decimal comma, at most two decimals, no grouping (so "1560" stays searchable). */
export function formatDays(value: number): string {
  return frenchNumber.format(value);
}
