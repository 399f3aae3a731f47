/**
 * Local (in-browser or Node) encryption of files exchanged with FOREM, byte-compatible with
 * `openssl aes-256-cbc -e|-d -salt -pbkdf2 -iter 10000`. Uses only Web Crypto
 * (`globalThis.crypto.subtle`) so the same code runs in the page and in tests; see
 * docs/encryption.md for the format, the chunking trick and the limits.
 */
export { FileCryptoError, isFileCryptoError, type FileCryptoErrorCode } from "./errors";
export { HEADER_LENGTH, looksLikeOpensslSalted, PBKDF2_ITERATIONS, SALTED_MAGIC } from "./openssl-format";
export { createEncryptor, createEncryptStream, type ChunkEncryptor, type EncryptOptions } from "./encrypt-stream";
export { createDecryptor, createDecryptStream, type ChunkDecryptor, type DecryptOptions } from "./decrypt-stream";
export { checkDecryptionPassword, DEFAULT_SLICE, decryptFile, encryptFile, type FileCryptoOptions } from "./file-pipeline";
export { decryptBlob, decryptBytes, encryptBlob, encryptBytes, encryptedSize } from "./bytes-helpers";
export { DEFAULT_GENERATED_LENGTH, generatePassword, MIN_PASSWORD_LENGTH, PASSWORD_ALPHABET, validateEncryptionPassword } from "./password-policy";
export { checkExpectedKind, FILE_KIND_HEAD_LENGTH } from "./expected-file-kind";
export { estimatePasswordStrength, type PasswordScore, type PasswordStrength } from "./password-strength";
