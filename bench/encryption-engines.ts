// Issue 15, goal 1, « what would close the gap » — measured: AES-256-CBC engines in Debian's
// Chromium on bytes already in memory, against `openssl enc -aes-256-cbc -salt -pbkdf2 -iter 10000`
// timed in the same run (before and after the browser part, from a file in /tmp and from /dev/shm).
// Engines (bench/encryption-engines-browser.ts, all with the island's slicing and IV chaining):
// Web Crypto on the main thread at 1, 4 (the island's), 16 and 64 MiB slices; the same in a
// dedicated Worker (buffers transferred, not copied); the island's own encryptFile/decryptFile on
// the chosen File, in the page and in a Worker; decryption split over two Workers (CBC decryption
// is parallel, encryption is not); @noble/ciphers (audited pure-JavaScript AES) when installed.
// Every output is compared byte for byte with openssl's (same password, fixed salt via `-S`, so
// the same key and IV) or, for decryption, with the original bytes.
//
// Run: npm run bench:encryption-engines
//   BENCH_ENCRYPTION_ENGINES_MIB (default 300; "300,1024" for both), BENCH_REPEAT (default 2),
//   BENCH_PORT (origin of the bare page, answered by Playwright: no server is started),
//   NOBLE_CIPHERS_DIR: a node_modules folder holding @noble/ciphers, which is not a dependency of
//   the portal (e.g. `npm install --prefix /tmp/noble @noble/ciphers@2.4.0` then
//   NOBLE_CIPHERS_DIR=/tmp/noble/node_modules); without it that engine is skipped.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { chromium } from "@playwright/test";
import { build } from "esbuild";

import type { EngineRow, RunOptions } from "./encryption-engines-browser";
import { MIB, writeRandomFile } from "./encryption-support";
import { cpuModel } from "./lib/report";

const root = path.resolve(import.meta.dirname, "..");
const SIZES = (process.env.BENCH_ENCRYPTION_ENGINES_MIB ?? "300").split(",").map(Number);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 2);
const ORIGIN = `http://localhost:${process.env.BENCH_PORT ?? 5700}`;
const OPENSSL = process.env.OPENSSL_PATH ?? "/usr/bin/openssl";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const NOBLE_DIR = process.env.NOBLE_CIPHERS_DIR;
const PASSWORD = "Banc-Essai-Chiffrement-2026";
const SALT_HEX = "c0ffee0123456789";

type OpensslTimes = Record<"chiffrer" | "dechiffrer", Record<"disque" | "shm", number[]>>;

function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

function timeOpenssl(args: string[]): number {
  const t0 = process.hrtime.bigint();
  execFileSync(OPENSSL, args, { stdio: ["ignore", "ignore", "inherit"] });
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/**
 * enc and -d, on disk (/tmp) and in memory (/dev/shm). With `-S` (fixed salt) OpenSSL 3 writes the
 * ciphertext without its « Salted__ » header and reads it back the same way: same key, IV and work.
 */
function runOpenssl(dirs: Record<"disque" | "shm", string>, passFile: string, times: OpensslTimes) {
  for (const where of ["disque", "shm"] as const) {
    const dir = dirs[where];
    const common = ["-aes-256-cbc", "-salt", "-pbkdf2", "-iter", "10000", "-pass", `file:${passFile}`];
    times.chiffrer[where].push(timeOpenssl(["enc", "-e", ...common, "-S", SALT_HEX, "-in", `${dir}/clair.bin`, "-out", `${dir}/clair.bin.enc`]));
    times.dechiffrer[where].push(timeOpenssl(["enc", "-d", ...common, "-S", SALT_HEX, "-in", `${dir}/clair.bin.enc`, "-out", `${dir}/retour.bin`]));
  }
}

async function browserBundle(): Promise<{ script: string; withNoble: boolean }> {
  const own = await build({
    entryPoints: [path.join(root, "bench/encryption-engines-browser.ts")],
    bundle: true,
    format: "iife",
    write: false,
    platform: "browser",
    target: "chrome120",
  });
  let script = own.outputFiles[0]!.text;
  const withNoble = !!NOBLE_DIR && existsSync(path.join(NOBLE_DIR, "@noble/ciphers/aes.js"));
  if (withNoble) {
    const noble = await build({
      stdin: { contents: 'export { cbc } from "@noble/ciphers/aes.js";', resolveDir: NOBLE_DIR, loader: "js" },
      bundle: true,
      format: "iife",
      globalName: "NobleCiphers",
      write: false,
      platform: "browser",
      target: "chrome120",
    });
    script = `${noble.outputFiles[0]!.text}\n${script}`;
  }
  return { script, withNoble };
}

function best(seconds: number[]): number {
  return Math.min(...seconds);
}

async function measureSize(sizeMiB: number, script: string, withNoble: boolean) {
  const dirs = { disque: mkdtempSync("/tmp/enc-engines-"), shm: mkdtempSync("/dev/shm/enc-engines-") };
  const passFile = path.join(dirs.shm, "mot-de-passe");
  writeFileSync(passFile, PASSWORD, { mode: 0o600 });
  const times: OpensslTimes = { chiffrer: { disque: [], shm: [] }, dechiffrer: { disque: [], shm: [] } };
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  try {
    await writeRandomFile(`${dirs.shm}/clair.bin`, sizeMiB * MIB);
    copyFileSync(`${dirs.shm}/clair.bin`, `${dirs.disque}/clair.bin`);
    runOpenssl(dirs, passFile, times);
    const reference = sha256(`${dirs.shm}/clair.bin.enc`);
    if (sha256(`${dirs.disque}/clair.bin.enc`) !== reference) throw new Error("openssl: two different outputs for the same salt");
    if (sha256(`${dirs.shm}/retour.bin`) !== sha256(`${dirs.shm}/clair.bin`)) throw new Error("openssl -d did not give back the original");
    // What `openssl enc -salt` writes when it draws this salt itself: header + the same body.
    const salted = `${dirs.shm}/clair.bin.salted`;
    writeFileSync(salted, Buffer.concat([Buffer.from("Salted__"), Buffer.from(SALT_HEX, "hex")]));
    appendFileSync(salted, readFileSync(`${dirs.shm}/clair.bin.enc`));

    const page = await browser.newPage();
    page.on("console", (m) => console.log(`  [page] ${m.text()}`));
    await page.route(`${ORIGIN}/engines.js`, (r) => r.fulfill({ contentType: "text/javascript", body: script }));
    await page.route(`${ORIGIN}/`, (r) =>
      r.fulfill({
        contentType: "text/html",
        body: '<!doctype html><input type="file" id="clair"><input type="file" id="openssl"><script src="/engines.js"></script>',
      }),
    );
    await page.goto(`${ORIGIN}/`);
    await page.locator("#clair").setInputFiles(`${dirs.shm}/clair.bin`);
    await page.locator("#openssl").setInputFiles(salted);
    const options: RunOptions = { password: PASSWORD, saltHex: SALT_HEX, repeat: REPEAT, withNoble };
    const rows = await page.evaluate((o) => (window as unknown as { EncEngines: { run: (o: RunOptions) => Promise<EngineRow[]> } }).EncEngines.run(o), options);
    await page.close();
    runOpenssl(dirs, passFile, times);
    return { sizeMiB, openssl: times, rows };
  } finally {
    await browser.close();
    for (const dir of Object.values(dirs)) rmSync(dir, { recursive: true, force: true });
  }
}

type Measured = Awaited<ReturnType<typeof measureSize>>;

function table(m: Measured): string {
  const mibs = (s: number) => (m.sizeMiB / s).toFixed(0);
  const lines = [
    `### ${m.sizeMiB} MiB`,
    "",
    "| Direction | Engine | Where | Slice | Best (s) | MiB/s | ÷ openssl /dev/shm | ÷ openssl /tmp | Verified |",
    "| --- | --- | --- | --- | ---: | ---: | ---: | ---: | --- |",
  ];
  for (const direction of ["chiffrer", "dechiffrer"] as const) {
    const shm = best(m.openssl[direction].shm);
    const disk = best(m.openssl[direction].disque);
    const dir = direction === "chiffrer" ? "encrypt" : "decrypt";
    lines.push(`| ${dir} | openssl enc, /dev/shm → /dev/shm | — | — | ${shm.toFixed(2)} | ${mibs(shm)} | 1.00× | ${(disk / shm).toFixed(2)}× | reference |`);
    lines.push(`| ${dir} | openssl enc, /tmp → /tmp | — | — | ${disk.toFixed(2)} | ${mibs(disk)} | ${(shm / disk).toFixed(2)}× | 1.00× | reference |`);
    for (const r of m.rows.filter((row) => row.direction === direction)) {
      const s = best(r.seconds);
      lines.push(
        `| ${dir} | ${r.engine} | ${r.where} | ${r.slice} | ${s.toFixed(2)} | ${mibs(s)} | ${(shm / s).toFixed(2)}× | ${(disk / s).toFixed(2)}× | ${r.verified ? "yes" : "**NO**"} |`,
      );
    }
  }
  const all = (d: "chiffrer" | "dechiffrer", w: "disque" | "shm") => m.openssl[d][w].map((s) => s.toFixed(2)).join(" / ");
  lines.push(
    "",
    `openssl before / after the browser part: encrypt /dev/shm ${all("chiffrer", "shm")} s, /tmp ${all("chiffrer", "disque")} s; decrypt /dev/shm ${all("dechiffrer", "shm")} s, /tmp ${all("dechiffrer", "disque")} s (ratios use openssl's best).`,
  );
  return lines.join("\n");
}

async function main() {
  const started = Date.now();
  const loadAtStart = os.loadavg();
  const { script, withNoble } = await browserBundle();
  if (!withNoble) console.log("@noble/ciphers absent (NOBLE_CIPHERS_DIR): that engine is skipped.");
  const measured: Measured[] = [];
  for (const size of SIZES) {
    console.log(`\n${size} MiB…`);
    measured.push(await measureSize(size, script, withNoble));
  }
  const loadAtEnd = os.loadavg();
  const report = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.availableParallelism(),
      cpuModel: cpuModel(),
      loadAtStart,
      loadAtEnd,
      chromium: execFileSync(CHROMIUM, ["--version"]).toString().trim(),
      openssl: execFileSync(OPENSSL, ["version"]).toString().trim(),
      noble: withNoble ? JSON.parse(readFileSync(path.join(NOBLE_DIR!, "@noble/ciphers/package.json"), "utf8")).version : null,
    },
    measured,
  };
  mkdirSync(path.join(root, "bench/results"), { recursive: true });
  writeFileSync(path.join(root, "bench/results/encryption-engines.json"), `${JSON.stringify(report, null, 2)}\n`);
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(" ");
  console.log(`\n${measured.map(table).join("\n\n")}\n`);
  console.log(
    `Load average (1, 5, 15 min): start ${load(loadAtStart)}, end ${load(loadAtEnd)}. ${report.machine.cpuModel}, ${report.machine.chromium}, ${report.machine.openssl}.`,
  );
  console.log(`Results: bench/results/encryption-engines.json (${((Date.now() - started) / 1000).toFixed(0)} s).`);
  return measured.every((m) => m.rows.every((r) => r.verified)) ? 0 : 1;
}

main()
  .then((code) => process.exit(code))
  .catch((e: unknown) => {
    console.error("Banc d'essai interrompu :", e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(2);
  });
