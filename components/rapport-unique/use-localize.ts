"use client";

import { useTranslations } from "next-intl";

import { parseMessageRef } from "@/lib/i18n/message-ref";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * In the browser, a message computed by the shared rules (lib/rapport-unique/check-form.ts,
 * content.ts: catalogue references) in the page's language; any other text as it is. The catalogue
 * is the one next-intl's provider already holds (no extra download).
 */
export function useLocalize(): (text: string) => string {
  const t = useTranslations() as unknown as Translate;
  return (text) => {
    const ref = parseMessageRef(text);
    if (!ref) return text;
    try {
      return t(ref.key, ref.values);
    } catch {
      return ref.key;
    }
  };
}
