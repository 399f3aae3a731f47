import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Integration tier: real PostgreSQL on 127.0.0.1:5432, one database created for the run
// (see tests/integration-setup.ts). Files run one after another: they share that database.
export default defineConfig({
  resolve: {
    alias: { "@": fileURLToPath(new URL(".", import.meta.url)), "server-only": fileURLToPath(new URL("./tests/server-only-stub.ts", import.meta.url)) },
  },
  test: {
    include: ["**/*.integration.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**"],
    environment: "node",
    globalSetup: ["./tests/integration-global-setup.ts"],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
