/**
 * Cheap checks on the first bytes and the size of a chosen file, before any dialog opens: a file
 * that cannot be an OpenSSL file is refused before the user is asked where to save the result.
 * The decryptor makes the same checks again while streaming; these only answer sooner, with the
 * same FileCryptoError (hence the same French message).
 */
import { FileCryptoError, HEADER_LENGTH, looksLikeOpensslSalted } from "@/lib/forem/crypto";

const AES_BLOCK = 16;

async function readHeader(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(0, HEADER_LENGTH).arrayBuffer());
}

/** True when the file starts with OpenSSL's "Salted__" header (probably already encrypted). */
export async function isProbablyEncrypted(file: Blob): Promise<boolean> {
  return looksLikeOpensslSalted(await readHeader(file));
}

/** Throws NOT_OPENSSL_SALTED or TRUNCATED when the file cannot decrypt, whatever the password. */
export async function assertDecryptable(file: Blob): Promise<void> {
  if (!looksLikeOpensslSalted(await readHeader(file))) throw new FileCryptoError("NOT_OPENSSL_SALTED");
  const body = file.size - HEADER_LENGTH;
  if (body === 0 || body % AES_BLOCK !== 0) throw new FileCryptoError("TRUNCATED");
}
