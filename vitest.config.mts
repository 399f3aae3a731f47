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
  },
});
