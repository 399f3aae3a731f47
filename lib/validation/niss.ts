// Belgian national register number (NISS) and BIS number: YYMMDD NNN CC, where
// CC = 97 − (first 9 digits mod 97); for births from 2000 the check runs on "2" + 9 digits.
// BIS numbers add 20 (sex unknown) or 40 (sex known) to the month. Month or day 00 means "date
// unknown"; any other month/day must be a real calendar date (30 February is refused).
// Sources: python-stdnum be/nn.py and be/bis.py; Registre national T.I. 000.

import { msg } from "@/lib/i18n/message-ref";

/** `message` is a message reference (lib/i18n/message-ref.ts), said in the reader's language where it is shown. */
export type NissCheck = { ok: true; digits: string; birthDate: Date | null; isBis: boolean } | { ok: false; message: string };

export function normalizeNiss(input: string): string {
  return input.replace(/[\s.\-/]/g, "");
}

export function checkNiss(input: string): NissCheck {
  const digits = normalizeNiss(input);
  if (!/^\d{11}$/.test(digits)) {
    return { ok: false, message: msg("validation.niss.format") };
  }
  const base = Number(digits.slice(0, 9));
  const check = Number(digits.slice(9));
  const is1900 = 97 - (base % 97) === check;
  const is2000 = 97 - ((2_000_000_000 + base) % 97) === check;
  if (!is1900 && !is2000) {
    return { ok: false, message: msg("validation.niss.checkDigits") };
  }
  const rawMonth = Number(digits.slice(2, 4));
  const isBis = rawMonth >= 20;
  const month = rawMonth >= 40 ? rawMonth - 40 : rawMonth >= 20 ? rawMonth - 20 : rawMonth;
  if (month > 12) return { ok: false, message: msg("validation.niss.month") };
  const day = Number(digits.slice(4, 6));
  if (day > 31) return { ok: false, message: msg("validation.niss.day") };
  const year = (is2000 ? 2000 : 1900) + Number(digits.slice(0, 2));
  // Month or day 00: the date was unknown when the number was given; no birth date can be derived.
  if (month === 0 || day === 0) return { ok: true, digits, birthDate: null, isBis };
  const birthDate = new Date(Date.UTC(year, month - 1, day));
  if (birthDate.getUTCMonth() !== month - 1) {
    return { ok: false, message: msg("validation.niss.birthDate") };
  }
  return { ok: true, digits, birthDate, isBis };
}

export function formatNiss(digits: string): string {
  const d = normalizeNiss(digits);
  return `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4, 6)}-${d.slice(6, 9)}.${d.slice(9, 11)}`;
}

/** Shows only what a colleague needs to recognise the person: 85.07.30-xxx.xx */
export function maskNiss(digits: string): string {
  return `${formatNiss(digits).slice(0, 9)}xxx.xx`;
}
