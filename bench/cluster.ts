// Issue 15, goal 4: two portal instances behind a load balancer on one PostgreSQL. The same request
// mix (bench/cluster-load.ts) at a fixed concurrency for a fixed time against (a) one instance
// directly, (b) one instance behind HAProxy, (c) two instances behind HAProxy; throughput, median and
// p95 side by side, errors (must be 0); then, from the database, that the background jobs ran once
// while two instances shared the queue (bench/cluster-jobs.ts). Run: npm run bench:cluster
// (bench/cluster.sh). Results: bench/results/cluster.json. See docs/benchmarks.md (goal 4).
import { existsSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { Logger, runMigrations } from "graphile-worker";
import { encode } from "next-auth/jwt";

import { seal } from "@/lib/crypto/keys";
import { db } from "@/lib/db/client";

import { buildIfNeeded } from "../scripts/lib/build-if-needed";
import { serverEnv } from "../scripts/lib/server-env";
import { startTestSmtpServer } from "../tests/mail/smtp-test-server";

import { buildClusterData, enqueueBenchMails, LARGE_CENTRE, newSession, QUEUE_ROWS, SECOND_WINDOW_DUE } from "./cluster-fixture";
import { cpuSeconds, groupCpuSeconds, pidsCpuSeconds, startInstance, startLoadBalancer, stopAll, type InstanceSettings } from "./cluster-infra";
import { backdateDailySlots, checkJobsRanOnce, queueHourlyRoundTwice, waitForQuiet, type Check } from "./cluster-jobs";
import { createDraft, runPass, SCRIPT, summarize, verifyMix, type Client, type Pass, type PhaseResult } from "./cluster-load";
import { applyBenchEnv, BENCH_DATABASE_URL, BENCH_SECRETS } from "./lib/bench-env";

const root = path.resolve(import.meta.dirname, "..");
const resultsDir = path.join(import.meta.dirname, "results");
const BASE_PORT = Number(process.env.BENCH_CLUSTER_PORT ?? 5100);
const PORTS = { instances: [BASE_PORT + 1, BASE_PORT + 2], balancer: BASE_PORT + 10 };
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next-cluster";
const PLAN = {
  clients: Number(process.env.BENCH_CLUSTER_CLIENTS ?? 8),
  warmupMs: 10_000,
  measureMs: Number(process.env.BENCH_CLUSTER_SECONDS ?? 45) * 1000,
  requestTimeoutMs: 30_000,
  /** Mails put in the outbox during the two-instance measurement, besides the jobs' own. */
  benchMails: 60,
};
const secs = (t: number) => `${((Date.now() - t) / 1000).toFixed(1)} s`;
const load = () => os.loadavg()[0]!;

/** `balancerCpuSeconds`: HAProxy's CPU time over the configuration's checks, warm-ups and measurements. */
type Config = {
  name: string;
  label: string;
  instances: number;
  result: PhaseResult;
  load: { start: number; end: number }[];
  balancerCpuSeconds?: number;
  /** CPU milliseconds per measured request: the portal instances', and PostgreSQL's (this database's backends). */
  cpuMsPerRequest: { instances: number; postgres: number };
};
const perRequest = (c: { instances: number; postgres: number }, requests: number) => ({
  instances: (1000 * c.instances) / requests,
  postgres: (1000 * c.postgres) / requests,
});
const backendPids = async () =>
  (await db.$queryRawUnsafe<{ pid: number }[]>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`)).map(
    (r) => r.pid,
  );
type Setup = { name: string; label: string; instances: number; backends: number[] | null };
const SETUPS: Setup[] = [
  { name: "a", label: "une instance, en direct", instances: 1, backends: null },
  { name: "b", label: "une instance derrière HAProxy", instances: 1, backends: [PORTS.instances[0]!] },
  { name: "c", label: "deux instances derrière HAProxy", instances: 2, backends: PORTS.instances },
];
/** Each configuration twice, in mirrored order, so that a drift of the machine's load falls on all alike. */
const ORDER = ["a", "b", "c", "c", "b", "a"];

async function main(): Promise<number> {
  applyBenchEnv(); // refuses anything but a local cpas_bench* database
  const started = Date.now();
  const loadAtStart = load();
  let t = Date.now();
  console.log(`Données : un centre de ${LARGE_CENTRE} utilisateurs, 20 CPAS et ${QUEUE_ROWS} demandes C60.7, travail pour les tâches de fond…`);
  const data = await buildClusterData();
  const cookieOf = async (personId: string) =>
    `next-auth.session-token=${await encode({ token: { sub: personId, sid: await newSession(personId) }, secret: BENCH_SECRETS.NEXTAUTH_SECRET })}`;
  const sessions = [];
  for (let k = 0; k < PLAN.clients; k++) {
    const manager = await cookieOf(data.large.managerId);
    // The search form is a server action that keeps the query in a sealed cookie the page reads
    // back (lib/http/search-cookie.ts); the benchmark seals the same value itself, valid for the run.
    const query = seal(JSON.stringify({ p: data.large.managerId, q: "Nom12", e: Date.now() + 3 * 3_600_000 }));
    sessions.push({
      manager,
      search: `${manager}; cpas-recherche-recherche=${query}`,
      agent: await cookieOf(data.agent.personId),
      onem: await cookieOf(data.queue.onem.personId),
    });
  }
  console.log(`Données prêtes en ${secs(t)}.`);

  const smtp = await startTestSmtpServer({ starttls: false });
  t = Date.now();
  // BENCH_CLUSTER_REUSE_BUILD=1 serves the build already in DIST_DIR even if the sources changed
  // since (in a working tree others edit all the time, each run would otherwise rebuild).
  if (process.env.BENCH_CLUSTER_REUSE_BUILD === "1" && existsSync(path.join(root, DIST_DIR, "BUILD_ID"))) {
    console.log(
      `Construction existante de ${DIST_DIR} réutilisée (BENCH_CLUSTER_REUSE_BUILD=1), du ${statSync(path.join(root, DIST_DIR, "BUILD_ID")).mtime.toISOString()}.`,
    );
  } else {
    console.log(`Construction dans ${DIST_DIR} si les sources ont changé…`);
    buildIfNeeded(root, serverEnv({ ...process.env, NEXT_DIST_DIR: DIST_DIR }));
    console.log(`Construction prête en ${secs(t)}.`);
  }

  const balancerOrigin = `http://127.0.0.1:${PORTS.balancer}`;
  const settings: InstanceSettings = { publicOrigin: balancerOrigin, smtpPort: smtp.port, distDir: DIST_DIR };
  const instance = (i: number) =>
    startInstance({ ...settings, name: `instance ${i + 1}`, port: PORTS.instances[i]!, logFile: path.join(resultsDir, `cluster-instance-${i + 1}.log`) });
  const balancer = (backends: number[]) =>
    startLoadBalancer({
      port: PORTS.balancer,
      backends,
      configFile: path.join(resultsDir, "cluster-haproxy.cfg"),
      logFile: path.join(resultsDir, "cluster-haproxy.log"),
    });

  const onSignal = () => void stopAll().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const passes = new Map<string, Pass[]>(SETUPS.map((x) => [x.name, []]));
  const loads = new Map<string, { start: number; end: number }[]>(SETUPS.map((x) => [x.name, []]));
  const balancerCpu = new Map<string, number>();
  const cpu = new Map<string, { instances: number; postgres: number }>();
  let checks: Check[] = [];
  let quiet: Awaited<ReturnType<typeof waitForQuiet>>;
  try {
    // The two instances start together on a queue that believes onem_deadlines last ran 3 days
    // ago: both backfill the last two days' slots at the same moment.
    await runMigrations({ connectionString: BENCH_DATABASE_URL, logger: new Logger(() => () => undefined) });
    await backdateDailySlots();
    const instancesStartedAt = new Date();
    t = Date.now();
    const instanceGroups = (await Promise.all([instance(0), instance(1)])).map((p) => p.pid);
    const backfill = await waitForQuiet(90_000);
    console.log(`Deux instances prêtes et créneaux quotidiens rattrapés en ${secs(t)} (tâches restantes : ${backfill.jobs}).`);

    const direct = `http://127.0.0.1:${PORTS.instances[0]}`;
    const clients: Client[] = [];
    for (const [k, cookies] of sessions.entries()) clients.push({ k, cookies, draft: await createDraft(direct, k, cookies.agent) });
    let jobsQueued = false;
    for (const name of ORDER) {
      const setup = SETUPS.find((x) => x.name === name)!;
      const lb = setup.backends ? await balancer(setup.backends) : null;
      const origin = lb ? balancerOrigin : direct;
      await verifyMix(origin, clients[0]!);
      console.log(`(${name}) ${setup.label} : ${PLAN.clients} clients, ${PLAN.warmupMs / 1000} s de chauffe puis ${PLAN.measureMs / 1000} s mesurées…`);
      const start = load();
      // During the first two-instance pass: an hourly round queued twice, and mails in the outbox.
      const during =
        name === "c" && !jobsQueued
          ? (async () => {
              jobsQueued = true;
              await new Promise((r) => setTimeout(r, PLAN.warmupMs + 5_000));
              await queueHourlyRoundTwice();
              await enqueueBenchMails({ count: PLAN.benchMails, entityId: data.agent.entityId, tag: "cluster" });
            })()
          : undefined;
      // CPU used during the measured window by the instances (both, even when one is idle) and by
      // this database's PostgreSQL backends: load-independent, unlike the timings.
      let backends: number[] = [];
      let before = { instances: 0, postgres: 0 };
      const cpuNow = () => ({ instances: groupCpuSeconds(instanceGroups), postgres: pidsCpuSeconds(backends) });
      const window = {
        open: async () => {
          backends = await backendPids();
          before = cpuNow();
        },
        close: async () => {
          const after = cpuNow();
          const total = cpu.get(name) ?? { instances: 0, postgres: 0 };
          cpu.set(name, { instances: total.instances + after.instances - before.instances, postgres: total.postgres + after.postgres - before.postgres });
        },
      };
      const [pass] = await Promise.all([
        runPass({ origin, clients, warmupMs: PLAN.warmupMs, measureMs: PLAN.measureMs, timeoutMs: PLAN.requestTimeoutMs, window }),
        during,
      ]);
      passes.get(name)!.push(pass);
      loads.get(name)!.push({ start, end: load() });
      if (lb) {
        balancerCpu.set(name, (balancerCpu.get(name) ?? 0) + cpuSeconds(lb.pid));
        await lb.stop();
      }
    }
    quiet = await waitForQuiet(90_000);
    checks = await checkJobsRanOnce({
      onemPersonId: data.queue.onem.personId,
      instancesStartedAt,
      benchMails: PLAN.benchMails,
      receivedMessageIds: smtp.received.map((m) => m.parsed.messageId ?? "(sans Message-ID)"),
    });
  } finally {
    await stopAll();
    await smtp.stop();
  }
  await db.$disconnect();

  const configs: Config[] = SETUPS.map((x) => ({
    name: x.name,
    label: x.label,
    instances: x.instances,
    result: summarize(passes.get(x.name)!),
    load: loads.get(x.name)!,
    balancerCpuSeconds: balancerCpu.get(x.name),
    cpuMsPerRequest: perRequest(cpu.get(x.name)!, summarize(passes.get(x.name)!).requests),
  }));
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: os.availableParallelism(), node: process.versions.node, loadAtStart, loadAfter: load() },
    plan: {
      ...PLAN,
      mix: SCRIPT.map((s) => `${s.method} ${s.name}`),
      dataset: { users: LARGE_CENTRE, c607Requests: QUEUE_ROWS, secondWindowDue: SECOND_WINDOW_DUE },
    },
    configs,
    jobs: { quiet, checks },
    durationSeconds: Math.round((Date.now() - started) / 1000),
  };
  writeFileSync(path.join(resultsDir, "cluster.json"), `${JSON.stringify(report, null, 2)}\n`);
  printReport(report);
  const ok = configs.every((c) => c.result.errors === 0) && checks.every((c) => c.ok);
  return ok ? 0 : 1;
}

function printReport(r: {
  date: string;
  machine: { cpus: number; loadAtStart: number; loadAfter: number };
  configs: Config[];
  jobs: { checks: Check[] };
  durationSeconds: number;
}) {
  const n = (x: number, d = 1) => x.toFixed(d).padStart(9);
  console.log(`\nBanc deux instances — ${r.date} — ${r.machine.cpus} cœur(s), charge ${r.machine.loadAtStart.toFixed(1)} → ${r.machine.loadAfter.toFixed(1)}`);
  if (r.machine.loadAtStart > r.machine.cpus) console.log("ATTENTION : machine déjà chargée au départ (autres processus) ; relancez au calme.");
  const base = r.configs[0]!.result.perSecond;
  console.log(`${"configuration".padEnd(34)}    req/s   ×débit  méd. ms   p95 ms  erreurs  requêtes  charge (par passage)`);
  for (const c of r.configs) {
    const x = c.result;
    console.log(
      `${`(${c.name}) ${c.label}`.padEnd(34)}${n(x.perSecond)}${n(x.perSecond / base, 2)}${n(x.all.medianMs)}${n(x.all.p95Ms)}${String(x.errors).padStart(9)}${String(x.requests).padStart(10)}  ${c.load.map((l) => `${l.start.toFixed(1)}→${l.end.toFixed(1)}`).join(", ")}`,
    );
  }
  console.log(
    `CPU par requête mesurée (ms) : ${r.configs.map((c) => `(${c.name}) instances ${c.cpuMsPerRequest.instances.toFixed(1)} + PostgreSQL ${c.cpuMsPerRequest.postgres.toFixed(1)}`).join(" ; ")}`,
  );
  console.log("\nMédiane / p95 par requête (ms) :");
  const names = Object.keys(r.configs[0]!.result.byStep);
  console.log(`${"requête".padEnd(22)}${r.configs.map((c) => `(${c.name}) méd.    p95`.padStart(20)).join("")}`);
  for (const name of names)
    console.log(`${name.padEnd(22)}${r.configs.map((c) => `${n(c.result.byStep[name]!.medianMs)}${n(c.result.byStep[name]!.p95Ms)}`.padStart(20)).join("")}`);
  for (const c of r.configs)
    if (c.balancerCpuSeconds !== undefined)
      console.log(`HAProxy (${c.name}) : ${c.balancerCpuSeconds.toFixed(2)} s de CPU pour la vérification, la chauffe et la mesure.`);
  for (const c of r.configs) for (const e of c.result.errorSamples) console.log(`  erreur (${c.name}) : ${e}`);
  console.log("\nTâches exécutées une fois (deux instances, une file) :");
  for (const c of r.jobs.checks) console.log(`  ${c.ok ? "ok   " : "ÉCHEC"} ${c.name} : ${c.actual} (attendu ${c.expected})`);
  console.log(`Durée totale ${r.durationSeconds} s. Résultats : bench/results/cluster.json`);
}

main()
  .then((code) => process.exit(code))
  .catch(async (e: unknown) => {
    console.error("Banc deux instances interrompu :", e instanceof Error ? e.message : e);
    await stopAll();
    process.exit(2);
  });
