import "server-only";

import { cookies } from "next/headers";

import { shouldUseSecureCookies } from "@/lib/auth/cookie-policy";

import { LOCALE_COOKIE, type Locale } from "./locales";

/**
 * Writes the language cookie (server actions only). Not a secret and not tied to the session: it
 * holds "fr" or "nl", for a year, so that the sign-in page of a shared office computer opens in the
 * language last used. HttpOnly: no script needs it.
 */
export async function setLocaleCookie(locale: Locale): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    sameSite: "lax",
    httpOnly: true,
    secure: shouldUseSecureCookies(),
    maxAge: 365 * 24 * 3600,
  });
}
