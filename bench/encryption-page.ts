// Benchmark of issue 15, goal 1: the FOREM encryption island through the page a user takes.
// The portal is started as `npm start` runs it (bench/lib/portal-server.ts), a CPAS member is signed
// in with a minted session, and Debian's Chromium opens /chiffrement, sets the real file input,
// types the password, clicks « Chiffrer le fichier » / « Déchiffrer le fichier » and waits until
// the page's own download is complete on disk (or, for the Save-as path, until the file written
// through the page's showSaveFilePicker branch is closed). Each run is timed against
// `openssl enc -aes-256-cbc -salt -pbkdf2 -iter 10000` on the same file in the same run, and the
// browser's memory (sum of PSS of its processes) is sampled: idle, peak, and 3 s after the end.
// Two windows: a normal one (persistent profile on disk) and a private one (Playwright's default
// context, off the record like an incognito window). Then a per-stage profile (bench/encryption-
// profile.ts) says where the time goes.
//
// Save-as: a headless browser cannot click a native dialog, so the page's showSaveFilePicker is
// given a handle of the Origin Private File System: the same FileSystemWritableFileStream the real
// dialog returns (written to a swap file, moved into place on close), without the dialog.
//
// Run: npm run bench:encryption   (BENCH_ENCRYPTION_MIB=300,1024 by default; BENCH_PORT,
// BENCH_DATABASE_URL (cpas_bench*), NEXT_DIST_DIR (default .next-bench-encryption)). The checkout is
// left as found: tsconfig.json, which `next build` rewrites for another build folder, is restored.
import { execFileSync } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { chromium, type BrowserContext, type Page } from "@playwright/test";
import { encode } from "next-auth/jwt";

import { applyBenchEnv, BENCH_DATABASE_URL, BENCH_ORIGIN, BENCH_SECRETS } from "./lib/bench-env";
import { profileStages, type StageProfile } from "./encryption-profile";
import { chromiumPssBytes, MIB, samplePss, writeRandomFile } from "./encryption-support";
import { cpuModel } from "./lib/report";

const root = path.resolve(import.meta.dirname, "..");
const resultsDir = path.join(root, "bench", "results");
const SIZES = (process.env.BENCH_ENCRYPTION_MIB ?? "300,1024").split(",").map(Number);
/** Both by default; one of them to look into a single path. */
const PATHS = (process.env.BENCH_ENCRYPTION_PATHS ?? "telechargement,enregistrer-sous").split(",") as SavePath[];
const OPENSSL = process.env.OPENSSL_PATH ?? "/usr/bin/openssl";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const PASSWORD = "Banc-Essai-Chiffrement-2026";
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

type Direction = "chiffrer" | "dechiffrer";
type SavePath = "telechargement" | "enregistrer-sous";
type Window = "normale" | "privee";
type Run = {
  sizeMiB: number;
  direction: Direction;
  path: SavePath;
  window: Window;
  seconds: number;
  opensslSeconds: number;
  /** Throughput of the page over openssl's (openssl seconds / page seconds): the goal is ≥ 0.8. */
  throughputRatio: number;
  memoryMiB: { idle: number; peakAboveIdle: number; afterAboveIdle: number };
  verified: string;
};

function opensslSeconds(direction: "-e" | "-d", input: string, output: string, passFile: string): number {
  const t0 = process.hrtime.bigint();
  execFileSync(OPENSSL, ["aes-256-cbc", direction, "-salt", "-pbkdf2", "-iter", "10000", "-pass", `file:${passFile}`, "-in", input, "-out", output]);
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

async function sha256(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/**
 * The page's showSaveFilePicker, answered with an OPFS file instead of a native dialog. A string,
 * not a function: tsx would wrap a function's inner functions in a __name() the page lacks.
 */
const OPFS_PICKER = `Object.assign(window, {
  showSaveFilePicker: async ({ suggestedName }) => (await navigator.storage.getDirectory()).getFileHandle(suggestedName, { create: true }),
});`;

async function openIsland(context: BrowserContext, savePath: SavePath, direction: Direction): Promise<Page> {
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") console.log(`  console ${m.type()} : ${m.text()}`);
  });
  if (savePath === "enregistrer-sous") await page.addInitScript(OPFS_PICKER);
  await page.goto(`${BENCH_ORIGIN}/chiffrement${savePath === "telechargement" ? "?telechargement=1" : ""}`);
  await page.getByRole("heading", { level: 1, name: "Chiffrement local de fichiers" }).waitFor();
  if (direction === "dechiffrer") await page.getByRole("radio", { name: /^Déchiffrer/ }).check();
  await page
    .getByRole("button", { name: direction === "chiffrer" ? "Chiffrer le fichier" : "Déchiffrer le fichier" })
    .and(page.locator(":enabled"))
    .waitFor();
  return page;
}

async function settle(ms: number) {
  await new Promise((r) => setTimeout(r, ms));
}

async function runInPage(o: {
  context: BrowserContext;
  marker: string;
  window: Window;
  savePath: SavePath;
  direction: Direction;
  input: string;
  sizeMiB: number;
  opensslSeconds: number;
  expectedBytes: number;
  check: (output: string) => Promise<string>;
}): Promise<Run> {
  const page = await openIsland(o.context, o.savePath, o.direction);
  await page.getByLabel("Fichier", { exact: true }).setInputFiles(o.input);
  await page.getByLabel("Mot de passe", { exact: true }).fill(PASSWORD);
  if (o.direction === "chiffrer") await page.getByLabel("Confirmez le mot de passe").fill(PASSWORD);
  await settle(1_500);
  const idle = chromiumPssBytes(o.marker);
  const sampler = samplePss(o.marker);
  const button = o.direction === "chiffrer" ? "Chiffrer le fichier" : "Déchiffrer le fichier";
  const t0 = performance.now();
  let verified: string;
  if (o.savePath === "telechargement") {
    const download = page.waitForEvent("download", { timeout: 120_000 });
    await page.getByRole("button", { name: button }).click();
    const file = await download;
    const saved = await file.path(); // resolves when the download is complete on disk
    const seconds = (performance.now() - t0) / 1000;
    await page.getByTestId("resultat").waitFor({ timeout: 60_000 });
    const peak = sampler.stop();
    await settle(3_000);
    const after = chromiumPssBytes(o.marker);
    verified = await o.check(saved);
    await file.delete();
    await page.close();
    return result(o, seconds, idle, peak, after, verified);
  }
  await page.getByRole("button", { name: button }).click();
  await page.getByTestId("resultat").or(page.getByTestId("alerte")).waitFor({ timeout: 180_000 });
  if (await page.getByTestId("alerte").isVisible()) throw new Error(`la page a affiché : ${await page.getByTestId("alerte").textContent()}`);
  const seconds = (performance.now() - t0) / 1000;
  const peak = sampler.stop();
  await settle(3_000);
  const after = chromiumPssBytes(o.marker);
  const name = (await page.getByTestId("nom-resultat").textContent())!;
  const size = await page.evaluate(async (n) => {
    const dir = await navigator.storage.getDirectory();
    const file = await (await dir.getFileHandle(n)).getFile();
    const bytes = file.size;
    await dir.removeEntry(n);
    return bytes;
  }, name);
  if (size !== o.expectedBytes) throw new Error(`${name} : ${size} octets écrits, ${o.expectedBytes} attendus`);
  verified = `${name} : ${size} octets écrits, la taille attendue`;
  await page.close();
  return result(o, seconds, idle, peak, after, verified);
}

function result(
  o: { sizeMiB: number; direction: Direction; savePath: SavePath; window: Window; opensslSeconds: number },
  seconds: number,
  idle: number,
  peak: number,
  after: number,
  verified: string,
): Run {
  return {
    sizeMiB: o.sizeMiB,
    direction: o.direction,
    path: o.savePath,
    window: o.window,
    seconds: +seconds.toFixed(2),
    opensslSeconds: +o.opensslSeconds.toFixed(2),
    throughputRatio: +(o.opensslSeconds / seconds).toFixed(2),
    memoryMiB: { idle: Math.round(idle / MIB), peakAboveIdle: Math.round((peak - idle) / MIB), afterAboveIdle: Math.round((after - idle) / MIB) },
    verified,
  };
}

async function signedInContexts(workDir: string, cookie: { name: string; value: string }) {
  const profile = path.join(workDir, "profil-normal");
  const downloadsPath = path.join(workDir, "telechargements");
  const normal = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    downloadsPath,
  });
  const marker = `--cpas-bench-marker=${randomUUID()}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, marker], downloadsPath });
  const privateWindow = await browser.newContext({ acceptDownloads: true });
  for (const context of [normal, privateWindow]) await context.addCookies([{ ...cookie, url: BENCH_ORIGIN }]);
  return {
    contexts: [
      { window: "normale" as const, context: normal, marker: profile },
      { window: "privee" as const, context: privateWindow, marker },
    ],
    close: async () => {
      await normal.close();
      await browser.close();
    },
  };
}

function formatTable(runs: Run[]): string {
  const lines = [
    "| Taille | Sens | Chemin | Fenêtre | Page (s) | openssl (s) | Débit page / openssl | Mémoire crête au-dessus du repos (Mio) | 3 s après (Mio) |",
    "| ---: | --- | --- | --- | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const r of runs) {
    lines.push(
      `| ${r.sizeMiB} Mio | ${r.direction} | ${r.path} | ${r.window} | ${r.seconds} | ${r.opensslSeconds} | ${r.throughputRatio}× | ${r.memoryMiB.peakAboveIdle} | ${r.memoryMiB.afterAboveIdle} |`,
    );
  }
  return lines.join("\n");
}

async function main(): Promise<number> {
  applyBenchEnv();
  process.env.NEXT_DIST_DIR ||= ".next-bench-encryption"; // read by portal-server.ts, imported below
  const started = Date.now();
  const loadAtStart = os.loadavg()[0]!;
  const tsconfig = path.join(root, "tsconfig.json");
  const tsconfigBefore = readFileSync(tsconfig, "utf8");
  const restoreTsconfig = () => {
    if (readFileSync(tsconfig, "utf8") !== tsconfigBefore) writeFileSync(tsconfig, tsconfigBefore);
  };
  const workDir = mkdtempSync(path.join(os.tmpdir(), "banc-chiffrement-"));
  const { startPortal, stopAllPortals } = await import("./lib/portal-server");
  const onSignal = () =>
    void stopAllPortals().finally(() => {
      restoreTsconfig();
      rmSync(workDir, { recursive: true, force: true });
      process.exit(130);
    });
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  let server: Awaited<ReturnType<typeof startPortal>> | undefined;
  let browsers: Awaited<ReturnType<typeof signedInContexts>> | undefined;
  const runs: Run[] = [];
  let profile: StageProfile | undefined;
  try {
    console.log(`Base ${new URL(BENCH_DATABASE_URL).pathname.slice(1)} (recréée)…`);
    execFileSync(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/db.ts", "reset"], { cwd: root, env: process.env, stdio: "ignore" });
    const { buildCentre } = await import("./lib/build-fixture");
    const { db } = await import("@/lib/db/client");
    // One manager and one user; retried because a busy machine can exceed Prisma's 5 s transaction limit.
    let centre: Awaited<ReturnType<typeof buildCentre>> | undefined;
    for (let attempt = 1; !centre; attempt++) {
      try {
        centre = await buildCentre({ size: 1, nissOffset: 0 });
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
    await db.$disconnect();
    console.log(`Démarrage du portail (construction dans ${process.env.NEXT_DIST_DIR} si nécessaire)…`);
    try {
      server = await startPortal({ logFile: path.join(resultsDir, "encryption-page-server.log"), timeoutMs: 900_000 });
    } finally {
      restoreTsconfig();
    }
    const jwt = await encode({ token: { sub: centre.managerId, sid: centre.sessionId }, secret: BENCH_SECRETS.NEXTAUTH_SECRET });
    browsers = await signedInContexts(workDir, { name: "next-auth.session-token", value: jwt });
    const passFile = path.join(workDir, "mdp.txt");
    writeFileSync(passFile, `${PASSWORD}\n`, { mode: 0o600 });

    for (const sizeMiB of SIZES) {
      const plain = path.join(workDir, `liste-${sizeMiB}.xlsx`);
      console.log(`\nFichier aléatoire de ${sizeMiB} Mio…`);
      await writeRandomFile(plain, sizeMiB * MIB);
      const plainHash = await sha256(plain);
      const encrypted = `${plain}.enc`;
      const opensslEnc = opensslSeconds("-e", plain, encrypted, passFile);
      const opensslDec = opensslSeconds("-d", encrypted, path.join(workDir, "openssl.dec"), passFile);
      rmSync(path.join(workDir, "openssl.dec"));
      console.log(`openssl : chiffrement ${opensslEnc.toFixed(2)} s, déchiffrement ${opensslDec.toFixed(2)} s`);
      const checkEncrypted = async (output: string) => {
        const back = path.join(workDir, "verif.dec");
        opensslSeconds("-d", output, back, passFile);
        const same = (await sha256(back)) === plainHash;
        rmSync(back);
        if (!same) throw new Error("le fichier chiffré par la page ne redonne pas l'original avec openssl -d");
        return "openssl -d redonne le fichier d'origine (SHA-256 identique)";
      };
      const checkDecrypted = async (output: string) => {
        if ((await sha256(output)) !== plainHash) throw new Error("le fichier déchiffré par la page diffère de l'original");
        return "identique à l'original (SHA-256)";
      };
      for (const { window, context, marker } of browsers.contexts) {
        for (const savePath of PATHS) {
          for (const direction of ["chiffrer", "dechiffrer"] as const) {
            const run = await runInPage({
              context,
              marker,
              window,
              savePath,
              direction,
              input: direction === "chiffrer" ? plain : encrypted,
              sizeMiB,
              opensslSeconds: direction === "chiffrer" ? opensslEnc : opensslDec,
              expectedBytes: direction === "chiffrer" ? statSync(encrypted).size : sizeMiB * MIB,
              check: direction === "chiffrer" ? checkEncrypted : checkDecrypted,
            });
            runs.push(run);
            console.log(
              `${sizeMiB} Mio ${direction} ${savePath} fenêtre ${window} : ${run.seconds} s (openssl ${run.opensslSeconds} s, débit ${run.throughputRatio}×), mémoire +${run.memoryMiB.peakAboveIdle} Mio en crête, +${run.memoryMiB.afterAboveIdle} Mio après`,
            );
          }
        }
      }
      if (sizeMiB === SIZES[0]) {
        console.log("\nProfil par étape (où va le temps)…");
        profile = await profileStages(browsers.contexts[0]!.context, { origin: BENCH_ORIGIN, plain, encrypted, password: PASSWORD });
        console.log(JSON.stringify(profile, null, 2));
      }
      rmSync(plain);
      rmSync(encrypted);
    }
  } finally {
    await browsers?.close();
    await server?.stop();
    restoreTsconfig();
    rmSync(workDir, { recursive: true, force: true });
  }

  const goalMet = runs.every((r) => r.throughputRatio >= 0.8 && r.memoryMiB.peakAboveIdle <= 256);
  const report = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.availableParallelism(),
      cpuModel: cpuModel(),
      loadAtStart,
      loadAfter: os.loadavg()[0]!,
      chromium: execFileSync(CHROMIUM, ["--version"]).toString().trim(),
      openssl: execFileSync(OPENSSL, ["version"]).toString().trim(),
    },
    goal: "débit ≥ 0,8 × openssl et mémoire ≤ 256 Mio au-dessus du repos",
    goalMet,
    runs,
    profile,
  };
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, "encryption-page.json"), `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    `\n${formatTable(runs)}\n\nObjectif atteint : ${goalMet ? "oui" : "non"}. Résultats : bench/results/encryption-page.json (${((Date.now() - started) / 1000).toFixed(0)} s).`,
  );
  return 0;
}

main()
  .then((code) => process.exit(code))
  .catch((e: unknown) => {
    console.error("Banc d'essai interrompu :", e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(2);
  });
