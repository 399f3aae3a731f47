/**
 * The page's slice pipeline (issue 15) against the chunk core and the real openssl binary. Slice
 * sizes of 16, 32 and 48 bytes put slice boundaries on every block position of small files, so
 * the read-ahead, the forged padding block written in place and the last-slice padding are all
 * exercised; 1 MiB + 3 with 64 KiB slices checks a realistic shape.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { checkDecryptionPassword, decryptFile, encryptBytes, encryptedSize, encryptFile, FileCryptoError } from ".";

const OPENSSL = "/usr/bin/openssl";
const PASSWORD = "Correct-Horse+Battery@42é";
const SALT = Uint8Array.from([9, 8, 7, 6, 5, 4, 3, 2]);

let dir: string;
let counter = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "forem-pipeline-"));
  writeFileSync(join(dir, "pass.txt"), PASSWORD, "utf8");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function openssl(mode: "-e" | "-d", input: Uint8Array): Buffer {
  const n = counter++;
  writeFileSync(join(dir, `in-${n}`), input);
  const args = ["aes-256-cbc", mode, "-salt", "-pbkdf2", "-iter", "10000", "-pass", `file:${join(dir, "pass.txt")}`];
  execFileSync(OPENSSL, [...args, "-in", join(dir, `in-${n}`), "-out", join(dir, `out-${n}`)], { stdio: ["ignore", "ignore", "pipe"] });
  return readFileSync(join(dir, `out-${n}`));
}

function pattern(size: number): Uint8Array {
  const data = new Uint8Array(size);
  for (let i = 0; i < size; i++) data[i] = (i * 31 + (i >> 8)) & 0xff;
  return data;
}

/** Test data is never backed by a SharedArrayBuffer. */
const blobOf = (data: Uint8Array) => new Blob([data as Uint8Array<ArrayBuffer>]);

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe("slice pipeline", () => {
  const cases = [0, 1, 15, 16, 17, 31, 32, 33, 47, 48, 49, 100].flatMap((size) => [16, 32, 48].map((slice) => [size, slice] as const));

  it.each(cases)("%i bytes in slices of %i: same bytes as the chunk core, and back", async (size, sliceSize) => {
    const plain = pattern(size);
    const encrypted = await collect(encryptFile(blobOf(plain), PASSWORD, { salt: SALT, sliceSize }));
    expect(encrypted).toEqual(await encryptBytes(plain, PASSWORD, { salt: SALT }));
    expect(await collect(decryptFile(blobOf(encrypted), PASSWORD, { sliceSize }))).toEqual(plain);
  });

  it("1 MiB + 3 in 64 KiB slices: openssl decrypts ours, we decrypt openssl's; progress ends at the input size", async () => {
    const plain = pattern(1024 * 1024 + 3);
    const seen: number[] = [];
    const ours = await collect(encryptFile(blobOf(plain), PASSWORD, { sliceSize: 64 * 1024, onProgress: (n) => seen.push(n) }));
    expect(ours.length).toBe(encryptedSize(plain.length));
    expect(seen.at(-1)).toBe(plain.length);
    expect(Buffer.compare(openssl("-d", ours), plain)).toBe(0);
    const theirs = openssl("-e", plain);
    const back: number[] = [];
    expect(Buffer.compare(await collect(decryptFile(blobOf(theirs), PASSWORD, { sliceSize: 64 * 1024, onProgress: (n) => back.push(n) })), plain)).toBe(0);
    expect(back.at(-1)).toBe(theirs.length);
  });

  it("errors: wrong password, truncated, not OpenSSL, weak password", async () => {
    const encrypted = await encryptBytes(pattern(1000), PASSWORD, { salt: Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]) });
    const code = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) => (e instanceof FileCryptoError ? e.code : e),
      );
    expect(await code(collect(decryptFile(blobOf(encrypted), "wrong password!!", { sliceSize: 256 })))).toBe("WRONG_PASSWORD_OR_CORRUPTED");
    expect(await code(collect(decryptFile(blobOf(encrypted.subarray(0, encrypted.length - 5)), PASSWORD)))).toBe("TRUNCATED");
    expect(await code(collect(decryptFile(blobOf(encrypted.subarray(0, 16)), PASSWORD)))).toBe("TRUNCATED");
    expect(await code(collect(decryptFile(blobOf(pattern(64)), PASSWORD)))).toBe("NOT_OPENSSL_SALTED");
    expect(() => encryptFile(new Blob([]), "court")).toThrow(FileCryptoError);
  });

  it("the last block's padding is checked before any output, for one block or many", async () => {
    const salt = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]); // with it, "wrong password!!" fails the padding check
    for (const size of [0, 1000]) {
      const encrypted = blobOf(await encryptBytes(pattern(size), PASSWORD, { salt }));
      await expect(checkDecryptionPassword(encrypted, PASSWORD)).resolves.toBeUndefined();
      await expect(checkDecryptionPassword(encrypted, "wrong password!!")).rejects.toMatchObject({ code: "WRONG_PASSWORD_OR_CORRUPTED" });
    }
  });

  it("an abort stops the stream at the next slice with the signal's reason", async () => {
    const controller = new AbortController();
    let slices = 0;
    const stream = encryptFile(blobOf(pattern(64 * 1024)), PASSWORD, {
      sliceSize: 1024,
      onProgress: () => {
        if (++slices === 3) controller.abort(new Error("annulé"));
      },
      signal: controller.signal,
    });
    await expect(collect(stream)).rejects.toThrow("annulé");
    expect(slices).toBeLessThanOrEqual(4); // the slice in flight may finish; no further one starts
  });
});
