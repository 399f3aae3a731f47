import { existsSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import type { PgliteTarget } from "../database-url";
import { wrapAdapter, type MigrationAdapterFactory } from "./migration-adapter";

// PGlite side of the migration adapter (why it exists: see migration-adapter.ts).
// pglite-prisma-adapter reads "char" (OID 18) fine, so no type fix is needed here.

/** A data folder PGlite has initialised (PostgreSQL writes PG_VERSION at initdb). */
export function isPgliteDataDir(dataDir: string): boolean {
  return existsSync(path.join(dataDir, "PG_VERSION"));
}

/**
 * Deletes a PGlite data folder. Refuses a folder that exists but is not a PGlite database, so a
 * mistyped `pglite:.` cannot wipe the repository.
 */
export async function deletePgliteDataDir(dataDir: string): Promise<void> {
  if (!existsSync(dataDir)) return;
  if (!isPgliteDataDir(dataDir)) {
    throw new Error(`Refus de supprimer ${dataDir} : ce dossier ne ressemble pas à une base PGlite (pas de PG_VERSION).`);
  }
  await rm(dataDir, { recursive: true, force: true });
}

function adapterFor(db: PGlite, onDispose: () => Promise<void>): Promise<SqlDriverAdapter> {
  return new PrismaPGlite(db).connect().then((inner) =>
    wrapAdapter(inner, {
      // Awaited here (the stock adapter fires and forgets). exec() accepts many statements and,
      // like PostgreSQL's simple protocol, runs them as one implicit transaction.
      executeScript: async (script) => void (await db.exec(script)),
      dispose: onDispose,
    }),
  );
}

export function createPgliteMigrationFactory(target: PgliteTarget): MigrationAdapterFactory {
  let main: Promise<PGlite> | undefined;
  const shadows = new Set<PGlite>();

  // Opened on first use: `create` only needs the shadow and must not lock (or create) the folder.
  function openMain(): Promise<PGlite> {
    main ??= (async () => {
      // PGlite does not create parent folders. "memory://": in memory, used by `create`.
      if (!target.dataDir.startsWith("memory://")) await mkdir(target.dataDir, { recursive: true });
      const db = new PGlite(target.dataDir);
      await db.waitReady;
      return db;
    })();
    return main;
  }

  return {
    provider: "postgres",
    adapterName: "pglite-prisma-adapter",
    // The main instance stays open until close(): one folder, one PGlite, for the whole command.
    connect: async () => adapterFor(await openMain(), async () => undefined),
    async connectToShadowDb() {
      const shadow = new PGlite(); // in memory: replaying the migrations here never touches disk
      await shadow.waitReady;
      shadows.add(shadow);
      return adapterFor(shadow, async () => {
        if (shadows.delete(shadow)) await shadow.close();
      });
    },
    async close() {
      for (const shadow of [...shadows]) {
        shadows.delete(shadow);
        await shadow.close();
      }
      if (main) {
        const db = await main.catch(() => undefined);
        main = undefined;
        if (db && !db.closed) await db.close();
      }
    },
  };
}
