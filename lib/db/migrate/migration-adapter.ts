import { DriverAdapterError, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { DatabaseTarget } from "../database-url";

// The driver adapter handed to the WASM schema engine. The stock adapters (@prisma/adapter-pg,
// pglite-prisma-adapter) are built for the query side; three of their behaviours break migrations,
// so the migration tool (and only it) wraps them:
//  1. executeScript: adapter-pg splits the script on every ";" (breaks `$$ … ; … $$` bodies and
//     string literals), pglite-prisma-adapter does not await the script (errors are lost and the
//     migration is recorded as applied). We run the whole script as one simple-protocol query, like
//     Prisma's native engine does: one implicit transaction per migration file, same on both.
//  2. adapter-pg rejects the internal column type "char" (OID 18) that the engine's introspection
//     reads; see postgres-adapter.ts.
//  3. Shadow databases: adapter-pg's own connectToShadowDb overrides `database` in its pool config,
//     which a `connectionString` silently beats (the "shadow" replay would then run on the real
//     database), and its plain DROP DATABASE fails while connections linger; PGlite's never closes
//     its in-memory instance. We create and drop shadows ourselves (PostgreSQL: WITH (FORCE)).

/** An adapter factory the engine can use, plus `close()` to release everything it opened. */
export type MigrationAdapterFactory = SqlMigrationAwareDriverAdapterFactory & { close(): Promise<void> };

/** Database error as the engine expects it (it turns SQLSTATEs into Prisma's P-codes). */
export function toDriverError(error: unknown): unknown {
  const e = error as { code?: unknown; message?: unknown; severity?: unknown; detail?: unknown; column?: unknown; hint?: unknown };
  if (typeof e?.code !== "string" || typeof e.message !== "string" || !/^[0-9A-Z]{5}$/.test(e.code)) return error;
  return new DriverAdapterError({
    kind: "postgres",
    code: e.code,
    severity: typeof e.severity === "string" ? e.severity : "ERROR",
    message: e.message,
    detail: typeof e.detail === "string" ? e.detail : undefined,
    column: typeof e.column === "string" ? e.column : undefined,
    hint: typeof e.hint === "string" ? e.hint : undefined,
  });
}

/**
 * Delegates to `inner`, replacing executeScript and dispose. Explicit delegation rather than a
 * spread: the adapters' methods live on their prototypes.
 */
export function wrapAdapter(inner: SqlDriverAdapter, overrides: { executeScript(script: string): Promise<void>; dispose?(): Promise<void> }): SqlDriverAdapter {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (query) => inner.queryRaw(query),
    executeRaw: (query) => inner.executeRaw(query),
    startTransaction: (isolationLevel) => inner.startTransaction(isolationLevel),
    getConnectionInfo: () => inner.getConnectionInfo?.() ?? { supportsRelationJoins: true },
    executeScript: async (script) => {
      try {
        await overrides.executeScript(script);
      } catch (error) {
        throw toDriverError(error);
      }
    },
    dispose: overrides.dispose ?? (() => inner.dispose()),
  };
}

/** Opens nothing yet: connections are made when the engine asks for them. */
export async function createMigrationAdapterFactory(target: DatabaseTarget): Promise<MigrationAdapterFactory> {
  if (target.kind === "postgres") {
    const { createPostgresMigrationFactory } = await import("./postgres-adapter");
    return createPostgresMigrationFactory(target);
  }
  const { createPgliteMigrationFactory } = await import("./pglite-adapter");
  return createPgliteMigrationFactory(target);
}
