import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

// Everything the build reads. The message catalogues are compiled into it (next.config.js): a
// change of wording alone must rebuild, or the portal would go on showing the old text.
const SOURCES = [
  "app",
  "components",
  "lib",
  "messages",
  "proxy.ts",
  "server.ts",
  "next.config.js",
  "postcss.config.mjs",
  "package-lock.json",
  "prisma/schema.prisma",
];
const SKIP = new Set(["generated", "node_modules"]);

function walk(p: string, hash: ReturnType<typeof createHash>) {
  if (!existsSync(p)) return;
  if (statSync(p).isDirectory()) {
    for (const name of readdirSync(p).sort()) if (!SKIP.has(name)) walk(path.join(p, name), hash);
    return;
  }
  if (/\.test\.ts$/.test(p)) return;
  hash.update(p).update(readFileSync(p));
}

/** The digest of the sources a build depends on (the marker a build folder keeps). */
export function sourceDigest(root: string): string {
  const hash = createHash("sha256");
  for (const s of SOURCES) walk(path.join(root, s), hash);
  return hash.digest("hex");
}

/** Builds the app unless .next holds a build of exactly these sources (so a pull never serves a stale build). */
export function buildIfNeeded(root: string, env: NodeJS.ProcessEnv): void {
  const digest = sourceDigest(root);
  const dist = env.NEXT_DIST_DIR || ".next";
  const marker = path.join(root, dist, "portal-source-hash");
  if (existsSync(path.join(root, dist, "BUILD_ID")) && existsSync(marker) && readFileSync(marker, "utf8") === digest) return;
  console.log("Construction de l'application (première fois ou sources modifiées)…");
  // `next build` adds its build folder's type globs to tsconfig.json's "include" when the folder
  // is not .next (NEXT_DIST_DIR: benchmarks, other checkouts' servers): the tracked file is put
  // back byte for byte, so a build never leaves a change in the checkout.
  const tsconfig = path.join(root, "tsconfig.json");
  const before = existsSync(tsconfig) ? readFileSync(tsconfig) : null;
  try {
    execFileSync(path.join(root, "node_modules", ".bin", "next"), ["build"], { cwd: root, env, stdio: "inherit" });
  } finally {
    if (before && !before.equals(readFileSync(tsconfig))) writeFileSync(tsconfig, before);
  }
  writeFileSync(marker, digest);
}
