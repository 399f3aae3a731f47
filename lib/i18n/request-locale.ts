import "server-only";

import { cookies, headers } from "next/headers";

import { isLocale, LOCALE_COOKIE, LOCALE_TAGS, type Locale } from "./locales";
import { negotiateLocale } from "./negotiate";

/** The language of the current request (see lib/i18n/negotiate.ts for the order). */
export async function requestLocale(): Promise<Locale> {
  const [jar, head] = await Promise.all([cookies(), headers()]);
  return negotiateLocale({ cookie: jar.get(LOCALE_COOKIE)?.value, acceptLanguage: head.get("accept-language") });
}

/**
 * The language of a route handler's request, read from the request itself (the language cookie,
 * else Accept-Language): the same answer as requestLocale, without Next's request scope, so that a
 * handler called with a bare Request (tests, the API with a Bearer token) answers in its caller's
 * language instead of failing.
 */
export function localeOfRequest(req: Request): Locale {
  const cookie = (req.headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  return negotiateLocale({ cookie, acceptLanguage: req.headers.get("accept-language") });
}

/** next-intl's locale is the BCP 47 tag (fr-BE, nl-BE); this maps it back to the portal's code. */
export function localeOfTag(tag: string): Locale {
  const code = tag.toLowerCase().split("-")[0];
  return isLocale(code) ? code : "fr";
}

export { LOCALE_TAGS };
