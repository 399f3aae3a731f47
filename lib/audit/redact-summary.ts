import { maskText, NISS_MASK } from "./mask-text";

// Before/after summaries must never carry secrets or national numbers, whatever a caller passes:
// applied in writeAuditEvent, the single write point, before the event is hashed and stored.

export const KEY_MASK = "[masqué]";

// By key name, at any depth: the value is dropped whatever its shape (passwordHash, totpSecret,
// tokenHash, recoveryCodes, niss, apiKey, privateKey…). "code" alone is a one-time code; a
// compound like "rightCode" or "applicationCode" names a catalogue entry and is kept.
const SECRET_KEY =
  /pass(word|wd|phrase)?|pwd|secret|token|hash|niss|inss|national_?(number|register|id)|recovery|otp|cookie|authori[sz]ation|api_?key|private_?key|credential/i;
const ONE_TIME_CODE_KEY = /^(code|codes|pin|otp)$/i;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key) || ONE_TIME_CODE_KEY.test(key);
}

export function redactSummary(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return null;
  if (depth > 4) return "[…]";
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redactSummary(v, depth + 1));
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v === undefined) continue;
      out[maskText(k)] = isSecretKey(k) ? KEY_MASK : redactSummary(v, depth + 1);
    }
    return out;
  }
  if (typeof value === "string") return maskText(value.length > 500 ? `${value.slice(0, 500)}…` : value);
  if (typeof value === "bigint") return maskText(value.toString());
  // A number of 11 digits is as much a national number as the same digits in a string.
  if (typeof value === "number" && Number.isInteger(value) && Math.abs(value) >= 1e10 && Math.abs(value) < 1e11) return NISS_MASK;
  return value;
}
