/**
 * One-shot helpers over the streaming core, for data already in memory (tests, small Excel
 * lists) and for Blobs (a dropped File). Whole arrays are fed in 1 MiB views (no copy) and the
 * output is written into one preallocated array, so peak memory is input + output + ~1 MiB
 * instead of the several full copies a naive concat-of-chunks would hold. The output size is known
 * up front: OpenSSL enc adds a 16-byte header and pads to the next multiple of 16.
 */
import { createDecryptStream, createDecryptor, type DecryptOptions } from "./decrypt-stream";
import { createEncryptStream, createEncryptor, type EncryptOptions } from "./encrypt-stream";
import { AES_BLOCK, type Bytes, HEADER_LENGTH } from "./openssl-format";

const SLICE = 1024 * 1024;

interface ChunkProcessor {
  push(chunk: Uint8Array): Promise<Bytes[]>;
  finish(): Promise<Bytes[]>;
}

async function run(processor: ChunkProcessor, data: Uint8Array, capacity: number): Promise<Bytes> {
  const out = new Uint8Array(capacity);
  let written = 0;
  const write = (pieces: Bytes[]) => {
    for (const piece of pieces) {
      out.set(piece, written);
      written += piece.length;
    }
  };
  for (let offset = 0; offset < data.length; offset += SLICE) {
    write(await processor.push(data.subarray(offset, offset + SLICE)));
  }
  write(await processor.finish());
  // Decryption only learns the padding length at the end, hence a view on the used part.
  return written === capacity ? out : out.subarray(0, written);
}

export function encryptedSize(plainLength: number): number {
  return HEADER_LENGTH + (Math.floor(plainLength / AES_BLOCK) + 1) * AES_BLOCK;
}

export function encryptBytes(data: Uint8Array, password: string, options: EncryptOptions = {}): Promise<Bytes> {
  return run(createEncryptor(password, options), data, encryptedSize(data.length));
}

export function decryptBytes(data: Uint8Array, password: string, options: DecryptOptions = {}): Promise<Bytes> {
  // Upper bound; the real length is up to 16 bytes shorter (padding). Malformed input throws.
  return run(createDecryptor(password, options), data, Math.max(0, data.length - HEADER_LENGTH));
}

/**
 * For a dropped File: the browser reads it in chunks and may keep the resulting Blob on disk, so a
 * 1 GB spreadsheet never needs to fit in the JS heap. Errors surface as the returned promise's
 * rejection (a FileCryptoError for expected failures).
 */
export function encryptBlob(blob: Blob, password: string, options: EncryptOptions = {}): Promise<Blob> {
  const encrypted = blob.stream().pipeThrough(createEncryptStream(password, options));
  return new Response(encrypted).blob();
}

export function decryptBlob(blob: Blob, password: string, options: DecryptOptions = {}): Promise<Blob> {
  const decrypted = blob.stream().pipeThrough(createDecryptStream(password, options));
  return new Response(decrypted).blob();
}
