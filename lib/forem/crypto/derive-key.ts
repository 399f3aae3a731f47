/**
 * Key schedule of `openssl enc -pbkdf2 -iter 10000` (default digest SHA-256 since OpenSSL 1.1.0):
 * one PBKDF2 call producing key length + IV length = 48 bytes, split 32 / 16. Deriving both from
 * one call matters: two separate derivations would give a different IV and break interop.
 */
import { type Bytes, PBKDF2_ITERATIONS, SALT_LENGTH } from "./openssl-format";

const KEY_LENGTH = 32;
const IV_LENGTH = 16;

export interface DerivedKey {
  /** Non-extractable AES-CBC key: the raw bytes never live in JS memory longer than needed. */
  key: CryptoKey;
  /** IV for the first block; later blocks chain on the previous ciphertext block. */
  iv: Bytes;
}

export async function deriveKeyAndIv(password: string, salt: Uint8Array): Promise<DerivedKey> {
  if (salt.length !== SALT_LENGTH) {
    throw new Error(`salt must be ${SALT_LENGTH} bytes, got ${salt.length}`);
  }
  const subtle = globalThis.crypto.subtle;
  // OpenSSL hashes the password bytes as typed (no normalisation); UTF-8 matches a UTF-8 terminal.
  const passwordKey = await subtle.importKey("raw", new TextEncoder().encode(password), "PBKDF2", false, ["deriveBits"]);
  const bits = new Uint8Array(
    await subtle.deriveBits(
      {
        name: "PBKDF2",
        hash: "SHA-256",
        salt: new Uint8Array(salt),
        iterations: PBKDF2_ITERATIONS,
      },
      passwordKey,
      (KEY_LENGTH + IV_LENGTH) * 8,
    ),
  );
  const key = await subtle.importKey("raw", bits.subarray(0, KEY_LENGTH), "AES-CBC", false, ["encrypt", "decrypt"]);
  const iv = bits.slice(KEY_LENGTH);
  bits.fill(0, 0, KEY_LENGTH); // best effort: the raw key bytes are no longer needed
  return { key, iv };
}
