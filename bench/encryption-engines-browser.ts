// Browser side of bench/encryption-engines.ts (issue 15, goal 1: « what would close the gap »).
// Bundled by esbuild into one script that runs both as the page (window.EncEngines.run) and as the
// dedicated Workers the page starts from the same text. Every engine applies the island's own
// chaining (lib/forem/crypto/file-pipeline.ts) to bytes already in memory:
// - encryption: one Web Crypto call per slice, the padding block Web Crypto appends to a middle
//   slice dropped, the next IV = last ciphertext block, the last slice keeping its padding (the
//   file's PKCS#7 padding);
// - decryption: a middle slice decrypted with the forged padding block appended (see
//   decrypt-stream.ts), only the file's last slice with the real padding check.
// The forged block is written over the 16 bytes that follow the slice in the same buffer and put
// back right after the call (Web Crypto copies its input when called), so no slice is copied in
// JavaScript, like the island which reads each slice 16 bytes longer from the file.
import { decryptFile, DEFAULT_SLICE, encryptFile } from "../lib/forem/crypto";
import { deriveKeyAndIv } from "../lib/forem/crypto/derive-key";

type Bytes = Uint8Array<ArrayBuffer>;
type Emit = (piece: Bytes) => void;
/** The `cbc` of @noble/ciphers/aes.js, bundled beside this script when installed (optional). */
type NobleCbc = (
  key: Uint8Array,
  iv: Uint8Array,
  opts?: { disablePadding?: boolean },
) => { encrypt(data: Uint8Array): Bytes; decrypt(data: Uint8Array): Bytes };

const AES_BLOCK = 16;
const MIB = 1024 * 1024;
const FULL_PADDING_BLOCK = new Uint8Array(AES_BLOCK).fill(AES_BLOCK);
const CBC = "AES-CBC";

export async function encryptSlices(key: CryptoKey, firstIv: Bytes, data: Bytes, slice: number, emit: Emit): Promise<void> {
  let iv = firstIv;
  for (let offset = 0; ; offset += slice) {
    const end = Math.min(data.length, offset + slice);
    const isLast = offset + slice >= data.length;
    const encrypted = new Uint8Array(await crypto.subtle.encrypt({ name: CBC, iv }, key, data.subarray(offset, end)));
    const piece = isLast ? encrypted : encrypted.subarray(0, end - offset);
    if (!isLast) iv = piece.slice(piece.length - AES_BLOCK);
    emit(piece);
    if (isLast) return;
  }
}

/**
 * Decrypts data[0, length). `final`: this part ends the file (its last block carries the padding);
 * otherwise data must hold at least 16 bytes past `length` (room for the forged block).
 */
export async function decryptSlices(key: CryptoKey, firstIv: Bytes, data: Bytes, length: number, slice: number, final: boolean, emit: Emit): Promise<void> {
  let iv = firstIv;
  for (let offset = 0; offset < length; offset += slice) {
    const end = Math.min(length, offset + slice);
    if (final && end === length) {
      emit(new Uint8Array(await crypto.subtle.decrypt({ name: CBC, iv }, key, data.subarray(offset, end))));
      return;
    }
    const lastBlock = data.slice(end - AES_BLOCK, end);
    const forged = new Uint8Array(await crypto.subtle.encrypt({ name: CBC, iv: lastBlock }, key, FULL_PADDING_BLOCK));
    const saved = data.slice(end, end + AES_BLOCK);
    data.set(forged.subarray(0, AES_BLOCK), end);
    const decrypting = crypto.subtle.decrypt({ name: CBC, iv }, key, data.subarray(offset, end + AES_BLOCK));
    data.set(saved, end); // Web Crypto has its own copy of the input by now
    const plain = new Uint8Array(await decrypting);
    if (plain.length !== end - offset) throw new Error("unexpected block count");
    iv = lastBlock;
    emit(plain);
  }
}

function nobleEncryptSlices(cbc: NobleCbc, key: Bytes, firstIv: Bytes, data: Bytes, slice: number, emit: Emit): void {
  let iv = firstIv;
  for (let offset = 0; ; offset += slice) {
    const end = Math.min(data.length, offset + slice);
    const isLast = offset + slice >= data.length;
    const piece = cbc(key, iv, { disablePadding: !isLast }).encrypt(data.subarray(offset, end));
    if (!isLast) iv = piece.slice(piece.length - AES_BLOCK);
    emit(piece);
    if (isLast) return;
  }
}

function nobleDecryptSlices(cbc: NobleCbc, key: Bytes, firstIv: Bytes, data: Bytes, slice: number, emit: Emit): void {
  let iv = firstIv;
  for (let offset = 0; offset < data.length; offset += slice) {
    const end = Math.min(data.length, offset + slice);
    const isLast = end === data.length;
    emit(cbc(key, iv, { disablePadding: !isLast }).decrypt(data.subarray(offset, end)));
    iv = data.slice(end - AES_BLOCK, end);
  }
}

async function drain(stream: ReadableStream<Bytes>, emit: Emit): Promise<void> {
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) emit(r.value);
}

/**
 * What a Worker of a two-Worker island would do: decrypt [start, end) of the chosen File itself,
 * reading it slice by slice (one slice read ahead, like decryptFile), its first IV being the
 * ciphertext block just before `start` in the file (or the derived IV at the file's start).
 */
async function decryptFileRange(file: File, key: CryptoKey, derivedIv: Bytes, start: number, end: number, slice: number, emit: Emit): Promise<void> {
  const final = end === file.size;
  const read = (at: number) => {
    const to = Math.min(end, at + slice);
    const room = final && to === end ? 0 : AES_BLOCK; // the block the forged one is written over
    return file.slice(at, to + room).arrayBuffer();
  };
  let iv = start === 16 ? derivedIv : new Uint8Array(await file.slice(start - AES_BLOCK, start).arrayBuffer());
  let next = read(start);
  for (let offset = start; offset < end; offset += slice) {
    const length = Math.min(end, offset + slice) - offset;
    const buffer = new Uint8Array(await next);
    if (offset + length < end) next = read(offset + length);
    await decryptSlices(key, iv, buffer, length, length, final && offset + length === end, emit);
    iv = buffer.slice(length - AES_BLOCK, length);
  }
}

// ---------------------------------------------------------------- worker side
type Job =
  | { op: "encrypt"; key: CryptoKey; iv: Bytes; data: ArrayBuffer; slice: number }
  | { op: "decrypt"; key: CryptoKey; iv: Bytes; data: ArrayBuffer; length: number; slice: number; final: boolean }
  | { op: "encryptFile" | "decryptFile"; file: File; password: string; salt: Bytes }
  | { op: "decryptFileRange"; file: File; key: CryptoKey; iv: Bytes; start: number; end: number; slice: number };
type Reply = { piece: ArrayBuffer; byteOffset: number; byteLength: number } | { done: true; data?: ArrayBuffer } | { error: string };

function serveJobs(scope: { onmessage: ((e: MessageEvent<Job>) => void) | null; postMessage(m: Reply, transfer?: Transferable[]): void }) {
  // Each piece goes back at once with its buffer transferred (no copy), as it would to a download.
  const emit: Emit = (piece) => scope.postMessage({ piece: piece.buffer, byteOffset: piece.byteOffset, byteLength: piece.byteLength }, [piece.buffer]);
  const serve = async (job: Job) => {
    try {
      if (job.op === "encrypt") await encryptSlices(job.key, job.iv, new Uint8Array(job.data), job.slice, emit);
      else if (job.op === "decrypt") await decryptSlices(job.key, job.iv, new Uint8Array(job.data), job.length, job.slice, job.final, emit);
      else if (job.op === "encryptFile") await drain(encryptFile(job.file, job.password, { salt: job.salt }), emit);
      else if (job.op === "decryptFileRange") await decryptFileRange(job.file, job.key, job.iv, job.start, job.end, job.slice, emit);
      else await drain(decryptFile(job.file, job.password), emit);
      const data = "data" in job ? job.data : undefined;
      scope.postMessage({ done: true, data }, data ? [data] : []);
    } catch (e) {
      scope.postMessage({ error: e instanceof Error ? e.message : String(e) });
    }
  };
  scope.onmessage = ({ data: job }) => void serve(job);
}

// ---------------------------------------------------------------- page side
type Result = { pieces: Bytes[]; data?: ArrayBuffer };

function runInWorker(worker: Worker, job: Job, transfer: Transferable[]): Promise<Result> {
  return new Promise((resolve, reject) => {
    const pieces: Bytes[] = [];
    worker.onmessage = ({ data: m }: MessageEvent<Reply>) => {
      if ("piece" in m) pieces.push(new Uint8Array(m.piece, m.byteOffset, m.byteLength));
      else if ("error" in m) reject(new Error(m.error));
      else resolve({ pieces, data: m.data });
    };
    worker.postMessage(job, transfer);
  });
}

/** Byte-for-byte comparison of the output pieces with the expected bytes (8 bytes at a time when aligned). */
function sameBytes(pieces: Bytes[], expected: Bytes): boolean {
  let at = 0;
  for (const piece of pieces) {
    if (at + piece.length > expected.length) return false;
    const want = expected.subarray(at, at + piece.length);
    let i = 0;
    if (piece.byteOffset % 8 === 0 && want.byteOffset % 8 === 0) {
      const a = new BigUint64Array(piece.buffer, piece.byteOffset, piece.length >> 3);
      const b = new BigUint64Array(want.buffer, want.byteOffset, piece.length >> 3);
      for (; i < a.length; i++) if (a[i] !== b[i]) return false;
      i <<= 3;
    }
    for (; i < piece.length; i++) if (piece[i] !== want[i]) return false;
    at += piece.length;
  }
  return at === expected.length;
}

export type EngineRow = { engine: string; direction: "chiffrer" | "dechiffrer"; where: string; slice: string; seconds: number[]; verified: boolean };

export type RunOptions = { password: string; saltHex: string; repeat: number; withNoble: boolean };

async function run(o: RunOptions): Promise<EngineRow[]> {
  const plainFile = (document.getElementById("clair") as HTMLInputElement).files![0]!;
  const opensslFile = (document.getElementById("openssl") as HTMLInputElement).files![0]!;
  const salt = new Uint8Array(o.saltHex.match(/../g)!.map((h) => parseInt(h, 16)));
  // The island's key schedule (lib/forem/crypto/derive-key.ts) for Web Crypto; the same PBKDF2
  // once more with extractable bits for the JavaScript library, which needs the raw key.
  const { key, iv } = await deriveKeyAndIv(o.password, salt);
  const passwordKey = await crypto.subtle.importKey("raw", new TextEncoder().encode(o.password), "PBKDF2", false, ["deriveBits"]);
  const bits = new Uint8Array(await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations: 10_000 }, passwordKey, 384));
  const rawKey = bits.slice(0, 32);

  // Already in memory before any timing: the plain bytes, openssl's output (header + body), and
  // the body alone plus, for the two-worker decryption, its two halves as separate buffers.
  let plain = new Uint8Array(await plainFile.arrayBuffer());
  const opensslOut = new Uint8Array(await opensslFile.arrayBuffer());
  const opensslBody = opensslOut.subarray(16);
  let body = opensslBody.slice();
  const half = Math.floor(body.length / 2 / AES_BLOCK) * AES_BLOCK;
  let firstHalf = body.slice(0, half + AES_BLOCK); // + the block the forged one is written over
  let secondHalf = body.slice(half);
  const secondIv = body.slice(half - AES_BLOCK, half);

  const source = await (await fetch("/engines.js")).text();
  const workerUrl = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  const workers = [new Worker(workerUrl), new Worker(workerUrl)];
  const noble = (globalThis as { NobleCiphers?: { cbc: NobleCbc } }).NobleCiphers?.cbc;

  const rows: EngineRow[] = [];
  const measure = async (row: Omit<EngineRow, "seconds" | "verified">, expected: Bytes, work: () => Promise<Bytes[]>) => {
    const seconds: number[] = [];
    let verified = true;
    for (let i = 0; i < o.repeat; i++) {
      const t0 = performance.now();
      const pieces = await work();
      seconds.push(+((performance.now() - t0) / 1000).toFixed(3));
      verified &&= sameBytes(pieces, expected);
    }
    rows.push({ ...row, seconds, verified });
    console.log(`${row.engine} ${row.direction} ${row.where} ${row.slice}: ${seconds.join(", ")} s, ${verified ? "vérifié" : "DIFFÉRENT"}`);
  };
  const collect = async (work: (emit: Emit) => Promise<void> | void) => {
    const pieces: Bytes[] = [];
    await work((p) => pieces.push(p));
    return pieces;
  };
  const label = (slice: number) => `${slice / MIB} Mio`;

  // (a) Web Crypto on the main thread, the island's slice and others.
  for (const slice of [MIB, DEFAULT_SLICE, 16 * MIB, 64 * MIB]) {
    await measure({ engine: "Web Crypto", direction: "chiffrer", where: "fil principal", slice: label(slice) }, opensslBody, () =>
      collect((emit) => encryptSlices(key, iv, plain, slice, emit)),
    );
  }
  // (b) The same in a dedicated Worker: input transferred in, each piece transferred back.
  for (const slice of [DEFAULT_SLICE, 16 * MIB]) {
    await measure({ engine: "Web Crypto", direction: "chiffrer", where: "1 Worker", slice: label(slice) }, opensslBody, async () => {
      const r = await runInWorker(workers[0]!, { op: "encrypt", key, iv, data: plain.buffer, slice }, [plain.buffer]);
      plain = new Uint8Array(r.data!);
      return r.pieces;
    });
  }
  // The island's own code (encryptFile on the chosen File: reading included), page and Worker.
  await measure(
    { engine: "encryptFile (code de l'îlot), lecture du File comprise", direction: "chiffrer", where: "fil principal", slice: label(DEFAULT_SLICE) },
    opensslOut,
    () => collect((emit) => drain(encryptFile(plainFile, o.password, { salt }), emit)),
  );
  await measure(
    { engine: "encryptFile (code de l'îlot), lecture du File comprise", direction: "chiffrer", where: "1 Worker", slice: label(DEFAULT_SLICE) },
    opensslOut,
    async () => (await runInWorker(workers[0]!, { op: "encryptFile", file: plainFile, password: o.password, salt }, [])).pieces,
  );

  // Decryption: page, one Worker, two Workers (CBC decryption of a block needs only the block
  // before it, so the second half starts from the first half's last ciphertext block).
  await measure({ engine: "Web Crypto", direction: "dechiffrer", where: "fil principal", slice: label(DEFAULT_SLICE) }, plain, () =>
    collect((emit) => decryptSlices(key, iv, body, body.length, DEFAULT_SLICE, true, emit)),
  );
  await measure({ engine: "Web Crypto", direction: "dechiffrer", where: "1 Worker", slice: label(DEFAULT_SLICE) }, plain, async () => {
    const r = await runInWorker(workers[0]!, { op: "decrypt", key, iv, data: body.buffer, length: body.length, slice: DEFAULT_SLICE, final: true }, [
      body.buffer,
    ]);
    body = new Uint8Array(r.data!);
    return r.pieces;
  });
  await measure({ engine: "Web Crypto", direction: "dechiffrer", where: "2 Workers (une moitié chacun)", slice: label(DEFAULT_SLICE) }, plain, async () => {
    const [a, b] = await Promise.all([
      runInWorker(workers[0]!, { op: "decrypt", key, iv, data: firstHalf.buffer, length: half, slice: DEFAULT_SLICE, final: false }, [firstHalf.buffer]),
      runInWorker(workers[1]!, { op: "decrypt", key, iv: secondIv, data: secondHalf.buffer, length: secondHalf.length, slice: DEFAULT_SLICE, final: true }, [
        secondHalf.buffer,
      ]),
    ]);
    firstHalf = new Uint8Array(a.data!);
    secondHalf = new Uint8Array(b.data!);
    return [...a.pieces, ...b.pieces];
  });
  await measure(
    { engine: "decryptFile (code de l'îlot), lecture du File comprise", direction: "dechiffrer", where: "fil principal", slice: label(DEFAULT_SLICE) },
    plain,
    () => collect((emit) => drain(decryptFile(opensslFile, o.password), emit)),
  );
  await measure(
    { engine: "decryptFile (code de l'îlot), lecture du File comprise", direction: "dechiffrer", where: "1 Worker", slice: label(DEFAULT_SLICE) },
    plain,
    async () => (await runInWorker(workers[0]!, { op: "decryptFile", file: opensslFile, password: o.password, salt }, [])).pieces,
  );

  // What a two-Worker island would get: each Worker reads and decrypts its half of the File.
  const fileHalf = 16 + half;
  await measure(
    { engine: "Web Crypto, lecture du File comprise", direction: "dechiffrer", where: "2 Workers (une moitié du File chacun)", slice: label(DEFAULT_SLICE) },
    plain,
    async () => {
      const [a, b] = await Promise.all([
        runInWorker(workers[0]!, { op: "decryptFileRange", file: opensslFile, key, iv, start: 16, end: fileHalf, slice: DEFAULT_SLICE }, []),
        runInWorker(workers[1]!, { op: "decryptFileRange", file: opensslFile, key, iv, start: fileHalf, end: opensslFile.size, slice: DEFAULT_SLICE }, []),
      ]);
      return [...a.pieces, ...b.pieces];
    },
  );

  // (d) @noble/ciphers (pure JavaScript AES, audited), same slicing, on the main thread.
  if (o.withNoble && noble) {
    await measure({ engine: "@noble/ciphers cbc", direction: "chiffrer", where: "fil principal", slice: label(DEFAULT_SLICE) }, opensslBody, () =>
      collect((emit) => nobleEncryptSlices(noble, rawKey, iv, plain, DEFAULT_SLICE, emit)),
    );
    await measure({ engine: "@noble/ciphers cbc", direction: "dechiffrer", where: "fil principal", slice: label(DEFAULT_SLICE) }, plain, () =>
      collect((emit) => nobleDecryptSlices(noble, rawKey, iv, body, DEFAULT_SLICE, emit)),
    );
  }
  for (const w of workers) w.terminate();
  URL.revokeObjectURL(workerUrl);
  return rows;
}

if (typeof window === "undefined") serveJobs(self as unknown as Parameters<typeof serveJobs>[0]);
else (window as unknown as { EncEngines: { run: typeof run } }).EncEngines = { run };
