/**
 * Library behaviour without the openssl binary: round trips through every entry point (chunk API,
 * TransformStreams, Blob and byte helpers), progress reporting, and each typed error.
 */
import { describe, expect, it } from "vitest";

import { msg } from "@/lib/i18n/message-ref";
import { localize } from "@/lib/i18n/translator";
import {
  createDecryptStream,
  createEncryptor,
  createEncryptStream,
  decryptBlob,
  decryptBytes,
  encryptBlob,
  encryptBytes,
  encryptedSize,
  FileCryptoError,
  looksLikeOpensslSalted,
} from ".";

const PASSWORD = "un mot de passe assez long";
const SALT = Uint8Array.from([8, 7, 6, 5, 4, 3, 2, 1]);

function pattern(size: number): Uint8Array<ArrayBuffer> {
  const data = new Uint8Array(size);
  for (let i = 0; i < size; i++) data[i] = (i * 7 + 3) & 0xff;
  return data;
}

/** A ReadableStream that delivers `data` in pieces of the given sizes (cycled). */
function chunked(data: Uint8Array, sizes: number[]): ReadableStream<Uint8Array> {
  let offset = 0;
  let turn = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= data.length) return controller.close();
      const size = sizes[turn++ % sizes.length]!;
      controller.enqueue(data.slice(offset, offset + size));
      offset += size;
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function expectCode(promise: Promise<unknown>, code: FileCryptoError["code"]) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FileCryptoError);
  expect((error as FileCryptoError).code).toBe(code);
  expect(localize("fr", (error as FileCryptoError).message)).toMatch(/^[A-Z].* [a-zé]+/); // a French sentence, not a code
}

describe("round trip", () => {
  it.each([0, 1, 15, 16, 17, 31, 32, 33, 100_003])("bytes helpers, %i bytes", async (size) => {
    const plain = pattern(size);
    const encrypted = await encryptBytes(plain, PASSWORD);
    expect(encrypted.length).toBe(encryptedSize(size));
    expect(looksLikeOpensslSalted(encrypted)).toBe(true);
    expect(await decryptBytes(encrypted, PASSWORD)).toEqual(plain);
  });

  it("TransformStreams with uneven chunks, identical output to the one-shot helper", async () => {
    const plain = pattern(70_001);
    const viaStream = await collect(chunked(plain, [7, 1, 16, 65_541, 33]).pipeThrough(createEncryptStream(PASSWORD, { salt: SALT })));
    expect(viaStream).toEqual(await encryptBytes(plain, PASSWORD, { salt: SALT }));
    const back = await collect(chunked(viaStream, [5, 16, 17, 4096]).pipeThrough(createDecryptStream(PASSWORD)));
    expect(back).toEqual(plain);
  });

  it("Blob helpers (what the page uses for a dropped File)", async () => {
    const plain = pattern(200_000);
    const encrypted = await encryptBlob(new Blob([plain]), PASSWORD);
    const decrypted = await decryptBlob(encrypted, PASSWORD);
    expect(new Uint8Array(await decrypted.arrayBuffer())).toEqual(plain);
  });

  it("a random salt makes two encryptions of the same file differ", async () => {
    const plain = pattern(64);
    expect(await encryptBytes(plain, PASSWORD)).not.toEqual(await encryptBytes(plain, PASSWORD));
  });

  it("reports monotonic progress ending at the input size", async () => {
    const seen: number[] = [];
    const plain = pattern(3 * 1024 * 1024 + 5);
    const encrypted = await encryptBytes(plain, PASSWORD, { onProgress: (n) => seen.push(n) });
    expect(seen.at(-1)).toBe(plain.length);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const decSeen: number[] = [];
    await decryptBytes(encrypted, PASSWORD, { onProgress: (n) => decSeen.push(n) });
    expect(decSeen.at(-1)).toBe(encrypted.length);
  });
});

describe("errors", () => {
  it("wrong password fails the padding check (fixed salt: deterministic)", async () => {
    const encrypted = await encryptBytes(pattern(1000), PASSWORD, { salt: SALT });
    await expectCode(decryptBytes(encrypted, "un autre mot de passe"), "WRONG_PASSWORD_OR_CORRUPTED");
  });

  it("a corrupted last block is reported like a wrong password", async () => {
    const encrypted = await encryptBytes(pattern(100), PASSWORD, { salt: SALT });
    encrypted[encrypted.length - 20]! ^= 0x01; // flips the padding byte of the final plaintext
    await expectCode(decryptBytes(encrypted, PASSWORD), "WRONG_PASSWORD_OR_CORRUPTED");
  });

  it("truncated ciphertext: not a multiple of 16, or an empty body", async () => {
    const encrypted = await encryptBytes(pattern(100), PASSWORD);
    await expectCode(decryptBytes(encrypted.subarray(0, encrypted.length - 5), PASSWORD), "TRUNCATED");
    await expectCode(decryptBytes(encrypted.subarray(0, 16), PASSWORD), "TRUNCATED");
    await expectCode(decryptBytes(encrypted.subarray(0, 16 + 17), PASSWORD), "TRUNCATED");
  });

  it("a file without the Salted__ header, or shorter than 16 bytes, is refused", async () => {
    const plainXlsx = new TextEncoder().encode("PK\u0003\u0004 not encrypted at all, just a zip file");
    await expectCode(decryptBytes(plainXlsx, PASSWORD), "NOT_OPENSSL_SALTED");
    await expectCode(decryptBytes(new TextEncoder().encode("Salted__1234"), PASSWORD), "NOT_OPENSSL_SALTED");
    await expectCode(decryptBytes(new Uint8Array(0), PASSWORD), "NOT_OPENSSL_SALTED");
    expect(looksLikeOpensslSalted(plainXlsx)).toBe(false);
  });

  it("the decrypt stream errors with the typed error", async () => {
    const stream = chunked(new TextEncoder().encode("Salted__12345678abc"), [4]);
    await expectCode(collect(stream.pipeThrough(createDecryptStream(PASSWORD))), "TRUNCATED");
  });

  it("refuses to encrypt with a password under 12 characters, before any output", async () => {
    expect(() => createEncryptor("court123456")).toThrow(FileCryptoError);
    expect(() => createEncryptStream("")).toThrow(msg("encryption.errors.weakPassword", { min: 12 })); // « au moins 12 caractères »
    await expectCode((async () => encryptBytes(pattern(10), "onze-caract"))(), "WEAK_PASSWORD");
    // 12 code points with accents pass even though some are 2 bytes in UTF-8.
    expect(() => createEncryptor("éàüç-Ñø€12aB")).not.toThrow();
  });

  it("refuses to encrypt with a password rated « Très faible » (issue 11)", async () => {
    await expectCode((async () => encryptBytes(pattern(10), "aaaaaaaaaaaa"))(), "VERY_WEAK_PASSWORD");
  });

  it("rejects overlapping pushes instead of corrupting the CBC chain", async () => {
    const encryptor = createEncryptor(PASSWORD);
    const first = encryptor.push(pattern(32));
    await expect(encryptor.push(pattern(32))).rejects.toThrow(/await the previous push/);
    await first;
  });
});
