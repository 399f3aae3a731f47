// Public entry of the migration tool (Prisma's WASM schema engine driven through a driver adapter).
// scripts/db.ts is its command line; start-up and test scripts call these functions in-process.
// Never import this from code that Next bundles for the browser or the edge: it loads WASM, pg and PGlite.

export { applyMigrations, createMigration, resetDatabase } from "./commands";
export type { ApplyResult, CreateResult } from "./commands";
export { migrationStatus } from "./status";
export type { MigrationStatus } from "./status";
export { normalizeMigrationName } from "./migrations-list";
export { postgresDatabaseExists, ensurePostgresDatabase, dropPostgresDatabase } from "./postgres-adapter";
