import { z } from "zod";

// PostgreSQL text cannot hold NUL, and control characters or lone UTF-16 surrogates in a name or
// an identifier are never legitimate: such input is refused before it reaches a query.
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasUnsafeChars(value: string): boolean {
  return UNSAFE.test(value);
}

/** A trimmed text field without control characters, of bounded length. */
export function safeText(opts: { min?: number; max: number; label: string }) {
  return z
    .string({ error: `${opts.label} : valeur attendue.` })
    .trim()
    .min(opts.min ?? 0, opts.min ? `${opts.label} : champ obligatoire.` : undefined)
    .max(opts.max, `${opts.label} : ${opts.max} caractères au maximum.`)
    .refine((v) => !hasUnsafeChars(v), `${opts.label} : caractères non autorisés.`);
}
