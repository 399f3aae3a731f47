import type { DatabaseTarget } from "../database-url";
import { writeMigration } from "./migrations-list";
import { deletePgliteDataDir } from "./pglite-adapter";
import { dropPostgresDatabase, ensurePostgresDatabase } from "./postgres-adapter";
import { diffSchemas, NO_FILTERS, withEngine, type ProjectOptions } from "./session";

// The migration commands, as functions: scripts/db.ts prints their results, tests and start-up
// scripts call them in-process. They print nothing themselves.

export type ApplyResult = {
  /** Migrations applied by this call, in order; empty when the database was up to date. */
  applied: string[];
  /** PostgreSQL only: the database did not exist and was created (as `prisma migrate deploy` does). */
  databaseCreated: boolean;
};

/** `prisma migrate deploy`: applies pending migrations, recorded in `_prisma_migrations`. Idempotent. */
export async function applyMigrations(target: DatabaseTarget, options: ProjectOptions = {}): Promise<ApplyResult> {
  const databaseCreated = target.kind === "postgres" ? await ensurePostgresDatabase(target) : false;
  return withEngine(target, options, async ({ engine, migrations }) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList: migrations, filters: NO_FILTERS });
    return { applied: appliedMigrationNames, databaseCreated };
  });
}

export type CreateResult = { dir: string; sql: string } | { dir: null; sql: null };

/**
 * Diffs "all migrations replayed on a shadow database" against prisma/schema.prisma and writes the
 * difference as a new migration folder. Writes nothing when there is no difference.
 * Shadow: a throw-away database on the PostgreSQL server, or an in-memory PGlite.
 * Name normalised to snake_case (see normalizeMigrationName).
 * (The engine's createMigration() is not used: on PostgreSQL no shadow database reaches it.)
 */
export async function createMigration(target: DatabaseTarget, name: string, options: ProjectOptions = {}): Promise<CreateResult> {
  // The engine connects to its main database on start-up even though this diff only uses the
  // shadow. PGlite: an in-memory main, so `create` works while the dev server holds the folder.
  // PostgreSQL: the database must exist, so it is created if needed (as `prisma migrate dev` does).
  if (target.kind === "postgres") await ensurePostgresDatabase(target);
  const engineTarget: DatabaseTarget = target.kind === "pglite" ? { kind: "pglite", dataDir: "memory://" } : target;
  return withEngine(engineTarget, options, async ({ engine, migrations, schema, paths }) => {
    const diff = await diffSchemas(engine, { tag: "migrations", ...migrations }, { tag: "schemaDatamodel", files: [schema] }, true);
    if (!diff.changed) return { dir: null, sql: null };
    const dir = await writeMigration(paths.migrationsDir, name, diff.output);
    return { dir, sql: diff.output };
  });
}

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1"]);
const SYSTEM_DATABASES = new Set(["postgres", "template0", "template1"]);

/**
 * Tests and development only: empties the database, then applies every migration.
 * PostgreSQL: drops and recreates the database (local server only); PGlite: deletes the folder.
 */
export async function resetDatabase(target: DatabaseTarget, options: ProjectOptions = {}): Promise<ApplyResult> {
  if (process.env.NODE_ENV === "production") {
    throw new Error("reset refusé : NODE_ENV=production. Cette commande est réservée aux tests et au développement.");
  }
  if (target.kind === "postgres") {
    if (!LOCAL_HOSTS.has(target.host.toLowerCase())) {
      throw new Error(`reset refusé : l'hôte « ${target.host} » n'est pas local (seuls 127.0.0.1, localhost et ::1 sont acceptés).`);
    }
    if (SYSTEM_DATABASES.has(target.database)) {
      throw new Error(`reset refusé : « ${target.database} » est une base système de PostgreSQL.`);
    }
    await dropPostgresDatabase(target);
  } else {
    await deletePgliteDataDir(target.dataDir);
  }
  return applyMigrations(target, options);
}
