import type { ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { serverEnv } from "../scripts/lib/server-env";

import { BENCH_DATABASE_URL, BENCH_SECRETS } from "./lib/bench-env";
import { isPortInUse, startProcessGroup, stopAllPortals, tailOf } from "./lib/portal-server";

// The processes of bench/cluster.ts: portal instances (server.ts on one build, as e2e/scale-out.spec.ts
// starts its second instance) and HAProxy in front of them, each in its own process group so that
// stopping it stops everything it started. Everything listens on 127.0.0.1 only.

const root = path.resolve(import.meta.dirname, "..");

export type Proc = { name: string; logFile: string; pid: number | undefined; stop: () => Promise<void> };

/** /proc/<pid>/stat after the command name: [0] state, [1] ppid, [2] process group, [11] utime, [12] stime. */
function statFields(pid: number): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    return text.slice(text.lastIndexOf(") ") + 2).split(" ");
  } catch {
    return null; // gone
  }
}
const cpuOf = (f: string[]) => (Number(f[11]) + Number(f[12])) / 100; // clock ticks of 1/100 s

/** CPU time (user + system, seconds) a process has used so far, from /proc (Linux). */
export function cpuSeconds(pid: number | undefined): number {
  const f = pid === undefined ? null : statFields(pid);
  return f ? cpuOf(f) : NaN;
}

/** CPU seconds of every live process in these process groups (an instance: tsx and the Node process it starts). */
export function groupCpuSeconds(groups: (number | undefined)[]): number {
  const wanted = new Set(groups.filter((g): g is number => g !== undefined).map(String));
  let total = 0;
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const f = statFields(Number(name));
    if (f && wanted.has(f[2]!)) total += cpuOf(f);
  }
  return total;
}

/** CPU seconds of these processes (PostgreSQL backends), the ones still alive. */
export function pidsCpuSeconds(pids: number[]): number {
  return pids.reduce((n, pid) => n + (cpuSeconds(pid) || 0), 0);
}

/** Processes started and not yet stopped (bench/lib/portal-server.ts keeps them): a signal must not leave one behind. */
export const stopAll = stopAllPortals;

/** A process group (bench/lib/portal-server.ts), named for the benchmark's messages. */
function startGroup(o: { name: string; command: string; args: string[]; env: NodeJS.ProcessEnv; logFile: string }): { child: ChildProcess; proc: Proc } {
  const { child, stop } = startProcessGroup(o);
  return { child, proc: { name: o.name, logFile: o.logFile, pid: child.pid, stop } };
}

async function waitHealthy(url: string, child: ChildProcess, proc: Proc, timeoutMs: number): Promise<void> {
  let exited = false;
  child.once("exit", () => (exited = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited || child.exitCode !== null) break;
    const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) })
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  await proc.stop();
  throw new Error(`${proc.name} n'a pas répondu sur ${url} :\n${tailOf(proc.logFile)}`);
}

export type InstanceSettings = { publicOrigin: string; smtpPort: number; distDir: string };

/**
 * One portal instance: `server.ts` on the build in `distDir`, with the background worker (mail
 * queue, hourly and daily jobs) as in production. Behind one load balancer that appends the
 * client's address (HAProxy's `option forwardfor`), PORTAL_TRUSTED_PROXY_HOPS=1 (docs/deployment.md).
 */
export async function startInstance(o: InstanceSettings & { name: string; port: number; logFile: string }): Promise<Proc> {
  if (await isPortInUse(o.port)) throw new Error(`Le port ${o.port} est déjà utilisé (BENCH_CLUSTER_PORT pour une autre plage).`);
  const env = serverEnv({
    ...process.env,
    ...BENCH_SECRETS,
    NODE_OPTIONS: "",
    NODE_ENV: "production",
    DATABASE_URL: BENCH_DATABASE_URL,
    PORT: String(o.port),
    HOSTNAME: "127.0.0.1",
    NEXT_DIST_DIR: o.distDir,
    NEXTAUTH_URL: o.publicOrigin,
    PORTAL_DEMO_DATA: "false",
    PORTAL_TRUSTED_PROXY_HOPS: "1",
    SMTP_URL: `smtp://127.0.0.1:${o.smtpPort}`,
    SMTP_ALLOW_INSECURE: "true",
    MAIL_FROM: "Portail CPAS <portail@bench.cpas.example>",
  });
  const { child, proc } = startGroup({ name: o.name, command: path.join(root, "node_modules", ".bin", "tsx"), args: ["server.ts"], env, logFile: o.logFile });
  await waitHealthy(`http://127.0.0.1:${o.port}/api/health`, child, proc, 120_000);
  return proc;
}

/**
 * HAProxy (Debian package) as the load balancer: round robin per request, no stickiness (no cookie,
 * no source hashing), keep-alive on both sides, health checks on /api/health.
 */
export async function startLoadBalancer(o: { port: number; backends: number[]; configFile: string; logFile: string }): Promise<Proc> {
  if (await isPortInUse(o.port)) throw new Error(`Le port ${o.port} est déjà utilisé (BENCH_CLUSTER_PORT pour une autre plage).`);
  writeFileSync(o.configFile, haproxyConfig(o.port, o.backends));
  const { child, proc } = startGroup({ name: "haproxy", command: "haproxy", args: ["-db", "-f", o.configFile], env: process.env, logFile: o.logFile });
  await waitHealthy(`http://127.0.0.1:${o.port}/api/health`, child, proc, 20_000);
  return proc;
}

export function haproxyConfig(port: number, backends: number[]): string {
  return [
    "global",
    "  maxconn 512",
    "defaults",
    "  mode http",
    "  option forwardfor",
    "  timeout connect 5s",
    "  timeout client 60s",
    "  timeout server 60s",
    "frontend portal",
    `  bind 127.0.0.1:${port}`,
    "  default_backend instances",
    "backend instances",
    "  balance roundrobin",
    "  option httpchk GET /api/health",
    "  http-check expect status 200",
    ...backends.map((p, i) => `  server instance${i + 1} 127.0.0.1:${p} check inter 2s`),
    "",
  ].join("\n");
}
