import { defineConfig } from "prisma/config";

// Only `prisma generate` uses this file: migrations run through scripts/db (Prisma's WASM
// schema engine), because the CLI's migrate commands need a native engine we cannot download.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
