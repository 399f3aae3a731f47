"use client";

import { useTranslations } from "next-intl";

import { localizeWith, type Translate } from "@/lib/i18n/message-ref";

/**
 * In the browser, a message computed by shared code (catalogue references: the Rapport unique's
 * rules, the encryption island's checks) in the page's language; any other text as it is. The
 * catalogue is the one next-intl's provider already holds (no extra download); the same rule as
 * the server's `localize` (lib/i18n/message-ref.ts), nested references included.
 */
export function useLocalize(): (text: string) => string {
  const t = useTranslations() as unknown as Translate;
  return (text) => localizeWith(t, text);
}
