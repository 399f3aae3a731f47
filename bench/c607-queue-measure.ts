import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";

import { listRequests } from "@/lib/c607/requests";
import type { C607Context } from "@/lib/c607/requests/context";
import { findSendingCentre } from "@/lib/c607/requests/find-centre";
import { db } from "@/lib/db/client";
import { countQueries } from "@/lib/db/query-counter";
import { formatBce } from "@/lib/validation/bce";

import { nissFor } from "./c607-queue-fixture";

// Measurements of bench/c607-queue.ts that are not page timings: create+send through the JSON API
// with a Bearer token, SQL statements per queue render, and the plan of the queue's main query.

export type Stats = { samples: number; medianMs: number; p95Ms: number };

export function stats(ms: number[]): Stats {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
  return { samples: sorted.length, medianMs: at(50), p95Ms: at(95) };
}

export function contentFor(k: number, startIso: string) {
  return {
    worker: { niss: nissFor(500 + k), firstName: "Banc", lastName: `Envoi${k}` },
    contract: { start: startIso, plannedEnd: `${Number(startIso.slice(0, 4)) + 1}${startIso.slice(4)}`, regime: "FULL_TIME", daysPerWeek: 5 },
    employmentPeriods: [{ employer: "Boulangerie Lambert", country: "BE", from: "2025-01-01", to: "2025-06-30", regime: "FULL_TIME" }],
    assimilatedPeriods: [{ kind: "SICKNESS", from: "2025-07-01", to: "2025-07-31" }],
  };
}

/**
 * `count` requests created then sent through the JSON API, `concurrency` at a time, each with its
 * own worker (one open request per contract), within `budgetMs`. A non-2xx answer ends the run.
 */
export async function sendThroughApi(o: { origin: string; token: string; count: number; concurrency: number; budgetMs: number; timeoutMs: number }) {
  const headers = { Authorization: `Bearer ${o.token}`, "Content-Type": "application/json", "User-Agent": "bench-c607" };
  const start = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  const call = async (path: string, body: unknown, expected: number[]) => {
    const t0 = performance.now();
    const res = await fetch(`${o.origin}${path}`, { method: "POST", headers, body: JSON.stringify(body), signal: AbortSignal.timeout(o.timeoutMs) });
    const json = (await res.json()) as Record<string, unknown>;
    if (!expected.includes(res.status)) throw new Error(`POST ${path.replace(/[0-9a-f-]{36}/, "<id>")} : statut ${res.status} (${String(json.erreur)})`);
    return { json, ms: performance.now() - t0 };
  };
  const create: number[] = [];
  const send: number[] = [];
  const pair: number[] = [];
  const ids: string[] = [];
  let next = 0;
  const deadline = Date.now() + o.budgetMs;
  const t0 = performance.now();
  const worker = async () => {
    while (next < o.count && Date.now() < deadline) {
      const k = next++;
      const c = await call("/api/c607/requests", { clientKey: randomUUID(), content: contentFor(k, start) }, [201]);
      const { id, version } = c.json as { id: string; version: number };
      const s = await call(`/api/c607/requests/${id}/send`, { version }, [200]);
      create.push(c.ms);
      send.push(s.ms);
      pair.push(c.ms + s.ms);
      ids.push(id);
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  return { pairs: ids.length, seconds, pairsPerSecond: ids.length / seconds, create: stats(create), send: stats(send), pair: stats(pair), ids };
}

/** The queue's typed centre filter (find-centre.ts): a name fragment every bench centre holds, and centre 0's number written with dots. */
export const BENCH_CENTRE_FRAGMENT = "banc c60.7";
const centreNumberOf = async (cpas: C607Context) =>
  formatBce((await db.entity.findUniqueOrThrow({ where: { id: cpas.actor.entityId }, select: { bceNumber: true } })).bceNumber);

/**
 * SQL statements of what /onem calls (queue page, the next page by cursor, the typed centre filter
 * by name and by enterprise number) and of a centre's C60.7 list (`cpas`, its largest centre), with
 * the totals and the centres they find.
 */
export async function countQueueQueries(ctx: C607Context, cpas: C607Context) {
  const queue = await countQueries(() => listRequests({ ctx, filter: {} }));
  const overdue = await countQueries(() => listRequests({ ctx, filter: { deadline: "OVERDUE" } }));
  const next = await countQueries(() => listRequests({ ctx, filter: { cursor: queue.result.nextCursor! } }));
  const byName = await countQueries(() => findSendingCentre({ ctx, text: BENCH_CENTRE_FRAGMENT }));
  const number = await centreNumberOf(cpas);
  const byNumber = await countQueries(() => findSendingCentre({ ctx, text: number }));
  const centreList = await countQueries(() => listRequests({ ctx: cpas, filter: {} }));
  return {
    queries: {
      queue: queue.queries,
      overdue: overdue.queries,
      next: next.queries,
      centreByName: byName.queries,
      centreByNumber: byNumber.queries,
      centreList: centreList.queries,
    },
    total: queue.result.total,
    totalCapped: queue.result.totalCapped,
    overdueTotal: overdue.result.total,
    centreListTotal: centreList.result.total,
    /** Every bench centre matches the fragment: the first 10 as candidates, and « more ». */
    centreByName: byName.result.kind === "several" ? `${byName.result.candidates.length}${byName.result.more ? "+" : ""}` : byName.result.kind,
    /** Centre 0 by its number: exactly it. */
    centreByNumberFound: byNumber.result.kind === "one" && byNumber.result.centre.id === cpas.actor.entityId,
  };
}

export type ExplainedStatement = { name: string; sql: string; plan: string[]; usesIndex: boolean; executionMs: number };

/**
 * EXPLAIN ANALYZE of the very statements Prisma sends for the queue (captured from its query
 * events, run again with the same parameters): every statement of /onem (rows, total, centre
 * names, the typed centre filter by name and by number) and the main one of the overdue filter. A constant number of
 * statements is not enough: each must also avoid reading the whole table.
 */
export async function explainQueue(ctx: C607Context, cpas: C607Context, deepCursor: string): Promise<ExplainedStatement[]> {
  const captured: { query: string; params: string }[] = [];
  let listening = false; // Prisma has no way to remove a listener: this one goes quiet instead.
  db.$on("query", (e) => {
    if (listening) captured.push({ query: e.query, params: e.params });
  });
  const capture = async (fn: () => Promise<unknown>) => {
    captured.length = 0;
    listening = true;
    await fn();
    listening = false;
    return [...captured];
  };
  // Named by what they read: Prisma sends the list's statements concurrently, in no fixed order.
  const labelOf = (sql: string) =>
    /COUNT\(/i.test(sql)
      ? "total"
      : /FROM "public"\."Worker"/.test(sql)
        ? "noms des travailleurs"
        : /FROM "public"\."Entity"/.test(sql)
          ? "noms des centres"
          : /ORDER BY/.test(sql) && /FROM (?:"public"\.)?"C607Request"/.test(sql)
            ? "lignes (page 1)"
            : "autre";
  const statements: { name: string; query: string; params: string }[] = [];
  for (const q of await capture(() => listRequests({ ctx, filter: {} }))) statements.push({ name: `file : ${labelOf(q.query)}`, ...q });
  for (const q of await capture(() => findSendingCentre({ ctx, text: BENCH_CENTRE_FRAGMENT }))) statements.push({ name: "filtre CPAS : par nom", ...q });
  const number = await centreNumberOf(cpas);
  for (const q of await capture(() => findSendingCentre({ ctx, text: number }))) statements.push({ name: "filtre CPAS : par numéro", ...q });
  const rowsOnly = async (name: string, fn: () => Promise<unknown>) => {
    for (const q of await capture(fn)) if (/ORDER BY/.test(q.query) && /FROM (?:"public"\.)?"C607Request"/.test(q.query)) statements.push({ name, ...q });
  };
  await rowsOnly("en retard : lignes (page 1)", () => listRequests({ ctx, filter: { deadline: "OVERDUE" } }));
  await rowsOnly("page profonde (curseur) : lignes", () => listRequests({ ctx, filter: { cursor: deepCursor } }));
  for (const q of await capture(() => listRequests({ ctx: cpas, filter: {} }))) statements.push({ name: `liste d'un centre : ${labelOf(q.query)}`, ...q });

  const out: ExplainedStatement[] = [];
  for (const st of statements) {
    const rows = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${st.query}`, ...(JSON.parse(st.params) as unknown[]));
    const plan = rows.map((r) => r["QUERY PLAN"]);
    const executionMs = Number(/Execution Time: ([\d.]+)/.exec(plan.join("\n"))?.[1] ?? NaN);
    out.push({ name: st.name, sql: st.query, plan, usesIndex: plan.some((l) => /Index (Only )?Scan|Bitmap Index Scan/.test(l)), executionMs });
  }
  return out;
}
