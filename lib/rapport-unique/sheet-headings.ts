import { LOCALES, type Locale } from "@/lib/i18n/locales";
import type { MessageKey } from "@/lib/i18n/message-ref";
import { translatorFor } from "@/lib/i18n/translator";

// The first row of the portal's spreadsheet templates (a measure's lines, the amounts granted), in
// the language of the person who downloads the template (issue 13). A file is accepted when its first
// row is the template's in ANY language: a template downloaded in Dutch and filled in by a French
// colleague is still the template. Columns are matched by position, so both rows mean the same.

export const HEADINGS = {
  staff: ["ru.sheet.staff.kind", "ru.sheet.staff.label", "ru.sheet.staff.from", "ru.sheet.staff.to", "ru.sheet.staff.fte", "ru.sheet.staff.cost"],
  expenses: ["ru.sheet.expenses.category", "ru.sheet.expenses.description", "ru.sheet.expenses.amount"],
  grants: ["ru.sheet.grants.entity", "ru.sheet.grants.form", "ru.sheet.grants.envelope", "ru.sheet.grants.amount"],
} as const satisfies Record<string, readonly MessageKey[]>;
export type HeadingSet = keyof typeof HEADINGS;

/** A catalogue text outside a request (the template is written for its downloader). */
export function sheetText(locale: Locale, key: MessageKey, values?: Record<string, string>): string {
  return (translatorFor(locale) as unknown as (k: string, v?: Record<string, string>) => string)(key, values);
}

export function headingsIn(set: HeadingSet, locale: Locale): string[] {
  return HEADINGS[set].map((key) => sheetText(locale, key));
}

/** Headers compared as people read them: case and spacing do not matter. */
export const norm = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();

/** Whether a file's first row (cells as text) is the template's, in French or in Dutch. */
export function isTemplateRow(set: HeadingSet, first: string[]): boolean {
  return LOCALES.some((locale) => headingsIn(set, locale).every((h, i) => norm(h) === norm(first[i] ?? "")));
}
