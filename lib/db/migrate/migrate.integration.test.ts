import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDatabaseUrl, type PgliteTarget, type PostgresTarget } from "../database-url";
import { applyMigrations, dropPostgresDatabase, migrationStatus, postgresDatabaseExists } from "./index";
import { projectPaths, readMigrationsList } from "./migrations-list";

// Proof that prisma/migrations applies identically to PostgreSQL and to PGlite: each gets the
// migrations twice (the second time is a no-op), `status` sees no drift, and both end up with the
// same tables and columns. Own database (unique name) and own PGlite folder, removed at the end.

const server = process.env.PGHOST_URL ?? "postgresql://postgres@127.0.0.1:5432";
const pgTarget = parseDatabaseUrl(`${server}/cpas_migrate_it_${process.pid}_${Date.now()}`) as PostgresTarget;
let pgliteTarget: PgliteTarget;
let localMigrations: string[];

// Tables and columns as information_schema describes them, in a stable order.
const COLUMNS_SQL = `
  SELECT c.table_name, c.column_name, c.data_type, c.udt_name, c.is_nullable, c.column_default
  FROM information_schema.columns c
  JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
  WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
  ORDER BY c.table_name, c.column_name`;

async function withPg<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const { host, port, user, password, database } = pgTarget;
  const client = new pg.Client({ host, port, user, password, database });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  pgliteTarget = { kind: "pglite", dataDir: path.join(await mkdtemp(path.join(os.tmpdir(), "cpas-migrate-it-")), "nested", "db") };
  localMigrations = (await readMigrationsList(projectPaths().migrationsDir)).migrationDirectories.map((d) => d.path);
});

afterAll(async () => {
  await dropPostgresDatabase(pgTarget);
  await rm(path.dirname(path.dirname(pgliteTarget.dataDir)), { recursive: true, force: true });
});

describe("prisma/migrations", () => {
  it("contains at least the initial migration and its lock file", () => {
    expect(localMigrations.length).toBeGreaterThan(0);
    expect(localMigrations[0]).toMatch(/^\d{14}_init$/);
  });

  it("status on a database that does not exist yet: all pending, nothing created", async () => {
    const status = await migrationStatus(pgTarget);
    expect(status).toMatchObject({ databaseExists: false, pending: localMigrations, upToDate: false });
    expect(await postgresDatabaseExists(pgTarget)).toBe(false);
  });
});

describe.each([
  ["PostgreSQL", () => pgTarget],
  ["PGlite", () => pgliteTarget],
] as const)("%s", (_label, target) => {
  it("applies every migration, then nothing the second time", async () => {
    const first = await applyMigrations(target());
    expect(first.applied).toEqual(localMigrations);
    const second = await applyMigrations(target());
    expect(second.applied).toEqual([]);
  });

  it("reports up to date, without drift, and schema.prisma fully migrated", async () => {
    const status = await migrationStatus(target());
    expect(status).toMatchObject({ databaseExists: true, applied: localMigrations, pending: [], failed: [], edited: [], drift: null, upToDate: true });
    expect(status.schemaAhead, "schema.prisma a des changements sans migration : npm run db:create -- <nom>").toBe(false);
  });
});

describe("drift detection (PostgreSQL)", () => {
  it("notices a table created by hand, and no longer once it is gone", async () => {
    await withPg((c) => c.query(`CREATE TABLE "hand_made" (id int)`));
    const drifted = await migrationStatus(pgTarget);
    expect(drifted.upToDate).toBe(false);
    expect(drifted.drift).toContain("hand_made");
    await withPg((c) => c.query(`DROP TABLE "hand_made"`));
    expect((await migrationStatus(pgTarget)).drift).toBeNull();
  });
});

describe("PostgreSQL and PGlite", () => {
  it("end up with the same tables and columns", async () => {
    const onPostgres = (await withPg((c) => c.query(COLUMNS_SQL))).rows;
    const pglite = new PGlite(pgliteTarget.dataDir);
    const onPglite = (await pglite.query(COLUMNS_SQL).finally(() => pglite.close())).rows;
    expect(onPostgres.length).toBeGreaterThan(0);
    expect(onPglite).toEqual(onPostgres);
    const tables = new Set(onPostgres.map((r) => (r as { table_name: string }).table_name));
    expect(tables).toContain("_prisma_migrations");
    expect(tables).toContain("Entity");
  });
});
