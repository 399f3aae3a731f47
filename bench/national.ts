// Benchmark on the national dataset (issue 15, goal 3), in two phases that bench/national.sh runs
// with `npm run audit:verify` between them (timed there):
// - BENCH_NATIONAL_PHASE=data builds it (bench/national-fixture.ts), or finishes the previous one;
// - BENCH_NATIONAL_PHASE=pages measures, as ratios of /login of the same server in the same run,
//   the ONEM queue (all centres) and its overdue view, a centre's dashboard, its RAE search, its
//   security-log search, its Rapport unique form, the SPP IS reviewer's Rapport unique list, and
//   the CSV export of the centre's log (time, size, the server's memory while it streams); prints
//   the plans of their main queries. Run: npm run bench:national.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

import { encode } from "next-auth/jwt";
import pg from "pg";

import { db } from "@/lib/db/client";

import { applyBenchEnv, BENCH_DATABASE_URL, BENCH_ORIGIN, BENCH_PORT, BENCH_SECRETS, PLAN } from "./lib/bench-env";
import { sequentialLatency, throughput, verify, type Target } from "./lib/measure";
import { startPortal, stopAllPortals, tailOf, type PortalServer } from "./lib/portal-server";
import { formatReport, machineInfo, withRatios, type Report } from "./lib/report";
import { buildNational, finishNational, measuredPeople, SIZE } from "./national-fixture";

const resultsDir = path.join(import.meta.dirname, "results");
const LOGIN: Target = { name: "login", path: "/login", label: "/login", expect: /<h1[^>]*>Connexion<\/h1>/ };

/** The plans of the pages' main queries on this data (docs/benchmarks.md shows them). */
// The ONEM statements as lib/c607/requests/list-requests.ts writes them (statuses as literals).
const QUEUE_ORDER = `r.deadline ASC NULLS LAST, r."sentAt" ASC, r.id ASC`;
const EXPLAINED: { name: string; sql: (ids: { entityId: string; campaignId: string | null; formId: string | null }) => string }[] = [
  {
    name: "ONEM queue, first page (all centres; lib/c607/requests/list-requests.ts)",
    sql: () => `SELECT r.id FROM "C607Request" r WHERE r.status <> 'DRAFT' ORDER BY ${QUEUE_ORDER} LIMIT 51`,
  },
  {
    name: "ONEM queue, its total (same file)",
    sql: () => `SELECT count(*) FROM (SELECT 1 FROM "C607Request" r WHERE r.status <> 'DRAFT' LIMIT 10001) capped`,
  },
  {
    name: "ONEM queue, overdue filter, first page",
    sql: () => `SELECT r.id FROM "C607Request" r WHERE r.deadline < current_date AND r.status IN ('SENT', 'IN_PROGRESS') ORDER BY ${QUEUE_ORDER} LIMIT 51`,
  },
  {
    name: "ONEM queue, overdue filter, its total",
    sql: () =>
      `SELECT count(*) FROM (SELECT 1 FROM "C607Request" r WHERE r.deadline < current_date AND r.status IN ('SENT', 'IN_PROGRESS') LIMIT 10001) capped`,
  },
  // The typed centre filter (lib/c607/requests/find-centre.ts; the fold there lists every accent,
  // a shorter one here plans the same): a name fragment among the centres that sent requests, and
  // an enterprise number through the unique index.
  {
    name: "ONEM queue, centre filter by a part of the name (findSendingCentre)",
    sql: () =>
      `SELECT e.id, e.name, e."bceNumber", lower(translate(e.name, 'éè-', 'ee ')) = 'cpas national 04' AS exact FROM "Entity" e
       WHERE e.kind = 'CPAS' AND strpos(lower(translate(e.name, 'éè-', 'ee ')), 'cpas national 04') > 0
         AND EXISTS (SELECT 1 FROM "C607Request" r WHERE r."entityId" = e.id AND r.status <> 'DRAFT')
       ORDER BY exact DESC, e.name ASC, e.id ASC LIMIT 11`,
  },
  {
    name: "ONEM queue, centre filter by enterprise number (findSendingCentre)",
    sql: ({ entityId }) =>
      `SELECT e.id, e.name, e."bceNumber", EXISTS (SELECT 1 FROM "C607Request" r WHERE r."entityId" = e.id AND r.status <> 'DRAFT') AS sending
       FROM "Entity" e WHERE e."bceNumber" = (SELECT "bceNumber" FROM "Entity" WHERE id = '${entityId}') AND e.kind = 'CPAS'`,
  },
  {
    name: "security log, first page of a centre",
    sql: ({ entityId }) => `SELECT id FROM "AuditEvent" WHERE "entityId" = '${entityId}' ORDER BY id DESC LIMIT 51`,
  },
  {
    name: "audit chain of a centre, one page (audit:verify, chain status)",
    sql: ({ entityId }) => `SELECT id FROM "AuditEvent" WHERE "chainKey" = '${entityId}' AND seq > 0 ORDER BY seq ASC LIMIT 2000`,
  },
  {
    name: "Rapport unique, SPP IS list: forms per centre and status (lib/rapport-unique/queries.ts sppisOverview)",
    sql: ({ campaignId }) => `SELECT "entityId", status, count(*) FROM "RuForm" WHERE "campaignId" = '${campaignId}' GROUP BY "entityId", status`,
  },
  {
    name: "Rapport unique, SPP IS list: forms to review (same function)",
    sql: ({ campaignId }) => `SELECT id FROM "RuForm" WHERE "campaignId" = '${campaignId}' AND status = 'SENT' ORDER BY "sentAt" ASC LIMIT 200`,
  },
  {
    name: "Rapport unique, a centre's form (formDetail)",
    sql: ({ entityId, formId }) => `SELECT id FROM "RuForm" WHERE id = '${formId}' AND "entityId" = '${entityId}' LIMIT 1`,
  },
  {
    name: "RAE search by name in a centre",
    sql: ({ entityId }) =>
      `SELECT id FROM "Person" WHERE "entityId" = '${entityId}' AND "lastName" ILIKE 'Nom1%' ORDER BY "lastName", "firstName", id LIMIT 50`,
  },
];

async function explainAll(ids: { entityId: string; campaignId: string | null; formId: string | null }): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: BENCH_DATABASE_URL });
  await client.connect();
  const out: Record<string, string> = {};
  try {
    for (const e of EXPLAINED) {
      if (e.name.startsWith("Rapport unique") && !ids.campaignId) continue;
      const rows = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS OFF, TIMING OFF, SUMMARY ON) ${e.sql(ids)}`);
      out[e.name] = rows.rows.map((r) => r["QUERY PLAN"]).join("\n");
    }
  } finally {
    await client.end();
  }
  return out;
}

/** The pid of the process listening on the bench port (server.ts), for its memory. */
function serverPid(): number | null {
  try {
    const out = execFileSync("ss", ["-ltnpH", `sport = :${BENCH_PORT}`], { encoding: "utf8" });
    const m = /pid=(\d+)/.exec(out);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

const rssMiB = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : NaN;
};

/**
 * The centre's whole security log as CSV, five times (BENCH_EXPORT_RUNS for more: whether the
 * server's RSS keeps growing or levels off): time, bytes, and the server's RSS during it.
 */
async function measureExport(cookie: string) {
  const pid = serverPid();
  const runs: { ms: number; bytes: number; lines: number; rssBefore: number; rssPeak: number }[] = [];
  for (let i = 0; i < Number(process.env.BENCH_EXPORT_RUNS ?? 5); i++) {
    const before = pid ? rssMiB(pid) : NaN;
    let peak = before;
    const timer = pid ? setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 20) : undefined;
    const t0 = performance.now();
    const res = await fetch(`${BENCH_ORIGIN}/api/security-log/export`, {
      method: "POST",
      headers: { cookie, origin: BENCH_ORIGIN, "content-type": "application/x-www-form-urlencoded" },
      body: "",
      redirect: "manual",
    });
    if (res.status !== 200) throw new Error(`export : statut ${res.status}`);
    let bytes = 0;
    let lines = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const b of chunk) if (b === 10) lines++;
    }
    const ms = performance.now() - t0;
    if (timer) clearInterval(timer);
    runs.push({ ms, bytes, lines, rssBefore: before, rssPeak: peak });
  }
  return runs;
}

const buildFile = path.join(resultsDir, "national-build.json");

/** Phase « data »: builds the dataset (or finishes the previous one) and notes how long it took. */
async function buildPhase(): Promise<number> {
  applyBenchEnv();
  const started = Date.now();
  console.log(
    `Jeu de données national : ${SIZE.centres} centres, ${SIZE.people} personnes, ${SIZE.workers} contrats, ${SIZE.requests} demandes C60.7, ${SIZE.auditEvents} événements d'audit…`,
  );
  const lines: string[] = [];
  const log = (s: string) => {
    lines.push(s.trim());
    console.log(s);
  };
  // BENCH_NATIONAL_REUSE=1: the dataset is already there (bench/national.sh did not reset it).
  const reuse = process.env.BENCH_NATIONAL_REUSE === "1";
  await (reuse ? finishNational(BENCH_DATABASE_URL, log) : buildNational(BENCH_DATABASE_URL, log));
  const buildSeconds = (Date.now() - started) / 1000;
  console.log(
    `Données prêtes en ${buildSeconds.toFixed(0)} s (charge ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}).`,
  );
  await db.$disconnect();
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(buildFile, JSON.stringify({ date: new Date().toISOString(), reuse, buildSeconds, steps: lines, loadAtEnd: os.loadavg() }, null, 2));
  return 0;
}

async function main(): Promise<number> {
  if (process.env.BENCH_NATIONAL_PHASE === "data") return buildPhase();
  applyBenchEnv();
  const started = Date.now();
  const loadAtStart = os.loadavg()[0]!;
  const f = await measuredPeople(BENCH_DATABASE_URL);
  const build = JSON.parse(readFileSync(buildFile, "utf8")) as { reuse: boolean; buildSeconds: number; steps: string[] };
  console.log(`Données (${build.reuse ? "reprises" : "construites"} en ${build.buildSeconds.toFixed(0)} s) :`, f.counts);
  await db.$disconnect();
  const plans = await explainAll({ entityId: f.centre0.entityId, campaignId: f.campaignId, formId: f.ruFormId });

  const cookieOf = async (o: { personId: string; sessionId: string }) =>
    `next-auth.session-token=${await encode({ token: { sub: o.personId, sid: o.sessionId }, secret: BENCH_SECRETS.NEXTAUTH_SECRET })}`;
  const centreCookie = await cookieOf(f.manager);
  const onemCookie = await cookieOf(f.onem);
  const centreTargets: Target[] = [
    LOGIN,
    { name: "dashboard", path: "/tableau-de-bord", label: "/tableau-de-bord (centre)", expect: /Tableau de bord|Personnes/ },
    { name: "rae-search", path: "/gestion/recherche?q=Nom1", label: "/gestion/recherche?q=Nom1", expect: /\d personnes? trouvées?\./ },
    { name: "security-log", path: "/securite?q=Nom5", label: "/securite?q=Nom5", expect: /Journal de sécurité/ },
    { name: "security-log-all", path: "/securite", label: "/securite", expect: /Journal de sécurité/ },
  ];
  if (f.ruFormId) {
    centreTargets.push({
      name: "ru-form",
      path: `/rapport-unique/formulaires/${f.ruFormId}`,
      label: "/rapport-unique/formulaires/… (centre 0, Aide alimentaire)",
      expect: /subventions \d{4}/,
    });
  }
  const onemTargets: Target[] = [
    LOGIN,
    { name: "onem-queue", path: "/onem", label: "/onem (tous les centres)", expect: /File ONEM/ },
    { name: "onem-overdue", path: "/onem?deadline=OVERDUE", label: "/onem?deadline=OVERDUE", expect: /File ONEM/ },
  ];
  const sppisCookie = await cookieOf(f.sppis);
  const sppisTargets: Target[] = [LOGIN, { name: "ru-sppis", path: "/rapport-unique", label: "/rapport-unique (SPP IS)", expect: /Formulaires à examiner/ }];

  const logFile = path.join(resultsDir, "national-server.log");
  let server: PortalServer | undefined;
  const onSignal = () => void stopAllPortals().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const reports: Report[] = [];
  let exportRuns: Awaited<ReturnType<typeof measureExport>>;
  try {
    server = await startPortal({ logFile, timeoutMs: PLAN.startTimeoutMs });
    for (const t of centreTargets) await verify(t, centreCookie);
    for (const t of onemTargets) await verify(t, onemCookie);
    if (f.campaignId) for (const t of sppisTargets) await verify(t, sppisCookie);
    const series: [Target[], string][] = [
      [centreTargets, centreCookie],
      [onemTargets, onemCookie],
    ];
    if (f.campaignId) series.push([sppisTargets, sppisCookie]);
    for (const [targets, cookie] of series) {
      const latency = await sequentialLatency(targets, cookie);
      // Under heavy load a request of the concurrent phase may pass its time limit: the series keeps
      // its latencies and says so, instead of losing the whole run.
      const rates = await throughput(targets, cookie).catch((e: unknown) => {
        console.log(`Débit non mesuré pour cette série (${e instanceof Error ? e.message : e}).`);
        return new Map(targets.map((t) => [t.name, { requests: 0, seconds: 0, perSecond: NaN }]));
      });
      reports.push({
        date: new Date().toISOString(),
        machine: machineInfo(loadAtStart),
        baseline: "/login",
        plan: PLAN,
        users: { small: 0, large: SIZE.people },
        pages: withRatios(targets, latency, rates, "login"),
        queries: { small: {}, large: {}, equal: true },
      });
      console.log(`\n${formatReport(reports.at(-1)!)}`);
    }
    exportRuns = await measureExport(centreCookie);
  } catch (e) {
    if (server) console.error(`Dernières lignes du serveur :\n${tailOf(logFile, 20)}`);
    throw e;
  } finally {
    await server?.stop();
  }
  const sorted = [...exportRuns].sort((a, b) => a.ms - b.ms);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(
    `\nExport CSV du journal d'un centre (${sorted.length} fois) : médiane ${median.ms.toFixed(0)} ms, ${median.lines} lignes, ${(median.bytes / 1024).toFixed(0)} Kio ; ` +
      `mémoire du serveur ${exportRuns.map((r) => `${r.rssBefore.toFixed(0)}→${r.rssPeak.toFixed(0)}`).join(", ")} Mio`,
  );
  for (const [name, plan] of Object.entries(plans)) console.log(`\n-- ${name}\n${plan}`);
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, "national.json"), JSON.stringify({ size: SIZE, counts: f.counts, build, reports, exportRuns, plans }, null, 2));
  console.log(`\nRésultats : bench/results/national.json (durée ${((Date.now() - started) / 1000).toFixed(0)} s).`);
  return 0;
}

main()
  .then((code) => process.exit(code))
  .catch((e: unknown) => {
    console.error("Banc d'essai national interrompu :", e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(2);
  });
