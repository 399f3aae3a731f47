import "server-only";

import { getLocale, getTranslations } from "next-intl/server";

import { localeOfTag } from "./request-locale";
import { localizeFieldErrors as localizeFieldErrorsIn, localize as localizeIn } from "./translator";
import type { Locale } from "./locales";

/** The portal's language code of the current request (fr / nl). */
export async function currentLocale(): Promise<Locale> {
  return localeOfTag(await getLocale());
}

/** A server message (reference or legacy text) in the current request's language. */
export async function localizeForRequest(text: string): Promise<string> {
  return localizeIn(await currentLocale(), text);
}

export async function localizeFieldErrorsForRequest(fieldErrors: Record<string, string[]> | undefined) {
  return localizeFieldErrorsIn(await currentLocale(), fieldErrors);
}

export { getTranslations };
