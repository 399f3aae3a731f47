/**
 * The page's path (issue 15): a chosen File (a Blob) read in large slices and turned into a
 * ReadableStream of OpenSSL `enc` output, pulled by whatever saves it (a streamed download, a
 * file written through `showSaveFilePicker`, or a Blob).
 *
 * Why not `file.stream().pipeThrough(createEncryptStream())`: Chromium's file stream yields
 * 64 KiB chunks, so a 1 GiB file costs 16,384 Web Crypto calls, each with its promise hops and
 * its own padding block, and every TransformStream in the chain adds more hops per chunk. Here a
 * slice of SLICE bytes is read with `Blob.slice().arrayBuffer()` while the previous one is being
 * encrypted (read-ahead of one slice), so there is one Web Crypto call per 4 MiB and the reading
 * overlaps the cipher. Measured in docs/encryption.md (« Où va le temps »).
 *
 * Because the whole input is known (a Blob, not a stream), neither direction needs carry-over
 * buffers: slices are multiples of 16 bytes, the last one is simply encrypted with Web Crypto's
 * padding, and on decryption each non-final slice is read 16 bytes longer so that the forged
 * padding block (see decrypt-stream.ts) is written into the same buffer instead of a copy.
 */
import { deriveKeyAndIv } from "./derive-key";
import { FileCryptoError } from "./errors";
import { AES_BLOCK, type Bytes, buildHeader, concatBytes, HEADER_LENGTH, parseHeader, randomSalt } from "./openssl-format";
import { validateEncryptionPassword } from "./password-policy";

/** 4 MiB: past it Web Crypto's per-call overhead no longer shows; below it, it dominates. */
export const DEFAULT_SLICE = 4 * 1024 * 1024;

export interface FileCryptoOptions {
  /** Called after each slice with the number of input bytes consumed so far. */
  onProgress?: (bytesProcessed: number) => void;
  /** Aborting errors the stream with the signal's reason at the next slice (at once, not at the end). */
  signal?: AbortSignal;
  /** Bytes per Web Crypto call, a multiple of 16 (tests and the benchmark's profile change it). */
  sliceSize?: number;
  /** Tests only, for deterministic output. */
  salt?: Uint8Array;
}

const FULL_PADDING_BLOCK = new Uint8Array(AES_BLOCK).fill(AES_BLOCK);

function sliceSizeOf(options: FileCryptoOptions): number {
  const size = options.sliceSize ?? DEFAULT_SLICE;
  if (size < AES_BLOCK || size % AES_BLOCK !== 0) throw new Error(`sliceSize must be a positive multiple of ${AES_BLOCK}, got ${size}`);
  return size;
}

/** Reads [start, end) of the blob; the promise starts at once, so a caller can read ahead. */
function readRange(blob: Blob, start: number, end: number): Promise<ArrayBuffer> {
  return blob.slice(start, end).arrayBuffer();
}

type Step = (controller: ReadableStreamDefaultController<Bytes>) => Promise<void>;

/**
 * A pull stream around `step`: one slice per pull, so the consumer's pace (disk, download) sets
 * how far ahead the work runs (queue of one slice). Abort and cancel stop it before the next slice.
 */
function sliceStream(options: FileCryptoOptions, start: Step, step: Step): ReadableStream<Bytes> {
  const { signal } = options;
  let cancelled = false;
  return new ReadableStream<Bytes>(
    {
      async start(controller) {
        signal?.throwIfAborted();
        await start(controller);
      },
      async pull(controller) {
        if (cancelled) return;
        signal?.throwIfAborted();
        await step(controller);
      },
      cancel() {
        cancelled = true;
      },
    },
    { highWaterMark: 1 },
  );
}

export function encryptFile(blob: Blob, password: string, options: FileCryptoOptions = {}): ReadableStream<Bytes> {
  // Refuse before any work: a weak password must never produce a file that looks protected.
  const policyError = validateEncryptionPassword(password);
  if (policyError) throw policyError;
  const slice = sliceSizeOf(options);
  const subtle = globalThis.crypto.subtle;
  const salt = options.salt ? concatBytes(options.salt) : randomSalt();
  let key: CryptoKey;
  let iv: Bytes;
  let offset = 0;
  let next: Promise<ArrayBuffer> | undefined;

  return sliceStream(
    options,
    async (controller) => {
      ({ key, iv } = await deriveKeyAndIv(password, salt));
      controller.enqueue(buildHeader(salt));
    },
    async (controller) => {
      const end = Math.min(blob.size, offset + slice);
      const isLast = offset + slice >= blob.size; // the last slice may be full, partial or empty
      const data = await (next ?? readRange(blob, offset, end));
      next = isLast ? undefined : readRange(blob, end, Math.min(blob.size, end + slice));
      // Web Crypto always pads: on the last slice that padding is the file's PKCS#7 padding.
      const encrypted = new Uint8Array(await subtle.encrypt({ name: "AES-CBC", iv }, key, data));
      const out = isLast ? encrypted : encrypted.subarray(0, data.byteLength); // drop the padding block of a middle slice
      if (!isLast) iv = out.slice(out.length - AES_BLOCK);
      offset = end;
      controller.enqueue(out);
      if (isLast) controller.close();
      options.onProgress?.(offset);
    },
  );
}

export function decryptFile(blob: Blob, password: string, options: FileCryptoOptions = {}): ReadableStream<Bytes> {
  const slice = sliceSizeOf(options);
  const subtle = globalThis.crypto.subtle;
  let key: CryptoKey;
  let iv: Bytes;
  let offset = HEADER_LENGTH;
  let next: Promise<ArrayBuffer> | undefined;

  /** A non-final slice is read with the next block, whose place the forged padding block takes. */
  const rangeAt = (start: number) => {
    const isLast = start + slice >= blob.size;
    return { isLast, end: isLast ? blob.size : start + slice, read: readRange(blob, start, isLast ? blob.size : start + slice + AES_BLOCK) };
  };

  return sliceStream(
    options,
    async () => {
      const salt = parseHeader(new Uint8Array(await readRange(blob, 0, HEADER_LENGTH)));
      const body = blob.size - HEADER_LENGTH;
      if (body === 0 || body % AES_BLOCK !== 0) throw new FileCryptoError("TRUNCATED");
      ({ key, iv } = await deriveKeyAndIv(password, salt));
    },
    async (controller) => {
      const { isLast, end, read } = rangeAt(offset);
      const buffer = new Uint8Array(await (next ?? read));
      next = isLast ? undefined : rangeAt(end).read;
      let plain: Uint8Array;
      if (isLast) {
        try {
          plain = new Uint8Array(await subtle.decrypt({ name: "AES-CBC", iv }, key, buffer));
        } catch (cause) {
          // Web Crypto only says OperationError; bad padding is the only expected cause here.
          throw new FileCryptoError("WRONG_PASSWORD_OR_CORRUPTED", { cause });
        }
      } else {
        const length = end - offset;
        const lastBlock = buffer.slice(length - AES_BLOCK, length);
        const forged = new Uint8Array(await subtle.encrypt({ name: "AES-CBC", iv: lastBlock }, key, FULL_PADDING_BLOCK));
        buffer.set(forged.subarray(0, AES_BLOCK), length);
        plain = new Uint8Array(await subtle.decrypt({ name: "AES-CBC", iv }, key, buffer));
        if (plain.length !== length) throw new Error("decryptor: unexpected block count");
        iv = lastBlock;
      }
      offset = end;
      if (plain.length > 0) controller.enqueue(plain as Bytes);
      if (isLast) controller.close();
      options.onProgress?.(offset);
    },
  );
}

/**
 * The padding check of the last block, before any byte is written: CBC lets the last block be
 * decrypted alone (its IV is the block before it). A wrong password is then refused before the
 * save dialog or the download starts, as reliably as at the end (the same check, which a wrong
 * password passes about once in 256). Throws the decryptor's own FileCryptoError.
 */
export async function checkDecryptionPassword(blob: Blob, password: string): Promise<void> {
  const body = blob.size - HEADER_LENGTH;
  if (body <= 0 || body % AES_BLOCK !== 0) throw new FileCryptoError("TRUNCATED");
  const salt = parseHeader(new Uint8Array(await readRange(blob, 0, HEADER_LENGTH)));
  const derived = await deriveKeyAndIv(password, salt);
  const tail = new Uint8Array(await readRange(blob, Math.max(0, blob.size - 2 * AES_BLOCK), blob.size));
  const iv = body === AES_BLOCK ? derived.iv : tail.slice(0, AES_BLOCK);
  try {
    await globalThis.crypto.subtle.decrypt({ name: "AES-CBC", iv }, derived.key, tail.slice(tail.length - AES_BLOCK));
  } catch (cause) {
    throw new FileCryptoError("WRONG_PASSWORD_OR_CORRUPTED", { cause });
  }
}
