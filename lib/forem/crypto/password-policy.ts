/**
 * Password rules for the FOREM file encryption: the seed's page demands at least 12 characters,
 * typed twice, and the password is sent to FOREM by another channel. The generator exists because
 * the seed sends users to third-party password sites; generating locally keeps the secret in the
 * browser.
 */
import { FileCryptoError } from "./errors";
import { countCharacters, MIN_PASSWORD_LENGTH } from "./password-length";
import { estimatePasswordStrength } from "./password-strength";

export { countCharacters, MIN_PASSWORD_LENGTH };
export const MIN_GENERATED_LENGTH = 20;
export const DEFAULT_GENERATED_LENGTH = 24;

/**
 * Returns the error to show, or null when the password may be used to encrypt. Returning rather
 * than throwing suits a form (zod refine, field error); the encryptor throws the same error.
 * Decryption applies no policy: files made by openssl elsewhere may use any password.
 */
export function validateEncryptionPassword(password: string, confirmation?: string): FileCryptoError | null {
  if (countCharacters(password) < MIN_PASSWORD_LENGTH) return new FileCryptoError("WEAK_PASSWORD");
  // Issue 11: 12 characters are not enough when they are « aaaaaaaaaaaa » or « Motdepasse12 »:
  // what the meter calls « Très faible » is refused, with the reason.
  if (estimatePasswordStrength(password).score === 0) return new FileCryptoError("VERY_WEAK_PASSWORD");
  if (confirmation !== undefined && confirmation !== password) {
    return new FileCryptoError("PASSWORD_MISMATCH");
  }
  return null;
}

// Look-alikes (I l 1 | O 0 o) are left out because the password is read from an e-mail and
// retyped. The symbols are safe after `-pass pass:` in a POSIX shell and in cmd.exe (no ! $ % ^ &
// * ? quotes or spaces), so FOREM can paste the password into the openssl command without quoting.
const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const LOWER = "abcdefghijkmnpqrstuvwxyz";
const DIGITS = "23456789";
const SYMBOLS = "-_+=@#";
const CLASSES = [UPPER, LOWER, DIGITS, SYMBOLS] as const;
export const PASSWORD_ALPHABET = CLASSES.join("");

/** Uniform index in [0, n) by rejection sampling: `random % n` alone would favour low indexes. */
function randomIndex(n: number): number {
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  const word = new Uint32Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(word);
    const value = word[0]!;
    if (value < limit) return value % n;
  }
}

/**
 * Every character is drawn uniformly from the whole alphabet; a draw missing one class is thrown
 * away and redrawn (rather than forcing a character of that class into a fixed slot), so the
 * result stays uniform over all passwords that contain every class.
 */
export function generatePassword(length: number = DEFAULT_GENERATED_LENGTH): string {
  if (!Number.isInteger(length) || length < MIN_GENERATED_LENGTH) {
    throw new Error(`generatePassword: length must be an integer >= ${MIN_GENERATED_LENGTH}`);
  }
  for (;;) {
    let password = "";
    for (let i = 0; i < length; i++) password += PASSWORD_ALPHABET[randomIndex(PASSWORD_ALPHABET.length)];
    if (CLASSES.every((chars) => [...password].some((c) => chars.includes(c)))) return password;
  }
}
