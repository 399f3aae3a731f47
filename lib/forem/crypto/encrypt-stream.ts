/**
 * Streaming encryption to the `openssl enc -aes-256-cbc -salt -pbkdf2 -iter 10000` format.
 *
 * Web Crypto has no incremental AES-CBC: every `encrypt` call pads its input. CBC only needs the
 * previous ciphertext block as the next IV, so each non-final chunk (cut to a multiple of 16 bytes)
 * is encrypted with iv = last ciphertext block so far and the padding block Web Crypto appends is
 * dropped. Only the final call keeps its padding, which is then the real PKCS#7 padding of the
 * whole file. Memory stays at about one input chunk plus its ciphertext, whatever the file size.
 */
import { deriveKeyAndIv, type DerivedKey } from "./derive-key";
import { AES_BLOCK, asBytes, buildHeader, type Bytes, concatBytes, randomSalt } from "./openssl-format";
import { validateEncryptionPassword } from "./password-policy";

export interface EncryptOptions {
  /** Tests only, for deterministic output. Left unset, a fresh random salt is drawn per file. */
  salt?: Uint8Array;
  /** Called after each chunk with the total number of input bytes consumed so far. */
  onProgress?: (bytesProcessed: number) => void;
}

/** Push chunks one at a time (await each call); every call returns the output ready so far. */
export interface ChunkEncryptor {
  push(chunk: Uint8Array): Promise<Bytes[]>;
  finish(): Promise<Bytes[]>;
}

export function createEncryptor(password: string, options: EncryptOptions = {}): ChunkEncryptor {
  // Refuse before any work: a weak password must never produce a file that looks protected.
  const policyError = validateEncryptionPassword(password);
  if (policyError) throw policyError;
  const salt = options.salt ? concatBytes(options.salt) : randomSalt();
  const header = buildHeader(salt);
  const subtle = globalThis.crypto.subtle;

  let derived: DerivedKey | undefined;
  let iv: Bytes = new Uint8Array(0);
  let pending: Bytes = new Uint8Array(0); // < 16 bytes not yet encrypted
  let processed = 0;
  let busy = false;
  let finished = false;

  /** Runs one step; rejects overlapping calls because CBC state must advance strictly in order. */
  async function step(work: (out: Bytes[]) => Promise<void>): Promise<Bytes[]> {
    if (busy) throw new Error("encryptor: await the previous push() before calling again");
    if (finished) throw new Error("encryptor: already finished");
    busy = true;
    try {
      const out: Bytes[] = [];
      if (!derived) {
        derived = await deriveKeyAndIv(password, salt);
        iv = derived.iv;
        out.push(header);
      }
      await work(out);
      return out;
    } finally {
      busy = false;
    }
  }

  return {
    push(chunk) {
      return step(async (out) => {
        const data = pending.length > 0 ? concatBytes(pending, chunk) : asBytes(chunk);
        const whole = data.length - (data.length % AES_BLOCK);
        if (whole > 0) {
          const encrypted = new Uint8Array(await subtle.encrypt({ name: "AES-CBC", iv }, derived!.key, data.subarray(0, whole)));
          const ciphertext = encrypted.subarray(0, whole); // drop Web Crypto's padding block
          iv = ciphertext.slice(whole - AES_BLOCK);
          out.push(ciphertext);
        }
        // Copy the tail so we never keep a reference to the caller's (possibly large) buffer.
        pending = data.slice(whole);
        processed += chunk.length;
        options.onProgress?.(processed);
      });
    },
    async finish() {
      const out = await step(async (result) => {
        // 0–15 bytes left: Web Crypto's PKCS#7 padding is exactly what OpenSSL writes last.
        const last = new Uint8Array(await subtle.encrypt({ name: "AES-CBC", iv }, derived!.key, pending));
        result.push(last);
        pending = new Uint8Array(0);
        options.onProgress?.(processed);
      }).finally(() => {
        finished = true; // even on failure: a stream is not resumed after its last block
      });
      return out;
    },
  };
}

/** For `file.stream().pipeThrough(createEncryptStream(pw))` in the browser (or Node web streams). */
export function createEncryptStream(password: string, options: EncryptOptions = {}): TransformStream<Uint8Array, Uint8Array> {
  const encryptor = createEncryptor(password, options);
  return new TransformStream<Uint8Array, Uint8Array>({
    async transform(chunk, controller) {
      for (const piece of await encryptor.push(chunk)) controller.enqueue(piece);
    },
    async flush(controller) {
      for (const piece of await encryptor.finish()) controller.enqueue(piece);
    },
  });
}
