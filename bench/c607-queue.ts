// Benchmark of C60.7 (issue 4). (a) Requests created then sent through the JSON API with a personal
// Bearer token, 4 at a time: throughput and p95, with the audit trail checked afterwards. (b) The
// ONEM queue over 100,000 requests (createMany): latency of /onem, of its overdue filter and of
// GET /api/c607/requests as ratios of /login on the same server in the same run; SQL statements
// per render with 1,000 vs 100,000 requests (must be equal); EXPLAIN ANALYZE of the queue's main
// statement. Own database (cpas_bench_c607, recreated), port 3700 and build folder.
// Run: bash bench/c607.sh   (results: bench/results/c607-queue.json; numbers in docs/c607.md)
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { encode } from "next-auth/jwt";

import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { db } from "@/lib/db/client";

import { addQueueRows, buildActors, CENTRES, visibleToOnem } from "./c607-queue-fixture";
import { countQueueQueries, explainQueue, sendThroughApi } from "./c607-queue-measure";
import { encodeCursor, TOTAL_CAP } from "@/lib/c607/requests/queue-cursor";

// Before bench/lib is loaded: its settings are read from the environment at import.
process.env.BENCH_PORT ??= "3700";
process.env.BENCH_DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/cpas_bench_c607";
process.env.NEXT_DIST_DIR ??= ".next-bench-c607";
const { applyBenchEnv, BENCH_DATABASE_URL, BENCH_ORIGIN, BENCH_SECRETS, PLAN } = await import("./lib/bench-env");
const { sequentialLatency, throughput, verify } = await import("./lib/measure");
const { startPortal, tailOf } = await import("./lib/portal-server");
const { withRatios } = await import("./lib/report");

const SMALL = 1_000;
const LARGE = 100_000;
const API_SENDS = { count: 200, concurrency: 4, budgetMs: 90_000 };
const root = path.resolve(import.meta.dirname, "..");
const resultsDir = path.join(import.meta.dirname, "results");
const secs = (t: number) => `${((Date.now() - t) / 1000).toFixed(1)} s`;

async function main(): Promise<number> {
  applyBenchEnv(); // refuses anything but a local cpas_bench* database
  const started = Date.now();
  const loadAtStart = os.loadavg()[0]!;
  execFileSync(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/db.ts", "reset"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: BENCH_DATABASE_URL },
    stdio: "ignore",
  });

  const f = await buildActors();
  const ctx = { actor: f.onem.actor, meta: { ip: "127.0.0.1", userAgent: "bench" } };
  // A centre's list: the technical user of centre 0 also holds Agent social (every centre has 1/20).
  const cpas = { actor: f.technical.actor, meta: ctx.meta };
  await addQueueRows(f, 0, SMALL);
  const small = await countQueueQueries(ctx, cpas);
  let t = Date.now();
  await addQueueRows(f, SMALL, LARGE);
  await db.$executeRawUnsafe(`ANALYZE "C607Request"`);
  console.log(`${LARGE} demandes écrites (createMany) en ${secs(t)}.`);
  const large = await countQueueQueries(ctx, cpas);
  // Totals are counted up to TOTAL_CAP, then shown as "more than" (docs/c607.md).
  const shownTotal = (n: number) => Math.min(n, TOTAL_CAP);
  if (
    small.total !== shownTotal(visibleToOnem(SMALL)) ||
    large.total !== shownTotal(visibleToOnem(LARGE)) ||
    large.totalCapped !== visibleToOnem(LARGE) > TOTAL_CAP ||
    large.centreListTotal !== LARGE / CENTRES ||
    large.centreByName !== "10+" || // CENTRES (20) centres match: 10 candidates, and more
    !large.centreByNumberFound
  ) {
    throw new Error(
      `File : ${small.total}/${large.total} demandes vues, liste du centre ${large.centreListTotal}, filtre CPAS par nom ${large.centreByName}, par numéro ${large.centreByNumberFound ? "trouvé" : "non trouvé"} (attendu ${shownTotal(visibleToOnem(SMALL))}/${shownTotal(visibleToOnem(LARGE))}, ${LARGE / CENTRES}, 10+, trouvé).`,
    );
  }
  // A deep page: the one after the 46,000th request of the queue, reached by its cursor.
  const [deep] = await db.$queryRaw<{ id: string; deadline: Date; sentAt: Date }[]>`
    SELECT id, deadline, "sentAt" FROM "C607Request" WHERE status <> 'DRAFT' ORDER BY deadline, "sentAt", id OFFSET 45999 LIMIT 1`;
  const deepCursor = encodeCursor({ list: "q", dir: "n", deadline: deep!.deadline.toISOString().slice(0, 10), sentAt: deep!.sentAt, id: deep!.id });
  const equal = Object.keys(large.queries).every((k) => small.queries[k as keyof typeof small.queries] === large.queries[k as keyof typeof large.queries]);
  const plans = await explainQueue(ctx, cpas, deepCursor);
  await db.$disconnect();

  const jwt = await encode({ token: { sub: f.onem.personId, sid: f.onem.sessionId }, secret: BENCH_SECRETS.NEXTAUTH_SECRET });
  const cookie = `next-auth.session-token=${jwt}`;
  const cpasJwt = await encode({ token: { sub: f.technical.personId, sid: f.technical.sessionId }, secret: BENCH_SECRETS.NEXTAUTH_SECRET });
  const capped = large.totalCapped ? `Plus de ${large.total} demandes` : `${large.total} demandes? — page 1 sur`;
  const targets = [
    { name: "login", path: "/login", label: "/login", expect: /<h1[^>]*>Connexion<\/h1>/ },
    { name: "onem", path: "/onem", label: "/onem", expect: new RegExp(capped) },
    {
      name: "onem-overdue",
      path: "/onem?deadline=OVERDUE",
      label: "/onem?deadline=OVERDUE",
      expect: new RegExp(`${large.overdueTotal} demandes? — page 1 sur`),
    },
    {
      name: "onem-deep",
      path: `/onem?cursor=${deepCursor}`,
      label: "/onem?cursor=… (46,000th)",
      expect: new RegExp(`${large.totalCapped ? `Plus de ${large.total} demandes` : `${large.total} demande`}[\\s\\S]*Demandes précédentes`),
    },
    {
      name: "api-queue",
      path: "/api/c607/requests",
      label: "GET /api/c607/requests",
      expect: new RegExp(`"total":${large.total},"totalCapped":${large.totalCapped},"nextCursor":"`),
    },
    {
      name: "centre-list",
      path: "/c607",
      label: `/c607 (un centre, ${LARGE / CENTRES})`,
      expect: new RegExp(`${large.centreListTotal} demandes? — page 1 sur ${Math.ceil(large.centreListTotal / 50)}[\\s\\S]*Plus anciennes`),
      session: `next-auth.session-token=${cpasJwt}`,
    },
  ];

  const logFile = path.join(resultsDir, "c607-queue-server.log");
  let server: Awaited<ReturnType<typeof startPortal>> | undefined;
  const onSignal = () => void server?.stop().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    t = Date.now();
    server = await startPortal({ logFile, timeoutMs: PLAN.startTimeoutMs });
    console.log(`Portail prêt en ${secs(t)} (${BENCH_ORIGIN}). File ONEM : /onem, filtre en retard, API…`);
    for (const target of targets) await verify(target, cookie);
    const latency = await sequentialLatency(targets, cookie);
    const rates = await throughput(targets, cookie);
    console.log(`Envoi de ${API_SENDS.count} demandes par l'API (jeton Bearer, ${API_SENDS.concurrency} à la fois)…`);
    const api = await sendThroughApi({ origin: BENCH_ORIGIN, token: f.technical.token, ...API_SENDS, timeoutMs: PLAN.requestTimeoutMs });
    const audited = await db.auditEvent.count({
      where: { targetId: { in: api.ids }, action: { in: ["c607.created", "c607.sent"] }, actorId: f.technical.personId },
    });
    const chain = await verifyAuditChain(db);
    const { ids: _ids, ...apiStats } = api;
    const report = {
      date: new Date().toISOString(),
      machine: {
        cpus: os.availableParallelism(),
        node: process.versions.node,
        platform: `${os.platform()} ${os.arch()}`,
        loadAtStart,
        loadAfter: os.loadavg()[0]!,
      },
      plan: { ...PLAN, small: SMALL, large: LARGE, centres: CENTRES, apiSends: API_SENDS },
      api: { ...apiStats, auditEvents: audited, auditEventsExpected: 2 * api.pairs, chain },
      queue: {
        total: visibleToOnem(LARGE),
        shownTotal: large.total,
        overdue: large.overdueTotal,
        pages: withRatios(targets, latency, rates, "login"),
        queries: { small: small.queries, large: large.queries, equal },
        explain: plans,
      },
      durationSeconds: Math.round((Date.now() - started) / 1000),
    };
    writeFileSync(path.join(resultsDir, "c607-queue.json"), `${JSON.stringify(report, null, 2)}\n`);
    printReport(report);
    // The gate is the main statement of each view (the page of rows); the others are reported.
    const ok =
      equal &&
      plans.filter((p) => p.name.includes("lignes")).length === 4 &&
      plans.filter((p) => p.name.includes("lignes")).every((p) => p.usesIndex) &&
      audited === 2 * api.pairs &&
      chain.ok &&
      api.pairs === API_SENDS.count;
    return ok ? 0 : 1;
  } catch (e) {
    if (server) console.error(`Dernières lignes du serveur (${path.relative(root, logFile)}) :\n${tailOf(logFile, 15)}`);
    throw e;
  } finally {
    await server?.stop();
    await db.$disconnect();
  }
}

function printReport(r: {
  date: string;
  machine: { cpus: number; loadAtStart: number; loadAfter: number };
  api: Omit<Awaited<ReturnType<typeof sendThroughApi>>, "ids"> & { auditEvents: number; chain: { ok: boolean } };
  queue: {
    total: number;
    pages: ReturnType<typeof withRatios>;
    queries: { small: Record<string, number>; large: Record<string, number>; equal: boolean };
    explain: Awaited<ReturnType<typeof explainQueue>>;
  };
  durationSeconds: number;
}) {
  const n = (x: number, d = 1) => x.toFixed(d).padStart(8);
  console.log(`\nBanc C60.7 — ${r.date} — ${r.machine.cpus} cœur(s), charge ${r.machine.loadAtStart.toFixed(1)} → ${r.machine.loadAfter.toFixed(1)}`);
  console.log(
    `(a) API, jeton Bearer : ${r.api.pairs} créations+envois en ${r.api.seconds.toFixed(1)} s = ${r.api.pairsPerSecond.toFixed(1)}/s ; création méd. ${r.api.create.medianMs.toFixed(0)} ms p95 ${r.api.create.p95Ms.toFixed(0)} ms ; envoi méd. ${r.api.send.medianMs.toFixed(0)} ms p95 ${r.api.send.p95Ms.toFixed(0)} ms ; paire p95 ${r.api.pair.p95Ms.toFixed(0)} ms ; audit ${r.api.auditEvents} événements, chaîne ${r.api.chain.ok ? "intègre" : "ROMPUE"}`,
  );
  console.log(`(b) File ONEM, ${r.queue.total} demandes visibles :`);
  console.log(`${"page".padEnd(26)} méd. ms  p95 ms   ×méd.   ×p95   req/s  ×débit`);
  for (const p of r.queue.pages)
    console.log(
      `${p.path.padEnd(26)}${n(p.latency.medianMs)}${n(p.latency.p95Ms)}${n(p.ratios.median, 2)}${n(p.ratios.p95, 2)}${n(p.throughput.perSecond)}${n(p.ratios.throughput, 2)}`,
    );
  console.log(
    `Requêtes SQL (1 000 vs 100 000) : ${Object.keys(r.queue.queries.large)
      .map((k) => `${k} ${r.queue.queries.small[k]}/${r.queue.queries.large[k]}`)
      .join(", ")} — ${r.queue.queries.equal ? "identiques" : "DIFFÉRENTES"}`,
  );
  console.log("EXPLAIN ANALYZE des requêtes de /onem (plans complets dans le JSON) :");
  for (const p of r.queue.explain) {
    const top =
      p.plan
        .find((l) => /Scan/.test(l))
        ?.trim()
        .replace(/\s+\(cost=.*$/, "") ?? "?";
    console.log(`  ${p.name.padEnd(42)} ${p.executionMs.toFixed(2).padStart(7)} ms  ${p.usesIndex ? "index   " : "SANS INDEX"}  ${top}`);
  }
  console.log(`Durée totale ${r.durationSeconds} s. Résultats : bench/results/c607-queue.json`);
}

main()
  .then((code) => process.exit(code))
  .catch((e: unknown) => {
    console.error("Banc d'essai C60.7 interrompu :", e instanceof Error ? e.message : e);
    process.exit(2);
  });
