// Where the time of the encryption island goes (issue 15, docs/encryption.md « Où va le temps »).
// Two kinds of evidence, both in the same browser as bench/encryption-page.ts:
// 1. Timings per stage, in a page of the portal's origin (served by Playwright's router, so the
//    bundled lib/forem/crypto can be injected without fighting the portal's CSP): reading the file
//    alone, Web Crypto alone on a buffer in memory, the pre-issue-15 pipeline (64 KiB file stream
//    → TransformStream → Response.blob()), the current pipeline at several slice sizes, and the
//    cost of assembling a Blob.
// 2. A CPU profile of the main thread (Chrome DevTools Protocol Profiler through Playwright's
//    CDPSession) while the real island encrypts the file through its download path: how much of
//    the wall time is JavaScript on the page's thread, and which functions.
import type { BrowserContext } from "@playwright/test";

import type * as ForemCrypto from "../lib/forem/crypto";

import { bundleForemCrypto } from "./encryption-support";

type ForemCryptoModule = typeof ForemCrypto;

export type StageProfile = {
  fileMiB: number;
  stagesSeconds: Record<string, number>;
  mainThread: { wallSeconds: number; sampledSeconds: number; idleSeconds: number; gcSeconds: number; top: { fn: string; selfSeconds: number }[] };
};

async function timeStages(context: BrowserContext, o: { origin: string; plain: string; encrypted: string; password: string }) {
  const page = await context.newPage();
  const url = `${o.origin}/__profil-chiffrement`;
  const script = await bundleForemCrypto();
  // tsx names functions with __name(); the page has no such helper.
  await page.route(url, (r) =>
    r.fulfill({
      contentType: "text/html",
      body: `<!doctype html><input type="file" id="clair"><input type="file" id="chiffre"><script>window.__name=(f)=>f;</script><script>${script}</script>`,
    }),
  );
  await page.goto(url);
  await page.locator("#clair").setInputFiles(o.plain);
  await page.locator("#chiffre").setInputFiles(o.encrypted);
  const stages = await page.evaluate(async (password) => {
    const lib = (window as unknown as { ForemCrypto: ForemCryptoModule }).ForemCrypto;
    const plain = (document.getElementById("clair") as HTMLInputElement).files![0]!;
    const encrypted = (document.getElementById("chiffre") as HTMLInputElement).files![0]!;
    const MiB = 1024 * 1024;
    const out: Record<string, number> = {};
    const drain = async (stream: ReadableStream<Uint8Array>) => {
      const reader = stream.getReader();
      while (!(await reader.read()).done);
    };
    const time = async (name: string, work: () => Promise<unknown>) => {
      const t0 = performance.now();
      await work();
      out[name] = +((performance.now() - t0) / 1000).toFixed(2);
    };
    await time("lecture seule, file.stream() (blocs de 64 Kio)", () => drain(plain.stream()));
    await time("lecture seule, Blob.slice().arrayBuffer() par 4 Mio", async () => {
      for (let at = 0; at < plain.size; at += 4 * MiB) await plain.slice(at, at + 4 * MiB).arrayBuffer();
    });
    await time("Web Crypto seul : AES-CBC d'un tampon de 4 Mio en mémoire, répété jusqu'à la taille du fichier", async () => {
      const key = await crypto.subtle.importKey("raw", new Uint8Array(32), "AES-CBC", false, ["encrypt"]);
      const buffer = new Uint8Array(4 * MiB);
      for (let at = 0; at < plain.size; at += 4 * MiB) await crypto.subtle.encrypt({ name: "AES-CBC", iv: new Uint8Array(16) }, key, buffer);
    });
    await time("avant l'issue 15 : file.stream() → createEncryptStream → Response.blob()", () =>
      new Response(plain.stream().pipeThrough(lib.createEncryptStream(password))).blob(),
    );
    for (const slice of [64 * 1024, MiB, 4 * MiB, 16 * MiB]) {
      await time(`encryptFile, tranches de ${slice >= MiB ? `${slice / MiB} Mio` : `${slice / 1024} Kio`}, sortie lue et jetée`, () =>
        drain(lib.encryptFile(plain, password, { sliceSize: slice })),
      );
    }
    await time("decryptFile, tranches de 4 Mio, sortie lue et jetée", () => drain(lib.decryptFile(encrypted, password)));
    await time("encryptFile, tranches de 4 Mio → Response.blob() (assemblage d'un Blob)", () => new Response(lib.encryptFile(plain, password)).blob());
    return out;
  }, o.password);
  await page.close();
  return stages;
}

type CpuProfile = { nodes: { id: number; callFrame: { functionName: string; url: string } }[]; samples: number[]; timeDeltas: number[] };

/** Self time per function of the main thread while the island encrypts through its download path. */
async function profileIsland(context: BrowserContext, o: { origin: string; plain: string; password: string }) {
  const page = await context.newPage();
  await page.goto(`${o.origin}/chiffrement?telechargement=1`);
  await page.getByRole("button", { name: "Chiffrer le fichier" }).and(page.locator(":enabled")).waitFor();
  await page.getByLabel("Fichier", { exact: true }).setInputFiles(o.plain);
  await page.getByLabel("Mot de passe", { exact: true }).fill(o.password);
  await page.getByLabel("Confirmez le mot de passe").fill(o.password);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 1000 });
  await cdp.send("Profiler.start");
  const t0 = performance.now();
  const download = page.waitForEvent("download", { timeout: 120_000 });
  await page.getByRole("button", { name: "Chiffrer le fichier" }).click();
  const file = await download;
  await file.path();
  const wallSeconds = (performance.now() - t0) / 1000;
  const { profile } = (await cdp.send("Profiler.stop")) as { profile: CpuProfile };
  await file.delete();
  await page.close();

  const byNode = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  let sampled = 0;
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)!;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    sampled += ms;
    const where = frame.url ? frame.url.replace(/^.*\/_next\//, "_next/").replace(/\?.*$/, "") : "";
    const fn = `${frame.functionName || "(anonyme)"}${where ? ` ${where}` : ""}`;
    self.set(fn, (self.get(fn) ?? 0) + ms);
  });
  const seconds = (key: string) => +((self.get(key) ?? 0) / 1000).toFixed(2);
  const top = [...self.entries()]
    .filter(([fn]) => fn !== "(idle)")
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([fn, ms]) => ({ fn, selfSeconds: +(ms / 1000).toFixed(2) }));
  return {
    wallSeconds: +wallSeconds.toFixed(2),
    sampledSeconds: +(sampled / 1000).toFixed(2),
    idleSeconds: seconds("(idle)"),
    gcSeconds: seconds("(garbage collector)"),
    top,
  };
}

export async function profileStages(context: BrowserContext, o: { origin: string; plain: string; encrypted: string; password: string }): Promise<StageProfile> {
  const { statSync } = await import("node:fs");
  return {
    fileMiB: Math.round(statSync(o.plain).size / (1024 * 1024)),
    stagesSeconds: await timeStages(context, o),
    mainThread: await profileIsland(context, o),
  };
}
