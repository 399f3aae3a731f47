import "server-only";

import { cookies, headers } from "next/headers";

import { isLocale, LOCALE_COOKIE, LOCALE_TAGS, type Locale } from "./locales";
import { negotiateLocale } from "./negotiate";

/** The language of the current request (see lib/i18n/negotiate.ts for the order). */
export async function requestLocale(): Promise<Locale> {
  const [jar, head] = await Promise.all([cookies(), headers()]);
  return negotiateLocale({ cookie: jar.get(LOCALE_COOKIE)?.value, acceptLanguage: head.get("accept-language") });
}

/** next-intl's locale is the BCP 47 tag (fr-BE, nl-BE); this maps it back to the portal's code. */
export function localeOfTag(tag: string): Locale {
  const code = tag.toLowerCase().split("-")[0];
  return isLocale(code) ? code : "fr";
}

export { LOCALE_TAGS };
