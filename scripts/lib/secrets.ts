import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const NAMES = ["NEXTAUTH_SECRET", "PORTAL_DATA_KEY", "PORTAL_INDEX_KEY"] as const;

/**
 * Zero-configuration start: secrets missing from the environment are read from (or created in)
 * data/secrets.json, readable by the owner only. A production deployment sets them in its
 * environment instead (README, Configuration) and this file is never created.
 */
export function ensureSecrets(env: NodeJS.ProcessEnv, dataDir: string): { created: boolean } {
  if (NAMES.every((n) => env[n])) return { created: false };
  const file = path.join(dataDir, "secrets.json");
  let stored: Record<string, string> = {};
  let created = false;
  if (existsSync(file)) {
    stored = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  } else {
    stored = {
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      PORTAL_DATA_KEY: randomBytes(32).toString("base64"),
      PORTAL_INDEX_KEY: randomBytes(32).toString("base64"),
    };
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
    chmodSync(file, 0o600);
    created = true;
  }
  for (const n of NAMES) env[n] ??= stored[n];
  return { created };
}
