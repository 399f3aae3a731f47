import { performance } from "node:perf_hooks";

import { BENCH_ORIGIN, PLAN } from "./bench-env";

// HTTP measurements against the local portal only (BENCH_ORIGIN is 127.0.0.1). Every request reads
// the whole body; a redirect or an error status fails the run instead of timing a login page.

/** `label` is the path as printed: without the NISS or the ids of this run. */
/** `cookie`: sent besides the session's (e.g. a page's sealed search, which never travels in the URL). */
/** `session`: this target's own session cookie instead of the run's (e.g. a CPAS agent's page in an ONEM run). */
export type Target = { name: string; path: string; label: string; expect: RegExp; cookie?: string; session?: string };

const cookieOf = (t: Target, session: string) => (t.cookie ? `${t.session ?? session}; ${t.cookie}` : (t.session ?? session));
export type Latency = { samples: number; medianMs: number; p95Ms: number };
export type Throughput = { requests: number; seconds: number; perSecond: number };

export async function fetchPage(path: string, cookie: string): Promise<{ status: number; body: string; ms: number }> {
  const started = performance.now();
  const res = await fetch(`${BENCH_ORIGIN}${path}`, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(PLAN.requestTimeoutMs) });
  const body = await res.text();
  return { status: res.status, body, ms: performance.now() - started };
}

/** React separates text nodes with comments (`5001<!-- --> personnes`): drop them before matching. */
export const visibleText = (html: string) => html.replace(/<!-- -->/g, "");

export async function verify(t: Target, cookie: string): Promise<void> {
  const { status, body } = await fetchPage(t.path, cookieOf(t, cookie));
  if (status !== 200) throw new Error(`${t.path} : statut ${status} au lieu de 200 (session refusée ?).`);
  if (!t.expect.test(visibleText(body))) throw new Error(`${t.path} : le texte attendu ${t.expect} est absent de la page.`);
}

async function timed(t: Target, cookie: string): Promise<number> {
  const r = await fetchPage(t.path, cookieOf(t, cookie));
  if (r.status !== 200) throw new Error(`${t.path} : statut ${r.status} pendant la mesure.`);
  return r.ms;
}

function percentile(sorted: number[], p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length); // nearest rank
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/**
 * One request at a time. Each round asks every page once, in a rotating order, so that a slow
 * moment of the machine falls on all pages alike instead of on whichever page ran then.
 */
export async function sequentialLatency(targets: Target[], cookie: string): Promise<Map<string, Latency>> {
  for (const t of targets) for (let i = 0; i < PLAN.warmupPerPage; i++) await timed(t, cookie);
  const samples = new Map<string, number[]>(targets.map((t) => [t.name, []]));
  const deadline = Date.now() + PLAN.phaseBudgetMs;
  for (let round = 0; round < PLAN.sequentialRounds && Date.now() < deadline; round++) {
    for (let k = 0; k < targets.length; k++) {
      const t = targets[(round + k) % targets.length]!;
      samples.get(t.name)!.push(await timed(t, cookie));
    }
  }
  return new Map(
    [...samples].map(([name, ms]) => {
      const sorted = [...ms].sort((a, b) => a - b);
      return [name, { samples: sorted.length, medianMs: percentile(sorted, 50), p95Ms: percentile(sorted, 95) }];
    }),
  );
}

/** `requests` requests for one page, at most `PLAN.concurrency` in flight, within `budgetMs`. */
async function onePass(t: Target, cookie: string, requests: number, budgetMs: number): Promise<{ requests: number; seconds: number }> {
  let issued = 0;
  const deadline = Date.now() + budgetMs;
  const started = performance.now();
  const worker = async () => {
    while (issued < requests && Date.now() < deadline) {
      issued++;
      await timed(t, cookie);
    }
  };
  await Promise.all(Array.from({ length: PLAN.concurrency }, worker));
  return { requests: issued, seconds: (performance.now() - started) / 1000 };
}

/**
 * A fixed number of requests per page with a bounded concurrency, in two passes (forward, then
 * backward order of the pages), so that no page gets only the machine's best or worst moment.
 */
export async function throughput(targets: Target[], cookie: string): Promise<Map<string, Throughput>> {
  const totals = new Map(targets.map((t) => [t.name, { requests: 0, seconds: 0 }]));
  const budgetMs = PLAN.phaseBudgetMs / (2 * targets.length);
  for (const order of [targets, [...targets].reverse()]) {
    for (const t of order) {
      const pass = await onePass(t, cookie, PLAN.throughputRequests / 2, budgetMs);
      const total = totals.get(t.name)!;
      total.requests += pass.requests;
      total.seconds += pass.seconds;
    }
  }
  return new Map([...totals].map(([name, x]) => [name, { ...x, perSecond: x.requests / x.seconds }]));
}
