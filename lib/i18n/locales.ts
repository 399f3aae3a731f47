// The portal's languages (issue 13). French is the default: the seeds are French and most centres
// that use the portal today work in French. The catalogue's structure takes `de` and `en` later by
// adding their folders under messages/ and their code here.
export const LOCALES = ["fr", "nl"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "fr";

/** The cookie that carries the language of this browser: the account's setting once signed in. */
export const LOCALE_COOKIE = "cpas_langue";

/** Every date and time the portal shows is Belgian time. */
export const TIME_ZONE = "Europe/Brussels";

/** BCP 47 tags for Intl and for `<html lang>`: the Belgian variants. */
export const LOCALE_TAGS: Record<Locale, string> = { fr: "fr-BE", nl: "nl-BE" };

/** Each language's own name, as the switch shows it (never translated). */
export const LOCALE_NAMES: Record<Locale, string> = { fr: "Français", nl: "Nederlands" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
