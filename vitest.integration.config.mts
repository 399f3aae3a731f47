import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Integration tier: real PostgreSQL on 127.0.0.1:5432, one database created and migrated for the
// run, cloned once per worker (tests/integration-global-setup.ts). INTEGRATION_WORKERS files run
// at once (default 2, the machine's cores), each worker on its own clone
// (tests/integration-worker-setup.ts); files of one worker run one after another.
export default defineConfig({
  resolve: {
    alias: { "@": fileURLToPath(new URL(".", import.meta.url)), "server-only": fileURLToPath(new URL("./tests/server-only-stub.ts", import.meta.url)) },
  },
  test: {
    include: ["**/*.integration.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**"],
    environment: "node",
    globalSetup: ["./tests/integration-global-setup.ts"],
    setupFiles: ["./tests/integration-worker-setup.ts"],
    maxWorkers: Math.max(1, Number(process.env.INTEGRATION_WORKERS ?? 2)),
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
