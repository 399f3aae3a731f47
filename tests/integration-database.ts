import { randomBytes } from "node:crypto";

import pg from "pg";

import { parseDatabaseUrl, type PostgresTarget } from "../lib/db/database-url";
import { dropPostgresDatabase, resetDatabase } from "../lib/db/migrate";

// The integration run's own database on the real PostgreSQL: created and migrated before the
// first test file, dropped after the last. Tests share it and build fresh, uniquely named data
// (random BCE numbers and e-mails), so no file depends on another's leftovers and no TRUNCATE
// is needed between files.
export function integrationTarget(): PostgresTarget {
  const server = process.env.PGHOST_URL ?? "postgresql://postgres@127.0.0.1:5432";
  const name = process.env.INTEGRATION_DATABASE ?? `cpas_it_${process.pid}_${randomBytes(3).toString("hex")}`;
  const target = parseDatabaseUrl(`${server}/${name}`);
  if (target.kind !== "postgres") throw new Error("unreachable");
  return target;
}

export async function createIntegrationDatabase(): Promise<PostgresTarget> {
  const target = integrationTarget();
  await resetDatabase(target);
  return target;
}

export const dropIntegrationDatabase = (target: PostgresTarget) => dropPostgresDatabase(target);

/**
 * Vitest runs INTEGRATION_WORKERS files at once (vitest.integration.config.mts), each worker
 * against its own copy of the migrated database: some files count rows across the whole database
 * (the outbox, the hourly jobs, the audit chain) and must not see another file's rows appear.
 * Worker n (VITEST_POOL_ID, 1…N) uses `<run database>_w<n>`, cloned from the migrated one.
 */
export const integrationWorkers = () => Math.max(1, Number(process.env.INTEGRATION_WORKERS ?? 2));
export const workerDatabaseName = (base: string, worker: number) => `${base}_w${worker}`;

export async function cloneForWorkers(target: PostgresTarget, workers: number): Promise<void> {
  const maintenance = new URL(target.url);
  maintenance.pathname = "/postgres";
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    for (let n = 1; n <= workers; n++) {
      const name = workerDatabaseName(target.database, n);
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${name}" TEMPLATE "${target.database}"`);
    }
  } finally {
    await client.end();
  }
}

export async function dropWorkerDatabases(target: PostgresTarget, workers: number): Promise<void> {
  for (let n = 1; n <= workers; n++) await dropPostgresDatabase(target, workerDatabaseName(target.database, n));
}

/** Test-only keys, the same in every worker so sealed values can be opened by any test. */
export const INTEGRATION_SECRETS = {
  NEXTAUTH_SECRET: "integration-only-secret-integration-only-secret",
  PORTAL_DATA_KEY: Buffer.alloc(32, 3).toString("base64"),
  PORTAL_INDEX_KEY: Buffer.alloc(32, 5).toString("base64"),
  LOGIN_MAX_FAILURES: "3",
  // Two workers, a database and the rest of the machine on 2 cores: longer than production's.
  DB_TRANSACTION_MAX_WAIT_MS: "20000",
  DB_TRANSACTION_TIMEOUT_MS: "30000",
};
