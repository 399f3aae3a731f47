/**
 * Rough strength meter for the password field. The policy enforces the 12-character minimum and
 * refuses what this meter rates « Très faible » (score 0); above that it is guidance, deliberately small instead of pulling zxcvbn's 800 kB dictionaries into
 * a page that must stay light. It estimates bits as length × log2(character pool), discounting
 * repeats, alphabetical or numeric runs like "abc"/"321", a few words that attackers try first,
 * and capping letter runs as dictionary words. Conservative on purpose: a random run of letters is
 * under-rated, which is the safe direction for a meter.
 */
import { msg } from "@/lib/i18n/message-ref";

import { countCharacters, MIN_PASSWORD_LENGTH } from "./password-length";

export type PasswordScore = 0 | 1 | 2 | 3 | 4;

export interface PasswordStrength {
  score: PasswordScore;
  /** A catalogue reference (issue 13): « Très faible » … « Très fort » in the reader's language. */
  label: string;
  /** Estimated entropy in bits, rounded; exposed for a progress bar. */
  entropyBits: number;
}

const LABELS: Record<PasswordScore, string> = {
  0: msg("encryption.strength.veryWeak"),
  1: msg("encryption.strength.weak"),
  2: msg("encryption.strength.medium"),
  3: msg("encryption.strength.strong"),
  4: msg("encryption.strength.veryStrong"),
};

// Lower-case, accent-free; matched after the same normalisation of the password.
const COMMON_WORDS = [
  "password",
  "motdepasse",
  "azerty",
  "qwerty",
  "123456",
  "admin",
  "bonjour",
  "soleil",
  "secret",
  "welcome",
  "iloveyou",
  "jetaime",
  "cpas",
  "forem",
  "belgique",
  "bruxelles",
  "wallonie",
  "liege",
  "namur",
  "charleroi",
  "mons",
];

function poolSize(chars: readonly string[]): number {
  let pool = 0;
  if (chars.some((c) => /[a-z]/.test(c))) pool += 26;
  if (chars.some((c) => /[A-Z]/.test(c))) pool += 26;
  if (chars.some((c) => /[0-9]/.test(c))) pool += 10;
  if (chars.some((c) => /[\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/.test(c))) pool += 33;
  if (chars.some((c) => c.codePointAt(0)! > 0x7e)) pool += 100; // accents, other scripts
  return Math.max(pool, 1);
}

function scoreFor(bits: number): PasswordScore {
  if (bits < 28) return 0;
  if (bits < 40) return 1;
  if (bits < 60) return 2;
  if (bits < 80) return 3;
  return 4;
}

/** Accent-free lower case, one entry per code point so indexes stay aligned with `chars`. */
function fold(c: string): string {
  return c
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

export function estimatePasswordStrength(password: string): PasswordStrength {
  const chars = [...password];
  const bitsPerChar = Math.log2(poolSize(chars));
  // Weight of each character in "random characters": repeats and ±1 runs ("aaa", "abc", "321")
  // add little to a guesser's work.
  const weight: number[] = chars.map((c, i) => {
    const delta = i === 0 ? NaN : c.codePointAt(0)! - chars[i - 1]!.codePointAt(0)!;
    return delta === 0 ? 0.1 : Math.abs(delta) === 1 ? 0.3 : 1;
  });
  const folded = chars.map(fold);
  for (const word of COMMON_WORDS) {
    for (let i = 0; i + word.length <= folded.length; i++) {
      // A listed word costs the attacker about two random characters, not its full length.
      if (folded.slice(i, i + word.length).join("") === word) {
        for (let j = i; j < i + word.length; j++) weight[j] = Math.min(weight[j]!, 2 / word.length);
      }
    }
  }
  let bits = 0;
  let i = 0;
  while (i < chars.length) {
    let end = i;
    while (end < chars.length && /\p{L}/u.test(chars[end]!)) end++;
    const run = Math.max(end - i, 1);
    const runBits = weight.slice(i, i + run).reduce((a, b) => a + b, 0) * bitsPerChar;
    // Letter runs of 4+ are probably dictionary words (passphrases, which the seed recommends):
    // cap them near the ~16 bits a word from a large list is worth instead of 4.7 bits a letter.
    bits += run >= 4 ? Math.min(runBits, 11 + 2 * run) : runBits;
    i += run;
  }
  let score = scoreFor(bits);
  // Below the policy the page refuses the password anyway; never call it more than "Faible".
  if (countCharacters(password) < MIN_PASSWORD_LENGTH && score > 1) score = 1;
  return { score, label: LABELS[score], entropyBits: Math.round(bits) };
}
