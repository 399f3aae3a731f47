// Enterprise number (BCE/KBO): 10 digits, first 0 or 1, check = 97 − (first 8 digits mod 97).

import { msg } from "@/lib/i18n/message-ref";

/** `message` is a message reference (lib/i18n/message-ref.ts), said in the reader's language where it is shown. */
export type BceCheck = { ok: true; digits: string } | { ok: false; message: string };

export function checkBce(input: string): BceCheck {
  const digits = input.replace(/[\s.]/g, "").replace(/^BE/i, "");
  if (!/^[01]\d{9}$/.test(digits)) {
    return { ok: false, message: msg("validation.bce.format") };
  }
  const check = 97 - (Number(digits.slice(0, 8)) % 97);
  if (check !== Number(digits.slice(8))) {
    return { ok: false, message: msg("validation.bce.checkDigits") };
  }
  return { ok: true, digits };
}

export function formatBce(digits: string): string {
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7, 10)}`;
}
