import type { Locale } from "@/lib/i18n/locales";
import { parseMessageRef } from "@/lib/i18n/message-ref";
import { translatorFor } from "@/lib/i18n/translator";

// The C60.7 texts stored with a request (the calculation's steps, warnings and reasons, the
// timeline's notes) are catalogue references made when they were computed, translated when a person
// reads them (issue 13). A value may itself be a reference (a condition described inside a step):
// it is translated first, in the same language. Text stored before issue 13 is plain French and is
// shown as it is. Usable outside a request (no next/headers): the hourly reminders call it too.

type Translate = (key: string, values?: Record<string, string | number>) => string;

export function localizeC607(locale: Locale, text: string): string {
  const ref = parseMessageRef(text);
  if (!ref) return text;
  const values = ref.values
    ? Object.fromEntries(Object.entries(ref.values).map(([k, v]) => [k, typeof v === "string" ? localizeC607(locale, v) : v]))
    : undefined;
  try {
    return (translatorFor(locale) as unknown as Translate)(ref.key, values);
  } catch {
    return ref.key;
  }
}
