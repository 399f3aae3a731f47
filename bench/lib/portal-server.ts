import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

import { sourceDigest } from "../../scripts/lib/build-if-needed";

import { BENCH_DATABASE_URL, BENCH_ORIGIN, BENCH_PORT, BENCH_SECRETS } from "./bench-env";

// The portal as `npm start` runs it (scripts/start.ts: migrate, build if the sources changed,
// server.ts), in its own process group so that stopping it also stops the server it spawned.
// Build folder: NEXT_DIST_DIR if set, else `.next-bench`, beside the checkout's `.next` (git-ignored;
// scripts/lib/build-if-needed.ts puts back the tsconfig.json that `next build` rewrites for such a
// folder, so a benchmark leaves no tracked file changed).

export type PortalServer = { child: ChildProcess; logFile: string; stop: () => Promise<void> };

const root = path.resolve(import.meta.dirname, "..", "..");
export const BENCH_DIST_DIR = process.env.NEXT_DIST_DIR || ".next-bench";

/** Process groups started and not yet stopped: a signal (during a build too) must not leave one behind. */
const running = new Set<() => Promise<void>>();
export const stopAllPortals = () => Promise.all([...running].map((stop) => stop()));

export async function isPortInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export function tailOf(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(journal illisible)";
  }
}

/**
 * BENCH_KEEP_BUILD=1: serve the build already in the folder even if sources changed since (in a
 * working tree shared with other people's edits, any edit would otherwise start a new `next build`
 * in the middle of a run). The folder's marker is set to the current sources, so scripts/start.ts
 * does not rebuild; the figures are those of the build in the folder, built beforehand.
 */
function keepExistingBuild(): void {
  if (process.env.BENCH_KEEP_BUILD !== "1") return;
  const dist = path.join(root, BENCH_DIST_DIR);
  if (!existsSync(path.join(dist, "BUILD_ID"))) throw new Error(`BENCH_KEEP_BUILD=1 : aucune construction dans ${BENCH_DIST_DIR}.`);
  writeFileSync(path.join(dist, "portal-source-hash"), sourceDigest(root));
}

export type ProcessGroup = { child: ChildProcess; exited: () => boolean; stop: () => Promise<void> };

/**
 * `command` in the checkout, in a process group of its own, its output to `logFile`. `stop` ends
 * the whole group (SIGTERM, SIGKILL after 5 s, then SIGKILL to anything left: build workers, the
 * server a script spawned); `stopAllPortals` stops every group not yet stopped.
 */
export function startProcessGroup(o: { command: string; args: string[]; env: NodeJS.ProcessEnv; logFile: string }): ProcessGroup {
  mkdirSync(path.dirname(o.logFile), { recursive: true });
  const log = openSync(o.logFile, "w");
  const child = spawn(o.command, o.args, { cwd: root, detached: true, stdio: ["ignore", log, log], env: o.env });
  closeSync(log);
  let exited = false;
  child.once("exit", () => (exited = true));

  const signalGroup = (sig: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, sig);
    } catch {
      // the group is already gone
    }
  };
  const stop = async () => {
    running.delete(stop);
    if (exited) return signalGroup("SIGKILL"); // the leader is gone; anything left of its group goes too
    const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    signalGroup("SIGTERM");
    const timer = setTimeout(() => signalGroup("SIGKILL"), 5_000);
    await gone;
    clearTimeout(timer);
    signalGroup("SIGKILL"); // anything left in the group (build workers, the server)
  };
  running.add(stop);
  return { child, exited: () => exited, stop };
}

export async function startPortal(o: { logFile: string; timeoutMs: number }): Promise<PortalServer> {
  if (await isPortInUse(BENCH_PORT)) throw new Error(`Le port ${BENCH_PORT} est déjà utilisé (BENCH_PORT pour en choisir un autre).`);
  keepExistingBuild();
  const { child, exited, stop } = startProcessGroup({
    command: path.join(root, "node_modules", ".bin", "tsx"),
    args: ["scripts/start.ts"],
    logFile: o.logFile,
    env: {
      ...process.env,
      ...BENCH_SECRETS,
      DATABASE_URL: BENCH_DATABASE_URL,
      PORT: String(BENCH_PORT),
      HOSTNAME: "127.0.0.1",
      NEXTAUTH_URL: `http://localhost:${BENCH_PORT}`,
      PORTAL_DEMO_DATA: "false",
      NEXT_DIST_DIR: BENCH_DIST_DIR,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --conditions=react-server`.trim(),
    },
  });

  const deadline = Date.now() + o.timeoutMs;
  while (Date.now() < deadline) {
    if (exited()) {
      await stop();
      throw new Error(`Le serveur s'est arrêté avant d'être prêt :\n${tailOf(o.logFile)}`);
    }
    try {
      const res = await fetch(`${BENCH_ORIGIN}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return { child, logFile: o.logFile, stop };
    } catch {
      // not listening yet (migration or build in progress)
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`Le serveur n'a pas répondu sur /api/health en ${o.timeoutMs / 1000} s :\n${tailOf(o.logFile)}`);
}
