import Negotiator from "negotiator";

import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "./locales";

/**
 * The language of a request: the cookie (the account's setting, or the visible switch on the
 * anonymous pages), else the browser's Accept-Language (q-values honoured by `negotiator`; "nl-BE",
 * "nl" and "vls" count as Dutch only through their language part), else French.
 */
export function negotiateLocale(input: { cookie?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(input.cookie)) return input.cookie;
  const header = input.acceptLanguage?.slice(0, 1000);
  if (header) {
    const preferred = new Negotiator({ headers: { "accept-language": header } }).languages();
    for (const tag of preferred) {
      const language = tag.toLowerCase().split("-")[0];
      if (isLocale(language)) return language;
    }
  }
  return DEFAULT_LOCALE;
}

export { LOCALES };
