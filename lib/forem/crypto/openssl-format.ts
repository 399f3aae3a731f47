/**
 * Layout of `openssl enc -salt` output (apps/enc.c): the 8 ASCII bytes "Salted__", the 8-byte salt,
 * then the raw AES-256-CBC ciphertext. No version field, no MAC, no iteration count: the reader
 * must already know "-pbkdf2 -iter 10000 -md sha256", which is why those values are constants here.
 */
import { FileCryptoError } from "./errors";

/** "Salted__" in ASCII; OpenSSL writes exactly these bytes, not a length-prefixed string. */
export const SALTED_MAGIC = new Uint8Array([0x53, 0x61, 0x6c, 0x74, 0x65, 0x64, 0x5f, 0x5f]);
export const SALT_LENGTH = 8;
export const HEADER_LENGTH = SALTED_MAGIC.length + SALT_LENGTH;
export const AES_BLOCK = 16;
/** The seed's prose says 1000, but its openssl command (and meixler's page) use 10000: interop wins. */
export const PBKDF2_ITERATIONS = 10_000;

/** Web Crypto (TS 5.9 lib.dom) wants ArrayBuffer-backed views, never SharedArrayBuffer ones. */
export type Bytes = Uint8Array<ArrayBuffer>;

export function concatBytes(...parts: readonly Uint8Array[]): Bytes {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Avoids a copy when the caller's chunk is already a plain ArrayBuffer view (the usual case). */
export function asBytes(chunk: Uint8Array): Bytes {
  return chunk.buffer instanceof ArrayBuffer ? (chunk as Bytes) : concatBytes(chunk);
}

export function randomSalt(): Bytes {
  return globalThis.crypto.getRandomValues(new Uint8Array(SALT_LENGTH));
}

export function buildHeader(salt: Uint8Array): Bytes {
  if (salt.length !== SALT_LENGTH) {
    // A programming error (only tests inject salts), hence not a FileCryptoError.
    throw new Error(`salt must be ${SALT_LENGTH} bytes, got ${salt.length}`);
  }
  return concatBytes(SALTED_MAGIC, salt);
}

/**
 * Reads the salt from the first 16 bytes. Callers pass exactly what they have; anything shorter
 * than a header cannot be an OpenSSL salted file, so it gets the same error as a wrong magic.
 */
export function parseHeader(header: Uint8Array): Bytes {
  if (header.length < HEADER_LENGTH) throw new FileCryptoError("NOT_OPENSSL_SALTED");
  for (let i = 0; i < SALTED_MAGIC.length; i++) {
    if (header[i] !== SALTED_MAGIC[i]) throw new FileCryptoError("NOT_OPENSSL_SALTED");
  }
  return header.slice(SALTED_MAGIC.length, HEADER_LENGTH);
}

/** Cheap sniff for a drop zone: lets the UI propose "decrypt" when a salted file is dropped. */
export function looksLikeOpensslSalted(firstBytes: Uint8Array): boolean {
  if (firstBytes.length < HEADER_LENGTH) return false;
  return SALTED_MAGIC.every((byte, i) => firstBytes[i] === byte);
}
