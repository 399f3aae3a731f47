// Benchmark of the access-management pages on a centre of 5,000 users (issue 3): the dashboard of
// a RAE + GL + DPD, the people search (name, NISS) and the quality page, each measured as a ratio
// of the baseline /login of the same server in the same run. Also checks that the SQL queries per
// page do not grow with the centre. Run: npm run bench (scripts/bench.sh). See docs/benchmarks.md.
import os from "node:os";
import path from "node:path";

import { encode } from "next-auth/jwt";

import { seal } from "@/lib/crypto/keys";
import { db } from "@/lib/db/client";

import { applyBenchEnv, BENCH_SECRETS, PLAN } from "./lib/bench-env";
import { buildCentre } from "./lib/build-fixture";
import { countPageQueries } from "./lib/count-page-queries";
import { sequentialLatency, throughput, verify, type Target } from "./lib/measure";
import { BENCH_DIST_DIR, startPortal, stopAllPortals, tailOf, type PortalServer } from "./lib/portal-server";
import { formatReport, machineInfo, withRatios, writeReport, type Report } from "./lib/report";

const LARGE = 5_000;
const SMALL = 10;
const resultsDir = path.join(import.meta.dirname, "results");

/**
 * The people search reads its query from a sealed, person-bound cookie set by its POST form (no
 * NISS in a URL, lib/http/search-cookie.ts): the benchmark seals the same cookie for the manager.
 */
function searchCookie(managerId: string, query: string): string {
  return `cpas-recherche-recherche=${seal(JSON.stringify({ p: managerId, q: query, e: Date.now() + 3_600_000 }))}`;
}

function targetsFor(o: { qualityId: string; niss: string; managerId: string }): Target[] {
  const people = String(LARGE + 1); // the users and their manager
  return [
    { name: "login", path: "/login", label: "/login", expect: /<h1[^>]*>Connexion<\/h1>/ },
    { name: "dashboard", path: "/tableau-de-bord", label: "/tableau-de-bord", expect: new RegExp(`Personnes</dt><dd[^>]*>${people}</dd>`) },
    // Nom12, Nom120–129, Nom1200–1299 among Nom0–Nom4999
    {
      name: "search-name",
      path: "/gestion/recherche",
      label: "/gestion/recherche (Nom12)",
      expect: /111 personnes trouvées/,
      cookie: searchCookie(o.managerId, "Nom12"),
    },
    {
      name: "search-niss",
      path: "/gestion/recherche",
      label: "/gestion/recherche (<NISS>)",
      cookie: searchCookie(o.managerId, o.niss),
      expect: /\b1 personne trouvée\.[\s\S]*Prénom0 Nom0</,
    },
    {
      name: "quality-page",
      path: `/gestion/qualites/${o.qualityId}`,
      label: "/gestion/qualites/<id>",
      expect: new RegExp(`Utilisateurs et droits \\(${people}\\)`),
    },
  ];
}

async function main(): Promise<number> {
  applyBenchEnv();
  const started = Date.now();
  const loadAtStart = os.loadavg()[0]!;
  console.log(`Données : un centre de ${LARGE} utilisateurs et un de ${SMALL}…`);
  const large = await buildCentre({ size: LARGE, nissOffset: 0 });
  const small = await buildCentre({ size: SMALL, firstIndex: 12, nissOffset: 500 });
  // Statistics as a portal in service has them (autovacuum analyses a table after such a load):
  // measured right after the bulk insert, PostgreSQL believed the centre had 25 people and read
  // and sorted all 5,001 for the quality page's first 50 (14–24 ms instead of under 1 ms).
  await db.$executeRawUnsafe("ANALYZE");

  const queries = { small: await countPageQueries(small), large: await countPageQueries(large) };
  const equal = Object.keys(queries.large).every((k) => queries.small[k] === queries.large[k]);
  await db.$disconnect();
  console.log(`Données prêtes en ${((Date.now() - started) / 1000).toFixed(1)} s. Démarrage du portail (construction dans ${BENCH_DIST_DIR} si nécessaire)…`);

  const jwt = await encode({ token: { sub: large.managerId, sid: large.sessionId }, secret: BENCH_SECRETS.NEXTAUTH_SECRET });
  const cookie = `next-auth.session-token=${jwt}`;
  const targets = targetsFor(large);

  const logFile = path.join(resultsDir, "access-dashboard-server.log");
  let server: PortalServer | undefined;
  const onSignal = () => void stopAllPortals().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  let report: Report;
  try {
    const t0 = Date.now();
    server = await startPortal({ logFile, timeoutMs: PLAN.startTimeoutMs });
    console.log(`Portail prêt en ${((Date.now() - t0) / 1000).toFixed(1)} s. Vérification des pages…`);
    for (const t of targets) await verify(t, cookie);
    console.log(
      `Mesure : ${PLAN.warmupPerPage} requêtes de chauffe par page, ${PLAN.sequentialRounds} tours séquentiels, puis ${PLAN.throughputRequests} requêtes par page, ${PLAN.concurrency} à la fois…`,
    );
    const latency = await sequentialLatency(targets, cookie);
    const rates = await throughput(targets, cookie);
    report = {
      date: new Date().toISOString(),
      machine: machineInfo(loadAtStart),
      baseline: "/login",
      plan: PLAN,
      users: { small: SMALL, large: LARGE },
      pages: withRatios(targets, latency, rates, "login"),
      queries: { ...queries, equal },
    };
  } catch (e) {
    if (server) console.error(`Dernières lignes du serveur (${path.relative(process.cwd(), logFile)}) :\n${tailOf(logFile, 15)}`);
    throw e;
  } finally {
    await server?.stop();
  }

  console.log(`\n${formatReport(report)}`);
  writeReport(report, path.join(resultsDir, "access-dashboard.json"));
  console.log(`\nRésultats : bench/results/access-dashboard.json (durée totale ${((Date.now() - started) / 1000).toFixed(0)} s).`);
  return equal ? 0 : 1;
}

main()
  .then((code) => process.exit(code))
  .catch((e: unknown) => {
    console.error("Banc d'essai interrompu :", e instanceof Error ? e.message : e);
    process.exit(2);
  });
