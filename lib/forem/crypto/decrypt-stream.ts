/**
 * Streaming decryption of `openssl enc -aes-256-cbc -salt -pbkdf2 -iter 10000` files.
 *
 * Web Crypto's AES-CBC decrypt always checks and strips PKCS#7 padding, so a chunk cut from the
 * middle of a file would be rejected. For a non-final chunk C we append a forged block
 * F = AES-CBC-encrypt(16 × 0x10, iv = last block of C)[0..16): decrypting F chains on C's last
 * block and yields exactly one full padding block, which Web Crypto accepts and strips, leaving the
 * plaintext of C. Only the true final block is decrypted with a real padding check, so that check
 * remains the only (weak) detector of a wrong password. The last block is held back until the
 * caller says no more input comes.
 */
import { deriveKeyAndIv } from "./derive-key";
import { FileCryptoError } from "./errors";
import { AES_BLOCK, asBytes, type Bytes, concatBytes, HEADER_LENGTH, parseHeader } from "./openssl-format";

export interface DecryptOptions {
  /** Called after each chunk with the total number of input bytes consumed so far. */
  onProgress?: (bytesProcessed: number) => void;
}

export interface ChunkDecryptor {
  push(chunk: Uint8Array): Promise<Bytes[]>;
  finish(): Promise<Bytes[]>;
}

const FULL_PADDING_BLOCK = new Uint8Array(AES_BLOCK).fill(AES_BLOCK);

export function createDecryptor(password: string, options: DecryptOptions = {}): ChunkDecryptor {
  const subtle = globalThis.crypto.subtle;
  let key: CryptoKey | undefined;
  let iv: Bytes = new Uint8Array(0);
  let header: Bytes = new Uint8Array(0); // accumulates until the 16-byte header is complete
  let pending: Bytes = new Uint8Array(0); // 0–16 ciphertext bytes, always holds the last block
  let processed = 0;
  let busy = false;
  let finished = false;

  async function decryptMiddle(ciphertext: Bytes): Promise<Bytes> {
    const lastBlock = ciphertext.subarray(ciphertext.length - AES_BLOCK);
    const forged = new Uint8Array(await subtle.encrypt({ name: "AES-CBC", iv: lastBlock }, key!, FULL_PADDING_BLOCK)).subarray(0, AES_BLOCK);
    const plain = new Uint8Array(await subtle.decrypt({ name: "AES-CBC", iv }, key!, concatBytes(ciphertext, forged)));
    if (plain.length !== ciphertext.length) throw new Error("decryptor: unexpected block count");
    iv = lastBlock.slice();
    return plain;
  }

  async function step(work: () => Promise<Bytes[]>): Promise<Bytes[]> {
    if (busy) throw new Error("decryptor: await the previous push() before calling again");
    if (finished) throw new Error("decryptor: already finished");
    busy = true;
    try {
      return await work();
    } finally {
      busy = false;
    }
  }

  return {
    push(chunk) {
      return step(async () => {
        processed += chunk.length;
        let body: Uint8Array = chunk;
        if (!key) {
          // Take only the bytes the header still needs, so the first chunk is not copied whole.
          const need = HEADER_LENGTH - header.length;
          header = concatBytes(header, chunk.subarray(0, need));
          body = chunk.subarray(need);
          if (header.length < HEADER_LENGTH) {
            options.onProgress?.(processed);
            return [];
          }
          const derived = await deriveKeyAndIv(password, parseHeader(header));
          key = derived.key;
          iv = derived.iv;
        }
        const data = pending.length > 0 ? concatBytes(pending, body) : asBytes(body);
        // Keep 1–16 bytes back: if the input ends here, they must go through the padding check.
        const ready = data.length === 0 ? 0 : Math.floor((data.length - 1) / AES_BLOCK) * AES_BLOCK;
        const out = ready > 0 ? [await decryptMiddle(data.subarray(0, ready))] : [];
        pending = data.slice(ready);
        options.onProgress?.(processed);
        return out;
      });
    },
    async finish() {
      const out = await step(async () => {
        if (!key) throw new FileCryptoError("NOT_OPENSSL_SALTED"); // under 16 bytes in total
        if (pending.length !== AES_BLOCK) throw new FileCryptoError("TRUNCATED");
        let plain: Bytes;
        try {
          plain = new Uint8Array(await subtle.decrypt({ name: "AES-CBC", iv }, key, pending));
        } catch (cause) {
          // Web Crypto only says OperationError; bad padding is the only expected cause here.
          throw new FileCryptoError("WRONG_PASSWORD_OR_CORRUPTED", { cause });
        }
        options.onProgress?.(processed);
        return plain.length > 0 ? [plain] : [];
      }).finally(() => {
        finished = true; // even on failure: a stream is not resumed after its last block
      });
      return out;
    },
  };
}

export function createDecryptStream(password: string, options: DecryptOptions = {}): TransformStream<Uint8Array, Uint8Array> {
  const decryptor = createDecryptor(password, options);
  return new TransformStream<Uint8Array, Uint8Array>({
    async transform(chunk, controller) {
      for (const piece of await decryptor.push(chunk)) controller.enqueue(piece);
    },
    async flush(controller) {
      for (const piece of await decryptor.finish()) controller.enqueue(piece);
    },
  });
}
