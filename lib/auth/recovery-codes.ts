import { createHash, randomInt } from "node:crypto";

// Ten one-time recovery codes, shown once at enrolment. They carry ~41 bits each, so a plain
// SHA-256 is enough at rest (unlike passwords, they are not guessable from a dictionary).
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4)}`;
  });
}

export function normalizeRecoveryCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

export function looksLikeRecoveryCode(input: string): boolean {
  return /^[A-Z0-9]{8}$/.test(normalizeRecoveryCode(input)) && !/^\d+$/.test(input.trim());
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normalizeRecoveryCode(code)).digest("hex");
}
