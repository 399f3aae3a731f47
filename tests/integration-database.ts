import { randomBytes } from "node:crypto";

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

/** Test-only keys, the same in every worker so sealed values can be opened by any test. */
export const INTEGRATION_SECRETS = {
  NEXTAUTH_SECRET: "integration-only-secret-integration-only-secret",
  PORTAL_DATA_KEY: Buffer.alloc(32, 3).toString("base64"),
  PORTAL_INDEX_KEY: Buffer.alloc(32, 5).toString("base64"),
  LOGIN_MAX_FAILURES: "3",
};
