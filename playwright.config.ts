import { defineConfig } from "@playwright/test";

import { E2E_BASE_URL, E2E_PORT, e2eServerEnv } from "./e2e/fixtures/e2e-env";

// Debian's Chromium, never a downloaded browser (scripts/test.sh installs or finds it).
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
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
  webServer: {
    command: "tsx scripts/start.ts",
    url: `${E2E_BASE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    env: e2eServerEnv(),
    stdout: "ignore",
    stderr: "pipe",
  },
  metadata: { port: E2E_PORT },
});
