import { z } from "zod";

import type { Locale } from "@/lib/i18n/locales";
import { msg } from "@/lib/i18n/message-ref";
import { formatterFor } from "@/lib/i18n/translator";
import { hasUnsafeChars } from "@/lib/validation/safe-text";

import { EVENT_GROUP_CODES } from "./event-types";

// One schema for the search form, the page's URL and the CSV export (STYLE 8). Dates are calendar
// days in Europe/Brussels, the centre's time, whatever the server's timezone.

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, msg("securityLog.errors.dayFormat"))
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && v >= "2000-01-01" && v <= "2200-12-31";
  }, msg("securityLog.errors.dayInvalid"));
const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
// An event id is a PostgreSQL bigint: 19 digits can still exceed it (9223372036854775808 made the
// page answer 500, issue 9 finding 8), so the value itself is bounded.
const MAX_BIGINT = 9_223_372_036_854_775_807n;
const cursor = z
  .string()
  .regex(/^\d{1,19}$/, msg("securityLog.errors.cursor"))
  .transform((v) => BigInt(v))
  .refine((v) => v <= MAX_BIGINT, msg("securityLog.errors.cursor"));

export const ZSecurityLogFilters = z
  .object({
    q: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .trim()
        .max(100, msg("securityLog.errors.personTooLong"))
        .refine((v) => !hasUnsafeChars(v), msg("securityLog.errors.personUnsafe"))
        .optional(),
    ),
    du: z.preprocess(emptyToUndefined, day.optional()),
    au: z.preprocess(emptyToUndefined, day.optional()),
    type: z.preprocess(emptyToUndefined, z.enum(EVENT_GROUP_CODES, { error: msg("securityLog.errors.unknownType") }).optional()),
  })
  .refine((f) => !f.du || !f.au || f.du <= f.au, { message: msg("securityLog.errors.endBeforeStart"), path: ["au"] });

export type SecurityLogFilters = z.infer<typeof ZSecurityLogFilters>;

/** Where a page starts: older than `apres` (next page) or newer than `avant` (previous page). */
export const ZPageCursor = z.object({
  apres: z.preprocess(emptyToUndefined, cursor.optional()),
  avant: z.preprocess(emptyToUndefined, cursor.optional()),
});
export type PageCursor = z.infer<typeof ZPageCursor>;

/** The filters as URL parameters (links to other pages and to the export keep them). */
export function filtersToParams(f: SecurityLogFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of ["q", "du", "au", "type"] as const) if (f[key]) p.set(key, f[key]);
  return p;
}

const BRUSSELS_WALL_CLOCK = new Intl.DateTimeFormat("en-US", {
  timeZone: "Europe/Brussels",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

function brusselsOffsetMs(instant: Date): number {
  const parts = BRUSSELS_WALL_CLOCK.formatToParts(instant);
  const n = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second")) - instant.getTime();
}

/** The instant a calendar day starts in Brussels (midnight never falls in a DST gap there). */
export function brusselsDayStart(date: string): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  const guess = utcMidnight - brusselsOffsetMs(new Date(utcMidnight));
  return new Date(utcMidnight - brusselsOffsetMs(new Date(guess)));
}

/** The instant the day after `date` starts in Brussels: the exclusive end of a range ending on `date`. */
export function brusselsDayEnd(date: string): Date {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return brusselsDayStart(next);
}

/** 24/11/2026 10:00:00 (fr), 24/11/2026, 10:00:00 (nl), Brussels time: what the table and the CSV show (the shared named format). */
export function formatBrusselsTime(d: Date, locale: Locale = "fr"): string {
  return formatterFor(locale).dateTime(d, "dateTimeSeconds");
}
