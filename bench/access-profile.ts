// Profile of the access-management pages (issue 15, goal 2), in process and without a server:
// where the time of a page goes before React renders it. On the 5,000-user centre of
// `npm run bench`, each step the request path takes (the session check, the actor's load, the
// layout's lookups, the page's domain function) is run `ROUNDS` times; for each, the median wall
// time, its SQL statements, and the median time PostgreSQL reported for them (Prisma's query
// events). What the HTTP benchmark measures beyond the sum of these steps is Next.js and React.
// Run: NODE_OPTIONS=--conditions=react-server npx tsx bench/access-profile.ts (BENCH_DATABASE_URL,
// a local cpas_bench* database, migrated: `DATABASE_URL=… npx tsx scripts/db.ts reset`).
import { performance } from "node:perf_hooks";

import { searchPeople } from "@/lib/access/manage/search-people";
import { loadQualityManagement } from "@/lib/access/manage/load-quality-management";
import { navigationFor } from "@/lib/access/navigation";
import { loadActor } from "@/lib/auth/load-actor";
import { checkSession } from "@/lib/auth/sessions";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { db } from "@/lib/db/client";
import { loadPortalFrame } from "@/lib/notifications/portal-frame";

import { applyBenchEnv } from "./lib/bench-env";
import { buildCentre } from "./lib/build-fixture";

const ROUNDS = 30;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  applyBenchEnv();
  const f = await buildCentre({ size: 5_000, nissOffset: 0 });
  await db.$executeRawUnsafe("ANALYZE"); // statistics as in service (see access-dashboard.ts)
  const meta = { ip: "127.0.0.1", userAgent: "profile" };
  const actor = (await loadActor(f.sessionId, { touch: false, meta }))!;
  let sqlMs = 0;
  let statements = 0;
  db.$on("query", (e) => {
    sqlMs += e.duration;
    statements += 1;
  });
  const steps: [string, () => Promise<unknown>][] = [
    ["session (checkSession)", () => checkSession(f.sessionId, { touch: false })],
    ["actor (loadActor, with policy)", () => loadActor(f.sessionId, { touch: false, meta })],
    ["layout: usage policy and unread messages", () => loadPortalFrame(actor, { withUnread: navigationFor(actor).some((i) => i.href === "/messages") })],
    ["dashboard (getDashboard)", () => getDashboard(actor)],
    ["search by name (Nom12)", () => searchPeople({ actor, query: "Nom12" })],
    ["search by NISS", () => searchPeople({ actor, query: f.niss })],
    ["quality page (loadQualityManagement)", () => loadQualityManagement(actor, f.qualityId, 1)],
  ];
  console.log(`${"step".padEnd(40)} wall ms  SQL ms  statements`);
  for (const [name, fn] of steps) {
    for (let i = 0; i < 5; i++) await fn();
    const wall: number[] = [];
    const sql: number[] = [];
    let n = 0;
    for (let i = 0; i < ROUNDS; i++) {
      sqlMs = 0;
      statements = 0;
      const t0 = performance.now();
      await fn();
      wall.push(performance.now() - t0);
      sql.push(sqlMs);
      n = statements;
    }
    console.log(`${name.padEnd(40)}${median(wall).toFixed(1).padStart(8)}${median(sql).toFixed(1).padStart(8)}${String(n).padStart(12)}`);
  }
  await db.$disconnect();
}

await main();
