import { z } from "zod";

import { msg } from "@/lib/i18n/message-ref";

// PostgreSQL text cannot hold NUL, and control characters or lone UTF-16 surrogates in a name or
// an identifier are never legitimate: such input is refused before it reaches a query.
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasUnsafeChars(value: string): boolean {
  return UNSAFE.test(value);
}

/**
 * A trimmed text field without control characters, of bounded length. `label` names the field in
 * the messages: a catalogue reference (`msg("validation.fields.email")`), translated with the
 * message in the reader's language (issue 13); a plain text is shown as it is.
 */
export function safeText(opts: { min?: number; max: number; label: string }) {
  const label = opts.label;
  return z
    .string({ error: msg("validation.text.expected", { label }) })
    .trim()
    .min(opts.min ?? 0, opts.min ? msg("validation.text.required", { label }) : undefined)
    .max(opts.max, msg("validation.text.tooLong", { label, max: opts.max }))
    .refine((v) => !hasUnsafeChars(v), msg("validation.text.unsafe", { label }));
}
