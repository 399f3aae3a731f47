import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { serverEnv } from "./server-env";

// Issue 11: « The production server announces Next.js telemetry at start: an intranet portal of a
// public body sends nothing anywhere; turn it off in the start scripts. »
const root = path.resolve(import.meta.dirname, "..", "..");

describe("Next.js telemetry is off", () => {
  it("in what npm start gives the build and the server, as Next.js itself reads it", () => {
    const env = serverEnv({ PATH: process.env.PATH, HOME: process.env.HOME });
    expect(env.NEXT_TELEMETRY_DISABLED).toBe("1");
    const status = execFileSync(path.join(root, "node_modules", ".bin", "next"), ["telemetry", "status"], { cwd: root, env, encoding: "utf8" });
    expect(status).toMatch(/Status: Disabled/);
  });

  it("in npm run dev and npm run build", () => {
    const { scripts } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(scripts.dev).toMatch(/NEXT_TELEMETRY_DISABLED=1 next dev/);
    expect(scripts.build).toMatch(/NEXT_TELEMETRY_DISABLED=1 next build/);
  });
});
