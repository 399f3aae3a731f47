import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import type { QueryCounts } from "./count-page-queries";
import type { Latency, Target, Throughput } from "./measure";

// Ratios against the baseline page of the same server in the same run: they travel between
// machines far better than milliseconds, which are printed for context only.

export type PageResult = { name: string; path: string; latency: Latency; throughput: Throughput; ratios: { median: number; p95: number; throughput: number } };

export type Report = {
  date: string;
  /**
   * Load average (1 min) when the run started and after the measurements (which include the
   * benchmark's own server, client and PostgreSQL): a start above the core count means others were busy.
   */
  machine: { cpus: number; cpuModel: string; node: string; platform: string; loadAtStart: number; loadAfter: number };
  baseline: string;
  plan: Record<string, number>;
  users: { small: number; large: number };
  pages: PageResult[];
  queries: { small: QueryCounts; large: QueryCounts; equal: boolean };
};

/**
 * The processor's model: the host behind these 2 vCPU changes from day to day, and with it what the
 * browser's Web Crypto and the page times measure (docs/benchmarks-encryption.md, 3 December).
 */
export const cpuModel = (): string => os.cpus()[0]?.model ?? "?";

/** The machine's description for a report; `loadAtStart` is read by the caller before its work. */
export function machineInfo(loadAtStart: number): Report["machine"] {
  return {
    cpus: os.availableParallelism(),
    cpuModel: cpuModel(),
    node: process.versions.node,
    platform: `${os.platform()} ${os.arch()}`,
    loadAtStart,
    loadAfter: os.loadavg()[0]!,
  };
}

export function withRatios(targets: Target[], latency: Map<string, Latency>, rates: Map<string, Throughput>, baseline: string): PageResult[] {
  const base = latency.get(baseline)!;
  const baseRate = rates.get(baseline)!;
  return targets.map((t) => {
    const l = latency.get(t.name)!;
    const r = rates.get(t.name)!;
    // Every ratio reads "times the cost of the baseline": above 1 is slower.
    return {
      name: t.name,
      path: t.label,
      latency: l,
      throughput: r,
      ratios: { median: l.medianMs / base.medianMs, p95: l.p95Ms / base.p95Ms, throughput: baseRate.perSecond / r.perSecond },
    };
  });
}

const pad = (s: string, n: number) => s.padEnd(n);
const num = (x: number, digits = 1) => x.toFixed(digits).padStart(7);

export function formatReport(r: Report): string {
  const lines = [
    `Banc d'essai — ${r.date} — ${r.machine.cpus} cœur(s) ${r.machine.cpuModel}, Node ${r.machine.node}, charge ${r.machine.loadAtStart.toFixed(1)} → ${r.machine.loadAfter.toFixed(1)}`,
    ...(r.machine.loadAtStart > r.machine.cpus
      ? ["ATTENTION : machine déjà chargée au départ (autres processus) ; ratios moins fiables, relancez au calme."]
      : []),
    `Référence : ${r.baseline} (aucun accès à la base). Ratios = coût de la page ÷ coût de la référence (1,0 = aussi rapide).`,
    "",
    `${pad("page", 14)}${pad("chemin", 32)}  méd. ms   p95 ms  ×méd.   ×p95   req/s  ×débit   n`,
  ];
  for (const p of r.pages) {
    lines.push(
      `${pad(p.name, 14)}${pad(p.path, 32)}${num(p.latency.medianMs)}${num(p.latency.p95Ms)}${num(p.ratios.median, 2)}${num(p.ratios.p95, 2)}${num(p.throughput.perSecond)}${num(p.ratios.throughput, 2)}${String(p.latency.samples).padStart(4)}`,
    );
  }
  lines.push("", `Requêtes SQL par rendu (chargement de l'acteur + fonction de la page), ${r.users.small} vs ${r.users.large} utilisateurs :`);
  for (const k of Object.keys(r.queries.large)) {
    const a = r.queries.small[k];
    const b = r.queries.large[k];
    lines.push(`  ${pad(k, 14)}${String(a).padStart(4)}${String(b).padStart(6)}${a === b ? "" : "   <-- DIFFÉRENT"}`);
  }
  lines.push(
    r.queries.equal ? "  Nombre de requêtes identique quelle que soit la taille du centre." : "  ÉCHEC : le nombre de requêtes dépend de la taille du centre.",
  );
  return lines.join("\n");
}

export function writeReport(r: Report, file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
}
