// Helpers of the encryption benchmarks (bench/forem-crypto.ts, bench/encryption-page.ts).
// Memory of a Chromium launched by a benchmark: the sum of the proportional set size (PSS) of every
// process of that browser. The browser process carries a marker on its command line (its profile
// directory, or a `--cpas-bench-marker=…` switch Chromium ignores); renderer, GPU and utility
// processes do not repeat it, so they are found through their parent chain.
import { randomBytes } from "node:crypto";
import { createWriteStream, readdirSync, readFileSync } from "node:fs";

import { build } from "esbuild";

export const MIB = 1024 * 1024;

/** PSS in bytes of every process whose command line, or an ancestor's, contains `marker`. */
export function chromiumPssBytes(marker: string): number {
  let total = 0;
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (!cmd.includes(marker) && !isChildOf(pid, marker)) continue;
      const pss = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"));
      total += pss ? Number(pss[1]) * 1024 : 0;
    } catch {
      // the process ended while we read it
    }
  }
  return total;
}

function isChildOf(pid: string, marker: string): boolean {
  let current = pid;
  for (let depth = 0; depth < 4; depth++) {
    const ppid = /^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${current}/status`, "utf8"))?.[1];
    if (!ppid || ppid === "1") return false;
    if (readFileSync(`/proc/${ppid}/cmdline`, "utf8").includes(marker)) return true;
    current = ppid;
  }
  return false;
}

/** Samples the browser's PSS every `everyMs` until stopped; `peak` includes a last sample. */
export function samplePss(marker: string, everyMs = 150): { stop: () => number; peak: () => number } {
  let peak = chromiumPssBytes(marker);
  const timer = setInterval(() => (peak = Math.max(peak, chromiumPssBytes(marker))), everyMs);
  return {
    peak: () => peak,
    stop: () => {
      clearInterval(timer);
      peak = Math.max(peak, chromiumPssBytes(marker));
      return peak;
    },
  };
}

/** Random bytes (incompressible, like an encrypted or zipped file), written 4 MiB at a time. */
export async function writeRandomFile(file: string, bytes: number): Promise<void> {
  const out = createWriteStream(file);
  for (let written = 0; written < bytes; written += 4 * MIB) {
    if (!out.write(randomBytes(Math.min(4 * MIB, bytes - written)))) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

/** lib/forem/crypto as one script for a bare page (`window.ForemCrypto`). */
export async function bundleForemCrypto(): Promise<string> {
  const out = await build({
    entryPoints: [new URL("../lib/forem/crypto/index.ts", import.meta.url).pathname],
    bundle: true,
    format: "iife",
    globalName: "ForemCrypto",
    write: false,
    platform: "browser",
    target: "chrome120",
  });
  return out.outputFiles[0]!.text;
}
