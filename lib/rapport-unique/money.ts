import { msg } from "@/lib/i18n/message-ref";

// Amounts of the Rapport unique: typed in euros by people, stored and computed in euro cents
// (integers), never floats. Rounding rule (docs/rapport-unique.md, assumed): an amount is typed to the
// cent at most — a third decimal is refused, not rounded — so every total is an exact sum of cents.

/** Ceiling of any single amount (100 million euros): beyond it the figure is a typing error. */
export const MAX_AMOUNT_CENTS = 10_000_000_000;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const SPACES = /[\s\u00a0\u202f']/g;

/** « 12 345,67 », « 12345.67 », « 12 345 » → cents. Refuses text, negatives, more than 2 decimals, absurd sizes. */
export function parseEuros(input: string): Parsed<number> {
  const s = String(input ?? "")
    .replace(SPACES, "")
    .replace(/€$/, "");
  if (s === "") return { ok: false, message: msg("ru.field.amountRequired") };
  if (s.startsWith("-")) return { ok: false, message: msg("ru.field.amountNegative") };
  const m = /^(\d{1,12})(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) {
    if (/^\d+[.,]\d{3,}$/.test(s)) return { ok: false, message: msg("ru.field.amountDecimals") };
    return { ok: false, message: msg("ru.field.amountInvalid") };
  }
  const cents = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0") || 0);
  if (cents > MAX_AMOUNT_CENTS) return { ok: false, message: msg("ru.field.amountImplausible") };
  return { ok: true, value: cents };
}

/** cents → « 12 345,67 € » (Belgian French grouping), exact for every integer amount. */
export function formatCents(cents: number, withSymbol = true): string {
  const negative = cents < 0;
  const abs = Math.abs(Math.trunc(cents));
  const euros = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
  const rest = String(abs % 100).padStart(2, "0");
  return `${negative ? "−" : ""}${euros},${rest}${withSymbol ? " €" : ""}`;
}

/** cents → the value an amount field shows for editing (« 12345,67 »). */
export const centsToInput = (cents: number) => `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, "0")}`;

/** « 0,5 », « 1 », « 0.75 » → hundredths of a full-time equivalent. */
export function parseFte(input: string): Parsed<number> {
  const s = String(input ?? "").replace(SPACES, "");
  if (s === "") return { ok: false, message: msg("ru.field.fteRequired") };
  const m = /^(\d{1,2})(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) return { ok: false, message: msg("ru.field.fteInvalid") };
  const value = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0") || 0);
  if (value <= 0) return { ok: false, message: msg("ru.field.ftePositive") };
  return { ok: true, value };
}

export const fteToInput = (hundredths: number) => `${Math.floor(hundredths / 100)},${String(hundredths % 100).padStart(2, "0")}`;

/** cents → the amount in a language's way: « 12 345,67 € » in French, « € 12.345,67 » in Dutch (Belgium). */
export function formatCentsIn(locale: "fr" | "nl", cents: number): string {
  if (locale === "fr") return formatCents(cents);
  const negative = cents < 0;
  const abs = Math.abs(Math.trunc(cents));
  const euros = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${negative ? "−" : ""}€ ${euros},${String(abs % 100).padStart(2, "0")}`;
}
