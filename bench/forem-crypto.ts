// Benchmark of lib/forem/crypto alone (issue 5), in a bare page of Debian's Chromium:
// `encryptFile(file)` (the island's pipeline since issue 15) collected into a Blob, against
// `openssl enc` on the same file in the same run (ratio), and the browser's peak memory (sum of the
// PSS of every Chromium process). A harness, not the page a user takes: for that, and for the
// goal of issue 15, see bench/encryption-page.ts (`npm run bench:encryption`).
// Run: npx tsx bench/forem-crypto.ts   (BENCH_FOREM_MB=1024 for the 1 GB case; default 256)
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { chromium } from "@playwright/test";

import type * as ForemCrypto from "../lib/forem/crypto";

import { bundleForemCrypto, chromiumPssBytes, writeRandomFile } from "./encryption-support";

type ForemCryptoModule = typeof ForemCrypto;

const MB = 1024 * 1024;
const SIZE_MB = Number(process.env.BENCH_FOREM_MB ?? 256);
const OPENSSL = process.env.OPENSSL_PATH ?? "/usr/bin/openssl";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const PASSWORD = "Banc-Essai-Chiffrement-2026";
const root = path.resolve(import.meta.dirname, "..");

function opensslSeconds(input: string, output: string, passFile: string): number {
  const t0 = process.hrtime.bigint();
  execFileSync(OPENSSL, ["aes-256-cbc", "-e", "-salt", "-pbkdf2", "-iter", "10000", "-pass", `file:${passFile}`, "-in", input, "-out", output]);
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "banc-forem-"));
  try {
    const input = path.join(dir, "liste.xlsx");
    const passFile = path.join(dir, "mdp.txt");
    writeFileSync(passFile, `${PASSWORD}\n`, { mode: 0o600 });
    console.log(`Fichier de ${SIZE_MB} Mio…`);
    await writeRandomFile(input, SIZE_MB * MB);

    const script = await bundleForemCrypto();

    const profile = path.join(dir, "profil-chromium");
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu"] });
    const page = context.pages()[0] ?? (await context.newPage());
    // http://localhost is a secure context: Web Crypto is available as on the portal.
    await page.route("http://localhost/banc", (r) =>
      r.fulfill({ contentType: "text/html", body: `<!doctype html><input type="file" id="f"><script>${script}</script>` }),
    );
    await page.goto("http://localhost/banc");
    await page.setInputFiles("#f", input);

    const idle = chromiumPssBytes(profile);
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, chromiumPssBytes(profile))), 100);
    const browser = await page.evaluate(async (password) => {
      const w = window as unknown as { ForemCrypto: ForemCryptoModule };
      const file = (document.getElementById("f") as HTMLInputElement).files![0]!;
      const t0 = performance.now();
      // The island's pipeline, collected like save-output.ts's last-resort Blob path.
      const blob = await new Response(w.ForemCrypto.encryptFile(file, password)).blob();
      return { seconds: (performance.now() - t0) / 1000, outputBytes: blob.size };
    }, PASSWORD);
    clearInterval(sampler);
    peak = Math.max(peak, chromiumPssBytes(profile));
    await context.close();

    const opensslOut = path.join(dir, "openssl.enc");
    const openssl = opensslSeconds(input, opensslOut, passFile);
    const expected = 16 + (Math.floor((SIZE_MB * MB) / 16) + 1) * 16;
    if (browser.outputBytes !== expected || statSync(opensslOut).size !== expected) throw new Error("taille chiffrée inattendue");

    const report = {
      date: new Date().toISOString(),
      fileMiB: SIZE_MB,
      chromium: { seconds: +browser.seconds.toFixed(2), mibPerSecond: +(SIZE_MB / browser.seconds).toFixed(1) },
      openssl: { seconds: +openssl.toFixed(2), mibPerSecond: +(SIZE_MB / openssl).toFixed(1) },
      ratioChromiumToOpenssl: +(browser.seconds / openssl).toFixed(2),
      chromiumPssMiB: { idle: Math.round(idle / MB), peak: Math.round(peak / MB), increase: Math.round((peak - idle) / MB) },
    };
    console.log(JSON.stringify(report, null, 2));
    writeFileSync(path.join(root, "bench", "results", `forem-crypto-${SIZE_MB}MiB.json`), `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
