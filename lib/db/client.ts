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

function createClient() {
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  const client =
    target.kind === "postgres"
      ? new PrismaClient({ adapter: new PrismaPg({ connectionString: target.url, max: 10 }), omit, log })
      : // One PGlite folder can be opened by one process only: keep one client per process.
        new PrismaClient({ adapter: new PrismaPGlite(new PGlite(target.dataDir)), omit, log });
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
