import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import type * as GlueModule from "@prisma/schema-engine-wasm/schema_engine_bg";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

// Prisma's CLI `migrate` commands need a native schema engine that cannot be downloaded here, so
// we drive Prisma's WASM build of the same engine ourselves (see docs/database.md).
//
// The package's own entry point (`schema_engine.js`) does `import * as wasm from "./x.wasm"`,
// which Node 20 cannot load. So we do by hand what that file does: instantiate the .wasm with the
// package's JS glue (`schema_engine_bg.js`) as its import object, then hand the exports back to
// the glue and run the wasm-bindgen start function.

type Glue = typeof GlueModule & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

let gluePromise: Promise<Glue> | undefined;
// The last Rust panic message. The glue reports panics only through this global registry; without
// it a panic surfaces as a bare "unreachable" RuntimeError with no hint of the cause.
let lastPanic: string | undefined;

const engineTimers = new Set<ReturnType<typeof setTimeout>>();
let openEngines = 0;

function trackedSetTimeout(callback: () => void, ms: number): ReturnType<typeof setTimeout> {
  const timer = setTimeout(() => {
    engineTimers.delete(timer);
    callback();
  }, ms >>> 0);
  engineTimers.add(timer);
  return timer;
}

async function instantiate(): Promise<Glue> {
  (globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY = {
    set_message(message: string) {
      lastPanic = message;
    },
  };
  const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as Glue;
  // Resolve through the package's export map: works from tsx, vitest and a plain node process.
  const require = createRequire(path.join(process.cwd(), "package.json"));
  const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
  const wasmModule = await WebAssembly.compile(await readFile(wasmPath));
  // The engine arms 10 s timers (e.g. around its advisory lock) and never clears them: each
  // command would then keep Node alive 10 s after finishing. We route them through a tracked
  // setTimeout and clear the leftovers once no engine is open (see closeSchemaEngine).
  const imports: Record<string, unknown> = { ...glue };
  const setTimeoutImport = Object.keys(imports).find((key) => key.startsWith("__wbg_setTimeout_"));
  if (setTimeoutImport) imports[setTimeoutImport] = trackedSetTimeout;
  const instance = await WebAssembly.instantiate(wasmModule, { "./schema_engine_bg.js": imports as WebAssembly.ModuleImports });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

/** Loads the WASM module once per process (≈ 1 s), then reuses it for every engine. */
function loadGlue(): Promise<Glue> {
  gluePromise ??= instantiate().catch((error: unknown) => {
    gluePromise = undefined;
    throw error;
  });
  return gluePromise;
}

/** Re-throws an engine failure with the Rust panic message attached, when there was one. */
export function withPanicMessage(error: unknown): Error {
  const panic = lastPanic;
  lastPanic = undefined;
  const base = error instanceof Error ? error : new Error(String(error));
  if (panic && !base.message.includes(panic)) base.message = `${base.message}\n(panique du moteur : ${panic})`;
  return base;
}

export type SchemaFile = { path: string; content: string };

/**
 * A schema engine bound to one driver adapter factory. The caller must closeSchemaEngine() it.
 * `log` receives the engine's tracing lines (JSON strings); ignored unless DEBUG_MIGRATIONS is set.
 */
export async function openSchemaEngine(
  schema: SchemaFile,
  factory: SqlMigrationAwareDriverAdapterFactory,
  log: (line: string) => void = (line) => {
    if (process.env.DEBUG_MIGRATIONS) process.stderr.write(`${line}\n`);
  },
): Promise<SchemaEngine> {
  const glue = await loadGlue();
  openEngines += 1;
  try {
    return await glue.SchemaEngine.new({ datamodels: [[schema.path, schema.content]] }, log, bindMigrationAwareSqlAdapterFactory(factory));
  } catch (error) {
    closeSchemaEngine(undefined);
    throw withPanicMessage(error);
  }
}

/** Frees the engine; when it was the last one open, cancels the timers engines left behind. */
export function closeSchemaEngine(engine: SchemaEngine | undefined): void {
  engine?.free();
  openEngines = Math.max(0, openEngines - 1);
  if (openEngines > 0) return;
  for (const timer of engineTimers) clearTimeout(timer);
  engineTimers.clear();
}
