import { addDays, type CalendarDate, fromDayNumber, isoWeekday, toBrusselsDate, toDayNumber } from "./calendar-date";

/**
 * ONEM answers "dans les cinq jours ouvrables à compter du jour ouvrable suivant la réception"
 * (seed 001). A public Dutch FAQ says "7 days": the seed wins, the figure stays a parameter.
 */
export const ONEM_PROCESSING_WORKING_DAYS = 5;

/**
 * Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). Three Belgian legal
 * holidays move with it, so it cannot be a fixed table.
 */
export function computeEasterSunday(year: number): CalendarDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export type LegalHoliday = { date: CalendarDate; name: string };

/** The ten Belgian legal holidays (loi du 4 janvier 1974, arrêté royal du 18 avril 1974). */
export function listBelgianLegalHolidays(year: number): LegalHoliday[] {
  const easter = computeEasterSunday(year);
  const fixed = (monthDay: string, name: string): LegalHoliday => ({ date: `${year}-${monthDay}`, name });
  const moving = (offset: number, name: string): LegalHoliday => ({ date: addDays({ date: easter, days: offset }), name });
  return [
    fixed("01-01", "Nouvel An"),
    moving(1, "Lundi de Pâques"),
    fixed("05-01", "Fête du Travail"),
    moving(39, "Ascension"),
    moving(50, "Lundi de Pentecôte"),
    fixed("07-21", "Fête nationale"),
    fixed("08-15", "Assomption"),
    fixed("11-01", "Toussaint"),
    fixed("11-11", "Armistice"),
    fixed("12-25", "Noël"),
  ];
}

const holidayCache = new Map<number, Set<CalendarDate>>();

export function isBelgianLegalHoliday(date: CalendarDate): boolean {
  const year = Number(date.slice(0, 4));
  let holidays = holidayCache.get(year);
  if (!holidays) {
    holidays = new Set(listBelgianLegalHolidays(year).map((holiday) => holiday.date));
    holidayCache.set(year, holidays);
  }
  return holidays.has(date);
}

/** Monday to Friday and not a legal holiday. Regional/community holidays are not ONEM holidays. */
export function isWorkingDay(date: CalendarDate): boolean {
  return isoWeekday(date) <= 5 && !isBelgianLegalHoliday(date);
}

/**
 * The `days`-th working day strictly after `from` (`from` itself never counts, whatever it is).
 * With days = 0 the date is returned unchanged.
 */
export function addWorkingDays({ from, days }: { from: CalendarDate; days: number }): CalendarDate {
  if (!Number.isInteger(days) || days < 0) throw new RangeError("Le nombre de jours ouvrables doit être un entier positif ou nul.");
  let dayNumber = toDayNumber(from);
  let remaining = days;
  while (remaining > 0) {
    dayNumber += 1;
    if (isWorkingDay(fromDayNumber(dayNumber))) remaining -= 1;
  }
  return fromDayNumber(dayNumber);
}

export type OnemDeadline = {
  /** Belgian calendar day on which the request was received. */
  receivedOn: CalendarDate;
  /** First counted day: the working day after receipt. */
  countingStartsOn: CalendarDate;
  /** Last day of the processing period (inclusive). */
  deadline: CalendarDate;
};

/**
 * Seed 001: five working days counted from the working day after receipt. Day 1 is the first
 * working day after the receipt day (a request received on a Saturday starts on Monday), so the
 * deadline is the fifth working day after the receipt day.
 */
export function computeOnemDeadline({ receivedAt, workingDays = ONEM_PROCESSING_WORKING_DAYS }: { receivedAt: Date; workingDays?: number }): OnemDeadline {
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new RangeError("Le délai doit compter au moins un jour ouvrable.");
  const receivedOn = toBrusselsDate(receivedAt);
  return {
    receivedOn,
    countingStartsOn: addWorkingDays({ from: receivedOn, days: 1 }),
    deadline: addWorkingDays({ from: receivedOn, days: workingDays }),
  };
}
