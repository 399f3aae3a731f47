/**
 * One error type for the local file encryption, with a stable `code` the UI can switch on and a
 * French message that can be shown as is (the users are CPAS staff; the partner is FOREM).
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

const MESSAGES: Record<FileCryptoErrorCode, string> = {
  NOT_OPENSSL_SALTED: "Ce fichier n'est pas un fichier chiffré au format OpenSSL (en-tête « Salted__ » absent ou fichier trop court).",
  TRUNCATED: "Le fichier chiffré est incomplet ou tronqué (sa taille n'est pas un multiple de 16 octets ou il ne contient aucune donnée).",
  WRONG_PASSWORD_OR_CORRUPTED: "Mot de passe incorrect ou fichier endommagé : le déchiffrement a échoué.",
  WEAK_PASSWORD: "Le mot de passe doit contenir au moins 12 caractères.",
  VERY_WEAK_PASSWORD:
    "Mot de passe trop facile à deviner (robustesse « Très faible ») : il est fait de répétitions, de suites comme « abc » ou « 123 », ou de mots courants. Choisissez une longue phrase de passe ou utilisez « Générer un mot de passe ».",
  PASSWORD_MISMATCH: "Les deux mots de passe saisis ne sont pas identiques.",
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
