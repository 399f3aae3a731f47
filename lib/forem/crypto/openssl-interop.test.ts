/**
 * Interop with the real openssl binary, both directions, byte for byte. Sizes straddle block
 * boundaries (0, 1, 15, 16, 17) plus 1 MiB + 3; chunk sizes split blocks unevenly (7 bytes,
 * 64 KiB + 5) so the CBC chaining and the forged-padding trick are exercised at odd offsets.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDecryptor, createEncryptor, decryptBytes, encryptBytes, FileCryptoError } from ".";
import type { Bytes } from "./openssl-format";

const OPENSSL = "/usr/bin/openssl";
const PASSWORD = "Correct-Horse+Battery@42é"; // non-ASCII on purpose: both sides must use UTF-8
const SIZES = [0, 1, 15, 16, 17, 1024 * 1024 + 3];
const CHUNKS = [7, 64 * 1024 + 5, Number.POSITIVE_INFINITY];

// 1 MiB in 7-byte pushes is ~150k Web Crypto calls: seconds, above vitest's 5 s default on CI.
const SLOW = 60_000;

let dir: string;
let passFile: string;
let counter = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "forem-crypto-"));
  passFile = join(dir, "pass.txt");
  // -pass file: keeps the password out of the process list; openssl reads the first line.
  writeFileSync(passFile, PASSWORD, "utf8");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function openssl(mode: "-e" | "-d", input: Uint8Array, extra: string[] = []): Buffer {
  const n = counter++;
  const inFile = join(dir, `in-${n}`);
  const outFile = join(dir, `out-${n}`);
  writeFileSync(inFile, input);
  execFileSync(OPENSSL, ["aes-256-cbc", mode, "-salt", "-pbkdf2", "-iter", "10000", "-pass", `file:${passFile}`, "-in", inFile, "-out", outFile, ...extra], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  return readFileSync(outFile);
}

function pattern(size: number): Uint8Array {
  const data = new Uint8Array(size);
  for (let i = 0; i < size; i++) data[i] = (i * 31 + (i >> 8)) & 0xff;
  return data;
}

async function feed(
  processor: { push(c: Uint8Array): Promise<Bytes[]>; finish(): Promise<Bytes[]> },
  data: Uint8Array,
  chunkSize: number,
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const step = Number.isFinite(chunkSize) ? chunkSize : Math.max(data.length, 1);
  for (let offset = 0; offset < data.length; offset += step) {
    parts.push(...(await processor.push(data.subarray(offset, offset + step))));
  }
  parts.push(...(await processor.finish()));
  return Buffer.concat(parts);
}

describe.each(SIZES)("openssl interop, %i bytes", (size) => {
  const plain = pattern(size);

  it.each(CHUNKS)(
    "our encryption (chunks of %d) decrypts with openssl -d",
    async (chunk) => {
      const encrypted = await feed(createEncryptor(PASSWORD), plain, chunk);
      expect(encrypted.length).toBe(16 + (Math.floor(size / 16) + 1) * 16);
      expect(Buffer.from(encrypted.subarray(0, 8)).toString("latin1")).toBe("Salted__");
      expect(Buffer.compare(openssl("-d", encrypted), plain)).toBe(0);
    },
    SLOW,
  );

  it.each(CHUNKS)(
    "openssl -e output decrypts here (chunks of %d)",
    async (chunk) => {
      const encrypted = openssl("-e", plain);
      const decrypted = await feed(createDecryptor(PASSWORD), encrypted, chunk);
      expect(Buffer.compare(decrypted, plain)).toBe(0);
    },
    SLOW,
  );

  it("matches openssl -S byte for byte with the same salt", async () => {
    const salt = Uint8Array.from([0xde, 0xad, 0xbe, 0xef, 0x01, 0x23, 0x45, 0x67]);
    const ours = await encryptBytes(plain, PASSWORD, { salt });
    // With an explicit -S, OpenSSL 3 omits the "Salted__"+salt header and writes only the body.
    const theirs = openssl("-e", plain, ["-S", "deadbeef01234567"]);
    expect(Buffer.from(ours.subarray(0, 16)).toString("hex")).toBe(Buffer.from("Salted__").toString("hex") + "deadbeef01234567");
    expect(Buffer.compare(ours.subarray(16), theirs)).toBe(0);
  });
});

describe("wrong password, cross-checked with openssl", () => {
  it("fails the padding check here and in openssl (fixed salt makes it deterministic)", async () => {
    const salt = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
    const encrypted = await encryptBytes(pattern(1000), PASSWORD, { salt });
    // With this salt and this wrong password the last block's padding is invalid; a random salt
    // would pass the check about once in 256 runs (CBC without MAC cannot do better).
    await expect(decryptBytes(encrypted, "wrong password!!")).rejects.toMatchObject({
      code: "WRONG_PASSWORD_OR_CORRUPTED",
    });
    writeFileSync(passFile, "wrong password!!", "utf8");
    try {
      expect(() => openssl("-d", encrypted)).toThrow(/bad decrypt/);
    } finally {
      writeFileSync(passFile, PASSWORD, "utf8");
    }
    await expect(decryptBytes(encrypted, "wrong password!!")).rejects.toBeInstanceOf(FileCryptoError);
  });
});
