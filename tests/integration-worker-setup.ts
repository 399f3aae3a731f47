import { workerDatabaseName } from "./integration-database";

// Runs in each Vitest worker before its test files are imported: the worker's own clone of the
// run's database (tests/integration-global-setup.ts made one per worker). lib/db/client creates
// its client on first use, after this.
const base = process.env.INTEGRATION_DATABASE_URL;
const worker = Number(process.env.VITEST_POOL_ID ?? 1);
if (base) {
  const url = new URL(base);
  url.pathname = `/${workerDatabaseName(decodeURIComponent(url.pathname.slice(1)), worker)}`;
  process.env.DATABASE_URL = url.toString();
}
