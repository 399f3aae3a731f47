import { existsSync } from "node:fs";

import { defineConfig } from "@playwright/test";

import { E2E_BASE_URL, E2E_PORT, E2E_WORKERS } from "./e2e/fixtures/e2e-env";

// Debian's Chromium, never a downloaded browser (scripts/test.sh installs or finds it): its headless
// shell when installed (a quarter less CPU for the same tests, docs/benchmarks.md goal 6), else the
// full browser.
const executablePath = process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((p) => existsSync(p)) ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  // Spec files are shared among E2E_WORKERS workers (default 2); each worker has its own portal,
  // database, mailbox and sshd port (e2e/fixtures/e2e-env.ts), so specs never see each other's data.
  // Tests inside one file run in order, unless the file asks for parallel mode (the two walks).
  fullyParallel: false,
  workers: E2E_WORKERS,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  globalSetup: "./e2e/fixtures/global-setup.ts",
  use: {
    baseURL: E2E_BASE_URL,
    locale: "fr-BE",
    timezoneId: "Europe/Brussels",
    trace: "off",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  // One portal per worker, all started at once by one command (e2e/fixtures/start-portals.ts: the
  // build checked first, then every worker's scripts/start.ts), ready when it says so.
  webServer: {
    command: "tsx e2e/fixtures/start-portals.ts",
    wait: { stdout: /portails prêts/ },
    // Includes a build when the sources changed since the last one (3–7 minutes on 2 cores).
    timeout: 600_000,
    stdout: "ignore",
    stderr: "pipe",
  },
  metadata: { port: E2E_PORT },
});
