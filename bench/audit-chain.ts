// Benchmark of issue 9, "audit that scales past one centre": while an Agent Social of one centre
// imports 1,000 contracts, people of another centre sign in. Their latency is reported as a ratio
// of sign-ins on the idle portal, measured in the same run (before and after the import).
// A sign-in here is the whole domain path the login page drives: password step (argon2id),
// TOTP step, then the challenge turned into a session — each with its audit event.
// Run: bash bench/audit-chain.sh (or npm run bench). See docs/benchmarks.md.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import os from "node:os";
import path from "node:path";

import { generate } from "otplib";

import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { newTotpSecret } from "@/lib/auth/totp";
import { confirmSecondFactor } from "@/lib/auth/sign-in/confirm-second-factor";
import { consumeChallenge } from "@/lib/auth/sign-in/consume-challenge";
import { startPasswordStep } from "@/lib/auth/sign-in/start-password-step";
import { db } from "@/lib/db/client";

import { BENCH_PASSWORD, buildAuditBenchFixture } from "./audit-chain-fixture";
import { applyBenchEnv } from "./lib/bench-env";

/** Open loop: a sign-in starts every `intervalMs`, whether the previous ones have finished or not, as people arrive. */
const PLAN = { importRows: 1000, idleSignIns: 24, intervalMs: 250, maxLoadedSignIns: 400, importBudgetMs: 240_000 } as const;
const META = { ip: "127.0.0.1", userAgent: "bench-signin" };
const resultsDir = path.join(import.meta.dirname, "results");

/** A failed sign-in (e.g. its transaction timed out waiting for a lock) is timed too, and counted. */
type Sample = { startedAt: number; ms: number; error?: string };
type Stats = { samples: number; failed: number; medianMs: number; p95Ms: number; maxMs: number };

function stats(samples: Sample[]): Stats {
  const s = samples.map((x) => x.ms).sort((a, b) => a - b);
  const at = (p: number) => s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)] ?? NaN; // nearest rank
  return { samples: s.length, failed: samples.filter((x) => x.error).length, medianMs: at(50), p95Ms: at(95), maxMs: s[s.length - 1] ?? NaN };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<number> {
  applyBenchEnv();
  const loadAtStart = os.loadavg()[0]!;
  const totpSecret = newTotpSecret();
  const people = 2 * PLAN.idleSignIns + PLAN.maxLoadedSignIns;
  console.log(`Données : un centre qui importe, un centre de ${people} personnes qui se connectent…`);
  const f = await buildAuditBenchFixture({ signInPeople: people, totpSecret });
  let next = 0;

  async function signIn(): Promise<Sample> {
    const email = f.signIn.emails[next++];
    if (!email) throw new Error("plus de personnes disponibles pour se connecter");
    const startedAt = performance.now();
    try {
      await signInSteps(email);
      return { startedAt, ms: performance.now() - startedAt };
    } catch (e) {
      const error = e instanceof Error ? e.message.split("\n").filter(Boolean).pop()!.slice(0, 200) : String(e);
      return { startedAt, ms: performance.now() - startedAt, error };
    }
  }

  async function signInSteps(email: string): Promise<void> {
    const step1 = await startPasswordStep({ email, password: BENCH_PASSWORD, meta: META });
    if (!step1.ok || step1.enrolment) throw new Error(`étape du mot de passe refusée pour ${email}`);
    const code = await generate({ secret: totpSecret, epoch: Math.floor(Date.now() / 1000) });
    const step2 = await confirmSecondFactor({ token: step1.token, code, meta: META });
    if (!step2.ok) throw new Error(`code TOTP refusé pour ${email} : ${step2.message}`);
    const session = await consumeChallenge({ token: step1.token, meta: META });
    if (!session) throw new Error(`aucune session pour ${email}`);
  }

  async function openLoop(o: { count: number; until?: () => boolean }): Promise<Sample[]> {
    const running: Promise<Sample>[] = [];
    for (let i = 0; i < o.count && !(o.until?.() ?? false); i++) {
      running.push(signIn());
      await sleep(PLAN.intervalMs);
    }
    return Promise.all(running);
  }

  // Warm-up (argon2, Prisma, PostgreSQL caches), not measured.
  const warmup = await openLoop({ count: 4 });
  console.log(`Connexions sur le portail au repos (${PLAN.idleSignIns}, une toutes les ${PLAN.intervalMs} ms)…`);
  const idleBefore = await openLoop({ count: PLAN.idleSignIns });

  console.log(`Import de ${PLAN.importRows} contrats dans l'autre centre (processus séparé), connexions pendant l'import…`);
  const child = spawn(process.execPath, [...process.execArgv, path.join(import.meta.dirname, "audit-chain-import.ts")], {
    env: { ...process.env, BENCH_IMPORT_SESSION: f.importer.sessionId, BENCH_IMPORT_ROWS: String(PLAN.importRows) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let importResult: { ms: number; isImported: boolean; importedCount: number } | undefined;
  let isImportRunning = true;
  const started = new Promise<void>((resolve) => {
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (line === "début") resolve();
      else if (line.startsWith("{")) importResult = JSON.parse(line) as typeof importResult;
    });
  });
  const ended = new Promise<number>((resolve) => child.on("exit", (code) => ((isImportRunning = false), resolve(code ?? 1))));
  const watchdog = setTimeout(() => child.kill("SIGTERM"), PLAN.importBudgetMs);
  await Promise.race([started, ended]);
  const loaded = await openLoop({ count: PLAN.maxLoadedSignIns, until: () => !isImportRunning });
  const exitCode = await ended;
  clearTimeout(watchdog);
  if (exitCode !== 0 || !importResult?.isImported || importResult.importedCount !== PLAN.importRows) {
    throw new Error(`l'import n'a pas abouti (code ${exitCode}, ${JSON.stringify(importResult)})`);
  }

  console.log(`Connexions sur le portail au repos, après l'import (${PLAN.idleSignIns})…`);
  const idleAfter = await openLoop({ count: PLAN.idleSignIns });

  const signIns = await db.auditEvent.count({ where: { entityId: f.signIn.entityId, action: "auth.sign_in" } });
  const chain = await verifyAuditChain(db);
  const idle = stats([...idleBefore, ...idleAfter]);
  const during = stats(loaded);
  const report = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.availableParallelism(),
      node: process.versions.node,
      platform: `${os.platform()} ${os.arch()}`,
      loadAtStart,
      loadAfter: os.loadavg()[0]!,
    },
    plan: PLAN,
    import: importResult,
    idle,
    duringImport: during,
    ratios: { median: during.medianMs / idle.medianMs, p95: during.p95Ms / idle.p95Ms, max: during.maxMs / idle.maxMs },
    signInEvents: { recorded: signIns, expected: [...warmup, ...idleBefore, ...loaded, ...idleAfter].filter((x) => !x.error).length },
    chain: { ok: chain.ok, checked: chain.checked },
    errors: [...new Set([...idleBefore, ...loaded, ...idleAfter].flatMap((x) => (x.error ? [x.error] : [])))],
  };
  const row = (name: string, s: Stats, r?: { median: number; p95: number; max: number }) =>
    `| ${name} | ${s.samples} | ${s.failed} | ${s.medianMs.toFixed(1)} | ${s.p95Ms.toFixed(1)} | ${s.maxMs.toFixed(1)} | ${r ? r.median.toFixed(2) : "1.00"} | ${r ? r.p95.toFixed(2) : "1.00"} |`;
  console.log(
    [
      "",
      `Charge (1 min) au début : ${loadAtStart.toFixed(2)}, à la fin : ${report.machine.loadAfter.toFixed(2)} (${report.machine.cpus} cœurs)${loadAtStart > report.machine.cpus ? " — machine déjà chargée : relancez au calme" : ""}.`,
      `Import de ${PLAN.importRows} contrats : ${(importResult.ms / 1000).toFixed(1)} s.`,
      "| connexions | n | en échec | médiane ms | p95 ms | max ms | × médiane | × p95 |",
      "|---|---:|---:|---:|---:|---:|---:|---:|",
      row("portail au repos", idle),
      row("pendant l'import (autre centre)", during, report.ratios),
      ...report.errors.map((e) => `Échec : ${e}`),
      `Événements auth.sign_in : ${signIns} / ${report.signInEvents.expected} attendus. Chaîne(s) d'audit : ${chain.ok ? "intacte(s)" : "ALTÉRÉE(S)"} (${chain.checked} événements).`,
    ].join("\n"),
  );
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, "audit-chain.json"), `${JSON.stringify(report, null, 2)}\n`);
  console.log("Résultats : bench/results/audit-chain.json.");
  return chain.ok && signIns === report.signInEvents.expected && report.errors.length === 0 ? 0 : 1;
}

main()
  .then((code) => process.exit(code))
  .catch((e: unknown) => {
    console.error("Banc d'essai interrompu :", e instanceof Error ? e.message : e);
    process.exit(2);
  });
