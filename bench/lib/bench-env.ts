// Settings of the benchmark run, in one place. The secrets are test-only values, never used
// outside this run's own database; the server started by portal-server.ts gets the same ones, so
// the session cookie minted here and the NISS sealed here are valid for it.

export const BENCH_PORT = Number(process.env.BENCH_PORT ?? 3400);
export const BENCH_ORIGIN = `http://127.0.0.1:${BENCH_PORT}`;
export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/cpas_bench";

export const BENCH_SECRETS = {
  NEXTAUTH_SECRET: "bench-only-secret-bench-only-secret-bench-only",
  PORTAL_DATA_KEY: Buffer.alloc(32, 11).toString("base64"),
  PORTAL_INDEX_KEY: Buffer.alloc(32, 13).toString("base64"),
} as const;

/** Bounded traffic: counts per page, and time caps that end a phase early rather than run on. */
export const PLAN = {
  warmupPerPage: 5,
  sequentialRounds: 40,
  /** Per page, in two passes (forward, then backward order) so that drift falls on every page alike. */
  throughputRequests: 160,
  concurrency: 4,
  requestTimeoutMs: 15_000,
  phaseBudgetMs: 60_000,
  /** Server start, including a `next build` when the sources changed since the last one. */
  startTimeoutMs: 300_000,
} as const;

/**
 * Refuses anything but a local PostgreSQL database named for the benchmark (STYLE 14): the run
 * writes thousands of people and sessions.
 */
export function assertLocalBenchDatabase(url: string): void {
  const u = new URL(url);
  const isLocal = ["127.0.0.1", "localhost", "[::1]"].includes(u.hostname);
  if (u.protocol !== "postgresql:" || !isLocal || !u.pathname.slice(1).startsWith("cpas_bench")) {
    throw new Error(`Base refusée pour le banc d'essai : une base PostgreSQL locale nommée cpas_bench* est requise (reçu ${u.hostname}${u.pathname}).`);
  }
}

/** Must run before the first use of lib/env or lib/db/client, which read process.env lazily. */
export function applyBenchEnv(): void {
  assertLocalBenchDatabase(BENCH_DATABASE_URL);
  Object.assign(process.env, BENCH_SECRETS, { DATABASE_URL: BENCH_DATABASE_URL, PORTAL_DEMO_DATA: "false" });
}
