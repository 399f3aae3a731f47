import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Unit tier: pure logic, no database, no network.
export default defineConfig({
  resolve: {
    alias: { "@": fileURLToPath(new URL(".", import.meta.url)), "server-only": fileURLToPath(new URL("./tests/server-only-stub.ts", import.meta.url)) },
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["**/*.integration.test.ts", "node_modules/**", "e2e/**", ".next/**"],
    environment: "node",
    // npm test builds the portal beside this tier (scripts/test.sh): on 2 cores the tests that run
    // openssl or ssh-keygen can pass vitest's 5 s default without anything being wrong.
    testTimeout: 30_000,
  },
});
