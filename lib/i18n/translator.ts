import { createFormatter, createTranslator } from "use-intl/core";

import { type Locale, LOCALE_TAGS, TIME_ZONE } from "./locales";
import { parseMessageRef } from "./message-ref";
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
    time: { hour: "2-digit", minute: "2-digit", timeZone: TIME_ZONE },
  },
  number: {
    euro: { style: "currency", currency: "EUR" },
    integer: { maximumFractionDigits: 0 },
  },
} as const;

function makeTranslator(locale: Locale) {
  return createTranslator({ locale: LOCALE_TAGS[locale], messages: messagesFor(locale), timeZone: TIME_ZONE, formats: FORMATS });
}
const translators = new Map<Locale, ReturnType<typeof makeTranslator>>();

/** A translator over the whole catalogue (`t("mail.reset.subject")`), made once per language. */
export function translatorFor(locale: Locale) {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = makeTranslator(locale)));
  return t;
}

export function formatterFor(locale: Locale) {
  return createFormatter({ locale: LOCALE_TAGS[locale], timeZone: TIME_ZONE, formats: FORMATS });
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * The text of a server message in a language: a message reference (lib/i18n/message-ref.ts) is
 * translated; any other text is returned as it is (a legacy French message not yet moved to the
 * catalogue — the test lib/i18n/no-hard-coded-text.test.ts lists where those remain).
 */
export function localizeWith(translate: Translate, text: string): string {
  const ref = parseMessageRef(text);
  if (!ref) return text;
  // A value may itself be a reference (a field's name inside a field error): translated first.
  const values = ref.values && Object.fromEntries(Object.entries(ref.values).map(([k, v]) => [k, typeof v === "string" ? localizeWith(translate, v) : v]));
  try {
    return translate(ref.key, values);
  } catch {
    return ref.key;
  }
}

export function localize(locale: Locale, text: string): string {
  const t = translatorFor(locale) as unknown as Translate;
  return localizeWith(t, text);
}

export function localizeFieldErrors(locale: Locale, fieldErrors: Record<string, string[]> | undefined): Record<string, string[]> | undefined {
  if (!fieldErrors) return undefined;
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, messages]) => [field, messages.map((m) => localize(locale, m))]));
}

export type { Messages };
