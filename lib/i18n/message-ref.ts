import type { MessageKeys, NestedKeyOf } from "use-intl/core";

import type { Messages } from "./messages";

// A message the server means for a person, named by its catalogue key instead of its French text
// (issue 13). Domain code throws `new AppError(code, msg("errors.c607.alreadySent"))` and zod
// schemas say `{ error: msg("validation.required") }` without knowing who will read them; the
// boundary that answers the person (lib/http/define-action.ts, lib/http/route-handler.ts, the pages)
// translates it in that person's language with `localize` (lib/i18n/localize.ts). The reference is
// a plain string, so `error.message` stays a string everywhere (logs show the key, never a
// translation and never personal data: values are for display only, keep NISS and secrets out).

/** Every key of the catalogue, checked by tsc: a typo is a type error. */
export type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;
export type MessageValues = Record<string, string | number>;

const PREFIX = "i18n:";
const SEPARATOR = "|";

export function msg(key: MessageKey, values?: MessageValues): string {
  return values ? `${PREFIX}${key}${SEPARATOR}${JSON.stringify(values)}` : `${PREFIX}${key}`;
}

export function isMessageRef(text: string): boolean {
  return text.startsWith(PREFIX);
}

/** A catalogue's translate function (next-intl's `t`, or `use-intl/core`'s translator). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * The text of a server message with a given translate function: a message reference is translated
 * (a value that is itself a reference first: a field's name inside a field error); any other text
 * is returned as it is. No catalogue here, so the browser shares it (components/i18n/use-localize.ts)
 * without downloading one; outside a request, lib/i18n/translator.ts's `localize`.
 */
export function localizeWith(translate: Translate, text: string): string {
  const ref = parseMessageRef(text);
  if (!ref) return text;
  const values = ref.values && Object.fromEntries(Object.entries(ref.values).map(([k, v]) => [k, typeof v === "string" ? localizeWith(translate, v) : v]));
  try {
    return translate(ref.key, values);
  } catch {
    return ref.key;
  }
}

/** The key and values of a reference, or null for any other text (legacy French, a foreign message). */
export function parseMessageRef(text: string): { key: string; values?: MessageValues } | null {
  if (!text.startsWith(PREFIX)) return null;
  const body = text.slice(PREFIX.length);
  const cut = body.indexOf(SEPARATOR);
  if (cut < 0) return { key: body };
  try {
    const values = JSON.parse(body.slice(cut + 1)) as unknown;
    if (values && typeof values === "object" && !Array.isArray(values)) return { key: body.slice(0, cut), values: values as MessageValues };
  } catch {
    // A malformed tail is shown without its values rather than not at all.
  }
  return { key: body.slice(0, cut) };
}
