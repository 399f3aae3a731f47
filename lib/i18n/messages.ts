import { fr, nl } from "./catalogue";
import type { Locale } from "./locales";

export type Messages = typeof fr;

const CATALOGUES: Record<Locale, Messages> = { fr, nl };

export function messagesFor(locale: Locale): Messages {
  return CATALOGUES[locale];
}
