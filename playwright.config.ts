import { defineConfig } from "@playwright/test";

import { E2E_BASE_URL, E2E_PORT, E2E_WORKERS, e2eServerEnv, e2eWorkerPort } from "./e2e/fixtures/e2e-env";

// Debian's Chromium, never a downloaded browser (scripts/test.sh installs or finds it).
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  // Spec files are shared among E2E_WORKERS workers (default 2); each worker has its own portal,
  // database, mailbox and sshd port (e2e/fixtures/e2e-env.ts), so specs never see each other's data.
  // Tests inside one file run in order.
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
  // One portal per worker, started one after another: the first builds if needed (scripts/start.ts),
  // the next ones find the build done.
  webServer: Array.from({ length: E2E_WORKERS }, (_, worker) => ({
    command: "tsx scripts/start.ts",
    url: `http://localhost:${e2eWorkerPort(worker)}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    env: e2eServerEnv(worker),
    stdout: "ignore" as const,
    stderr: "pipe" as const,
  })),
  metadata: { port: E2E_PORT },
});
