import { randomBytes } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import type { PostgresTarget } from "../database-url";
import { wrapAdapter, type MigrationAdapterFactory } from "./migration-adapter";

// PostgreSQL side of the migration adapter (why it exists: see migration-adapter.ts).

const CHAR_OID = 18; // PostgreSQL's internal one-byte "char" (pg_class.relkind, pg_constraint.contype…)
const TEXT_OID = 25;

type Fields = { fields?: { dataTypeID: number }[] };

/** adapter-pg throws on OID 18; its values arrive as plain strings anyway, so call them text. */
function charAsText<T>(result: T): T {
  for (const one of (Array.isArray(result) ? result : [result]) as Fields[]) {
    for (const field of one?.fields ?? []) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
  }
  return result;
}

/**
 * A pg client whose results report "char" columns as text. Done on the client class (the pool's
 * `Client` option) so that pool queries and transaction connections are both covered.
 * Used by the migration tool only: the app's runtime client keeps the stock behaviour.
 */
class CharAsTextClient extends pg.Client {}

type Query = (...args: unknown[]) => unknown;
const stockQuery = pg.Client.prototype.query as unknown as Query;
CharAsTextClient.prototype.query = function query(this: pg.Client, ...args: unknown[]) {
  if (typeof (args[0] as { submit?: unknown } | null)?.submit === "function") return stockQuery.apply(this, args); // Submittable: untouched
  const cb = args.findIndex((a) => typeof a === "function");
  if (cb === -1) return (stockQuery.apply(this, args) as Promise<unknown>).then(charAsText);
  const done = args[cb] as (err: unknown, res: unknown) => void;
  args[cb] = (err: unknown, res: unknown) => done(err, err ? res : charAsText(res));
  return stockQuery.apply(this, args);
} as unknown as typeof pg.Client.prototype.query;

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Never a connectionString (see migration-adapter.ts): host/port/user/password/database only. */
function connectionConfig(target: PostgresTarget, database: string): pg.ClientConfig {
  return { host: target.host, port: target.port, user: target.user, password: target.password, database };
}

/** Runs `fn` on the server's maintenance database, to create or drop other databases. */
export async function withMaintenanceClient<T>(target: PostgresTarget, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  let lastError: unknown;
  for (const database of ["postgres", "template1"]) {
    const client = new pg.Client(connectionConfig(target, database));
    try {
      await client.connect();
    } catch (error) {
      lastError = error;
      await client.end().catch(() => undefined);
      if ((error as { code?: string }).code === "3D000") continue; // no such database: try the next
      throw error;
    }
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }
  throw lastError;
}

export async function postgresDatabaseExists(target: PostgresTarget, name = target.database): Promise<boolean> {
  return withMaintenanceClient(target, async (c) => (await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1);
}

/** Creates the database unless it exists; true when it was created. */
export async function ensurePostgresDatabase(target: PostgresTarget, name = target.database): Promise<boolean> {
  return withMaintenanceClient(target, async (c) => {
    if ((await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1) return false;
    try {
      await c.query(`CREATE DATABASE ${quoteIdent(name)}`);
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === "42P04") return false; // created meanwhile by someone else
      throw error;
    }
  });
}

/** FORCE: the engine's pools may still hold connections when we get here. */
export async function dropPostgresDatabase(target: PostgresTarget, name = target.database): Promise<void> {
  await withMaintenanceClient(target, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

export function createPostgresMigrationFactory(target: PostgresTarget): MigrationAdapterFactory {
  const open = new Set<SqlDriverAdapter>();
  const shadows = new Set<string>();

  async function connectTo(database: string, afterDispose?: () => Promise<void>): Promise<SqlDriverAdapter> {
    const inner = await new PrismaPg({ ...connectionConfig(target, database), Client: CharAsTextClient, max: 4 }).connect();
    const pool = inner.underlyingDriver();
    let disposed = false;
    const adapter = wrapAdapter(inner, {
      // The whole file in one simple-protocol query: PostgreSQL runs it as one implicit transaction.
      executeScript: async (script) => void (await pool.query(script)),
      dispose: async () => {
        if (disposed) return;
        disposed = true;
        open.delete(adapter);
        await inner.dispose();
        await afterDispose?.();
      },
    });
    open.add(adapter);
    return adapter;
  }

  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connectTo(target.database),
    async connectToShadowDb() {
      const name = `cpas_shadow_${Date.now()}_${randomBytes(4).toString("hex")}`;
      await withMaintenanceClient(target, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
      shadows.add(name);
      return connectTo(name, async () => {
        await dropPostgresDatabase(target, name);
        shadows.delete(name);
      });
    },
    // Also drops any shadow the engine forgot to dispose of, so none outlives the command.
    async close() {
      for (const adapter of [...open]) await adapter.dispose().catch(() => undefined);
      for (const name of [...shadows]) await dropPostgresDatabase(target, name);
    },
  };
}
