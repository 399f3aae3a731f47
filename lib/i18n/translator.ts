import { createFormatter, createTranslator } from "use-intl/core";

import { type Locale, LOCALE_TAGS, TIME_ZONE } from "./locales";
import { localizeWith, type Translate } from "./message-ref";
import { type Messages, messagesFor } from "./messages";

// Translations outside a request (mails, PDFs, CSV files, jobs) and the shared formats. Inside a
// request, next-intl's getTranslations()/useTranslations() read the same catalogues and formats
// through lib/i18n/request.ts.

/** Named date and number formats, the same in every language; the locale decides the words. */
export const FORMATS = {
  dateTime: {
    date: { day: "2-digit", month: "2-digit", year: "numeric", timeZone: TIME_ZONE },
    long: { day: "numeric", month: "long", year: "numeric", timeZone: TIME_ZONE },
    dateTime: { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: TIME_ZONE },
    /** To the second: the security log's table and CSV. */
    dateTimeSeconds: { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: TIME_ZONE },
    time: { hour: "2-digit", minute: "2-digit", timeZone: TIME_ZONE },
  },
  number: {
    euro: { style: "currency", currency: "EUR" },
    integer: { maximumFractionDigits: 0 },
  },
} as const;

/** `make(locale)`, made at the first call for each language and kept. */
function oncePerLanguage<T>(make: (locale: Locale) => T): (locale: Locale) => T {
  const made = new Map<Locale, T>();
  return (locale) => {
    if (!made.has(locale)) made.set(locale, make(locale));
    return made.get(locale)!;
  };
}

/** A translator over the whole catalogue (`t("mail.reset.subject")`), made once per language. */
export const translatorFor = oncePerLanguage((locale) =>
  createTranslator({ locale: LOCALE_TAGS[locale], messages: messagesFor(locale), timeZone: TIME_ZONE, formats: FORMATS }),
);

/**
 * Dates and numbers in the reader's language, made once per language: the formatter keeps the
 * `Intl` objects it builds (one per format), and each `Intl.DateTimeFormat` holds about 27 KB of
 * ICU memory that V8 does not count, so a new one per formatted date made the server's memory grow
 * with every security-log page and CSV export, and cost 50 µs a date (issue 15, docs/deployment.md).
 */
export const formatterFor = oncePerLanguage((locale) => createFormatter({ locale: LOCALE_TAGS[locale], timeZone: TIME_ZONE, formats: FORMATS }));

export function localize(locale: Locale, text: string): string {
  const t = translatorFor(locale) as unknown as Translate;
  return localizeWith(t, text);
}

export function localizeFieldErrors(locale: Locale, fieldErrors: Record<string, string[]> | undefined): Record<string, string[]> | undefined {
  if (!fieldErrors) return undefined;
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, messages]) => [field, messages.map((m) => localize(locale, m))]));
}

export type { Messages };
