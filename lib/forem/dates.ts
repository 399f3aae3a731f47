// Contract dates are calendar days ("YYYY-MM-DD"). PostgreSQL `date` columns come back from Prisma as
// a Date at UTC midnight: converting through UTC keeps the day whatever the server's timezone.

import { toBrusselsDate } from "@/lib/c607/calendar-date";

export type CalendarDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== "string") return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  // Date.UTC rolls 2026-02-30 over to March: refuse instead of guessing.
  return y >= 1900 && y <= 2200 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function toDbDate(date: CalendarDate): Date {
  if (!isCalendarDate(date)) throw new RangeError(`Date invalide : « ${date} »`);
  return new Date(`${date}T00:00:00.000Z`);
}

export function fromDbDate(date: Date): CalendarDate {
  return date.toISOString().slice(0, 10);
}

/** 2026-03-31 → 31/03/2026, the way Belgian users read and type dates. */
export function formatDate(date: CalendarDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/** Today in Brussels, as a calendar date (attestations are dated where the centre is). */
export function todayInBrussels(now = new Date()): CalendarDate {
  return toBrusselsDate(now);
}
