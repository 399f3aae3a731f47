import pg from "pg";

import {
  cloneForWorkers,
  createIntegrationDatabase,
  dropIntegrationDatabase,
  dropWorkerDatabases,
  integrationWorkers,
  INTEGRATION_SECRETS,
} from "./integration-database";

// Integration tier: check once, before any test file runs, that the PostgreSQL server the tests
// use answers, so that a stopped server gives one clear message instead of many timeouts.
// Server: PGHOST_URL (scripts/test.sh sets it) or postgresql://postgres@127.0.0.1:5432.
export default async function setup(): Promise<() => Promise<void>> {
  const server = process.env.PGHOST_URL ?? "postgresql://postgres@127.0.0.1:5432";
  const { hostname, port, username, password } = new URL(server);
  const client = new pg.Client({
    host: hostname.replace(/^\[(.*)\]$/, "$1"),
    port: port === "" ? 5432 : Number(port),
    user: decodeURIComponent(username) || "postgres",
    password: password === "" ? undefined : decodeURIComponent(password),
    database: "postgres",
    connectionTimeoutMillis: 5_000,
  });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw new Error(
      `PostgreSQL ne répond pas sur ${hostname}:${port || 5432} (${(error as Error).message}). ` +
        "Démarrez-le : pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start",
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  // Workers start after this and inherit the environment: lib/db/client and lib/env read it;
  // tests/integration-worker-setup.ts points each worker at its own clone of the database.
  const target = await createIntegrationDatabase();
  const workers = integrationWorkers();
  await cloneForWorkers(target, workers);
  Object.assign(process.env, INTEGRATION_SECRETS, { DATABASE_URL: target.url, INTEGRATION_DATABASE_URL: target.url });
  return async () => {
    if (process.env.KEEP_INTEGRATION_DATABASE) return;
    await dropWorkerDatabases(target, workers);
    await dropIntegrationDatabase(target);
  };
}
