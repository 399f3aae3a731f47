import "server-only";

import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

import { PrismaClient } from "@/lib/generated/prisma/client";

import { parseDatabaseUrl } from "./database-url";
import { queryCounter } from "./query-counter";

// Secret columns are left out of every query unless a caller asks for them by name
// (`omit: { passwordHash: false }`): only lib/auth does.
const omit = { person: { passwordHash: true, totpSecretEnc: true } } as const;

// Query events feed a process-wide counter: tests and benchmarks check that a page's number of
// queries does not grow with the data (lib/db/query-counter.ts).
const log: [{ emit: "event"; level: "query" }] = [{ emit: "event", level: "query" }];

// Interactive transactions: how long one may wait for a connection, and how long it may run before
// Prisma rolls it back. Prisma's own 2 s / 5 s are short for a busy 2-core server (the tests run
// several portals and browsers on one); DB_TRANSACTION_MAX_WAIT_MS / DB_TRANSACTION_TIMEOUT_MS
// change them (docs/deployment.md). A call that needs longer passes its own (the demo seed, imports).
const millis = (value: string | undefined, fallback: number) => (value && /^\d+$/.test(value) ? Number(value) : fallback);
const transactionOptions = () => ({
  maxWait: millis(process.env.DB_TRANSACTION_MAX_WAIT_MS, 5_000),
  timeout: millis(process.env.DB_TRANSACTION_TIMEOUT_MS, 10_000),
});

function createClient() {
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  const client =
    target.kind === "postgres"
      ? new PrismaClient({ adapter: new PrismaPg({ connectionString: target.url, max: 10 }), omit, log, transactionOptions: transactionOptions() })
      : // One PGlite folder can be opened by one process only: keep one client per process.
        new PrismaClient({ adapter: new PrismaPGlite(new PGlite(target.dataDir)), omit, log, transactionOptions: transactionOptions() });
  client.$on("query", () => {
    queryCounter.count += 1;
  });
  return client;
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { cpasDb?: Db };

function instance(): Db {
  globalForDb.cpasDb ??= createClient();
  return globalForDb.cpasDb;
}

/**
 * The process's one client, created on first use: `next build` imports modules without serving,
 * and must not open (or lock) the embedded database folder.
 */
export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const client = instance();
    const value = Reflect.get(client, prop, client) as unknown;
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});
