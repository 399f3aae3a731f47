import { readFile } from "node:fs/promises";
import type { MigrationList, SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm";
import type { DatabaseTarget } from "../database-url";
import { closeSchemaEngine, openSchemaEngine, withPanicMessage, type SchemaFile } from "./load-schema-engine";
import { createMigrationAdapterFactory } from "./migration-adapter";
import { projectPaths, readMigrationsList, type Paths } from "./migrations-list";

// One engine per command: open the adapter and the engine, run, then always free both (a PGlite
// folder stays locked and shadow databases stay around otherwise).

/** No table or enum is managed outside Prisma in this project. */
export const NO_FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };

export type Session = { engine: SchemaEngine; schema: SchemaFile; migrations: MigrationList; paths: Paths };

export type ProjectOptions = {
  /** Repository root holding prisma/schema.prisma and prisma/migrations (default: cwd). */
  root?: string;
};

export async function loadProject(options: ProjectOptions = {}): Promise<Omit<Session, "engine">> {
  const paths = projectPaths(options.root);
  const schema = { path: paths.schemaPath, content: await readFile(paths.schemaPath, "utf8") };
  return { schema, migrations: await readMigrationsList(paths.migrationsDir), paths };
}

export async function withEngine<T>(target: DatabaseTarget, options: ProjectOptions, run: (session: Session) => Promise<T>): Promise<T> {
  const project = await loadProject(options);
  const factory = await createMigrationAdapterFactory(target);
  let engine: SchemaEngine;
  try {
    engine = await openSchemaEngine(project.schema, factory);
  } catch (error) {
    await factory.close();
    throw error;
  }
  try {
    return await run({ ...project, engine });
  } catch (error) {
    throw withPanicMessage(error);
  } finally {
    closeSchemaEngine(engine);
    await factory.close();
  }
}

/** The engine's `diff` with the options we always use; `changed` is false for an empty diff. */
export async function diffSchemas(
  engine: SchemaEngine,
  from: Parameters<SchemaEngine["diff"]>[0]["from"],
  to: Parameters<SchemaEngine["diff"]>[0]["to"],
  script: boolean,
): Promise<{ changed: boolean; output: string }> {
  // exitCode: true makes the engine answer 2 when there is a difference, 0 when there is none.
  const result = await engine.diff({ from, to, script, exitCode: true, filters: NO_FILTERS });
  return { changed: result.exitCode === 2, output: result.stdout ?? "" };
}
