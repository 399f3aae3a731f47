import { msg } from "@/lib/i18n/message-ref";

import { MIN_PASSWORD_LENGTH } from "./password-length";

/**
 * One error type for the local file encryption, with a stable `code` the UI can switch on and a
 * message that is a catalogue reference (issue 13): the page shows it in the reader's language.
 * Only these expected failures carry user-facing text; anything else (a Web Crypto bug, a misuse of
 * the API) stays a plain Error so it is logged rather than shown.
 */
export type FileCryptoErrorCode =
  /** Input does not start with "Salted__" or is shorter than the 16-byte header. */
  | "NOT_OPENSSL_SALTED"
  /** Body empty or not a whole number of 16-byte AES blocks: the file was cut. */
  | "TRUNCATED"
  /** Final padding check failed: wrong password or altered file (cannot tell which). */
  | "WRONG_PASSWORD_OR_CORRUPTED"
  /** Encryption password below the policy (12 characters). */
  | "WEAK_PASSWORD"
  /** Long enough but rated « Très faible » by the meter (repeats, runs, common words). */
  | "VERY_WEAK_PASSWORD"
  /** The password typed twice does not match. */
  | "PASSWORD_MISMATCH";

// Catalogue references (issue 13, lib/i18n/message-ref.ts): the page says them in the reader's
// language (messages/<locale>/encryption.json), tests read the French with localize("fr", …).
const MESSAGES: Record<FileCryptoErrorCode, string> = {
  NOT_OPENSSL_SALTED: msg("encryption.errors.notOpensslSalted"),
  TRUNCATED: msg("encryption.errors.truncated"),
  WRONG_PASSWORD_OR_CORRUPTED: msg("encryption.errors.wrongPasswordOrCorrupted"),
  WEAK_PASSWORD: msg("encryption.errors.weakPassword", { min: MIN_PASSWORD_LENGTH }),
  VERY_WEAK_PASSWORD: msg("encryption.errors.veryWeakPassword"),
  PASSWORD_MISMATCH: msg("encryption.errors.passwordMismatch"),
};

export class FileCryptoError extends Error {
  readonly code: FileCryptoErrorCode;

  constructor(code: FileCryptoErrorCode, options?: { cause?: unknown }) {
    super(MESSAGES[code], options);
    this.name = "FileCryptoError";
    this.code = code;
  }
}

export function isFileCryptoError(value: unknown): value is FileCryptoError {
  return value instanceof FileCryptoError;
}
