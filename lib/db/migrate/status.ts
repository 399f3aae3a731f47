import type { DatabaseTarget } from "../database-url";
import { onlyMigrations } from "./migrations-list";
import { isPgliteDataDir } from "./pglite-adapter";
import { postgresDatabaseExists } from "./postgres-adapter";
import { diffSchemas, loadProject, NO_FILTERS, withEngine, type ProjectOptions } from "./session";

// `status`: where the database stands relative to prisma/migrations, and whether its actual schema
// still matches what those migrations produce ("drift": someone changed it by hand).

export type MigrationStatus = {
  /** False when the PostgreSQL database or the PGlite folder does not exist yet. */
  databaseExists: boolean;
  /** Migration folders in prisma/migrations, in order. */
  local: string[];
  applied: string[];
  pending: string[];
  /** Recorded as failed in _prisma_migrations: fix by hand, then mark as rolled back. */
  failed: string[];
  /** Applied, but migration.sql was modified afterwards (checksum mismatch). */
  edited: string[];
  /** Applied to the database but absent from prisma/migrations. */
  unknownApplied: string[];
  /** Engine's summary of how the database differs from its applied migrations; null = no drift. */
  drift: string | null;
  /** prisma/schema.prisma has changes that no migration contains yet (`create` needed); null when unknown (no database, or a migration does not replay). */
  schemaAhead: boolean | null;
  /** Nothing pending, no drift, no failed/edited/unknown migration. */
  upToDate: boolean;
};

export async function migrationStatus(target: DatabaseTarget, options: ProjectOptions = {}): Promise<MigrationStatus> {
  // Looked at first so that `status` never creates the database (nor the PGlite folder).
  const databaseExists = target.kind === "postgres" ? await postgresDatabaseExists(target) : isPgliteDataDir(target.dataDir);

  if (!databaseExists) {
    // The engine connects to the database as it starts, so it cannot run without one.
    const { migrations } = await loadProject(options);
    const local = migrations.migrationDirectories.map((d) => d.path);
    const none: string[] = [];
    return {
      databaseExists,
      local,
      applied: none,
      pending: local,
      failed: none,
      edited: none,
      unknownApplied: none,
      drift: null,
      schemaAhead: null,
      upToDate: false,
    };
  }

  return withEngine(target, options, async ({ engine, migrations, schema, paths }) => {
    const local = migrations.migrationDirectories.map((d) => d.path);
    // Replays every local migration: a broken pending one makes this fail; status still answers.
    const schemaAhead = await diffSchemas(engine, { tag: "migrations", ...migrations }, { tag: "schemaDatamodel", files: [schema] }, false).then(
      (diff) => diff.changed,
      () => null,
    );

    const diag = await engine.diagnoseMigrationHistory({ migrationsList: migrations, optInToShadowDatabase: false, filters: NO_FILTERS });
    const history = diag.history;
    const pending = history && history.diagnostic !== "migrationsDirectoryIsBehind" ? history.unappliedMigrationNames : [];
    const unknownApplied = history && history.diagnostic !== "databaseIsBehind" ? history.unpersistedMigrationNames : [];
    const notApplied = new Set([...pending, ...diag.failedMigrationNames]);
    const applied = local.filter((name) => !notApplied.has(name));

    // Drift: replay only the applied migrations on a shadow database and compare with the real one,
    // so pending migrations are not mistaken for drift.
    const live = { tag: "schemaDatasource" as const, files: [schema], configDir: paths.root };
    const driftDiff = await diffSchemas(engine, { tag: "migrations", ...onlyMigrations(migrations, new Set(applied)) }, live, false);
    const drift = driftDiff.changed ? driftDiff.output.trim() : null;

    const upToDate =
      pending.length === 0 && diag.failedMigrationNames.length === 0 && diag.editedMigrationNames.length === 0 && unknownApplied.length === 0 && drift === null;
    return {
      databaseExists,
      local,
      schemaAhead,
      applied,
      pending,
      failed: diag.failedMigrationNames,
      edited: diag.editedMigrationNames,
      unknownApplied,
      drift,
      upToDate,
    };
  });
}
