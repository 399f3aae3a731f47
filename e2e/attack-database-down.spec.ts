import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";

import { PrismaPg } from "@prisma/adapter-pg";
import { type Browser, type BrowserContext, expect, test } from "@playwright/test";

import { PrismaClient } from "../lib/generated/prisma/client";

import { freshCode, randomBce } from "./fixtures/data";
import { e2eServerEnv, E2E_DATABASE_URL, E2E_PORT } from "./fixtures/e2e-env";
import { actionId, actionStatus, callAction, form } from "./fixtures/attack/server-action";
import { PgProxy } from "./fixtures/attack/tcp-proxy";
import { c607Content } from "./fixtures/attack/world";

// Issue 6, attack 5: the database disappears in the middle of a request. A SECOND portal instance
// (same build, port E2E_PORT + 1) runs against its own database (<e2e db>_dbdown, created here)
// through a loopback TCP proxy that this test cuts — the machine's PostgreSQL is never touched.
// The cut lands inside a transaction, between the change and its audit/timeline event; then the
// database stays unreachable for a moment. Expected: a clear French error with an id and no stack,
// and after restoring, no half-written change, an intact audit chain, and a portal that works.

const builders = await import("../lib/seed/builders");
const { resetDatabase } = await import("../lib/db/migrate/commands");
const { dropPostgresDatabase } = await import("../lib/db/migrate/postgres-adapter");
const { parseDatabaseUrl } = await import("../lib/db/database-url");
const { newTotpSecret } = await import("../lib/auth/totp");

const root = path.resolve(import.meta.dirname, "..");
const PORT = E2E_PORT + 1;
const BASE = `http://localhost:${PORT}`;
const DIRECT_URL = `${E2E_DATABASE_URL}_dbdown`;
const PASSWORD = "Test-Portail-2026!";
const GENERIC = /Une erreur inattendue est survenue\. Réessayez ; si elle persiste, communiquez ce code au support : [0-9a-f]{8}\./;
const STACK = /\bat \/|node_modules|PrismaClient|ECONNRESET|Connection terminated|\.ts:\d+/;

let proxy: PgProxy;
let server: ChildProcess;
let local: PrismaClient;
let serverLog = "";

async function waitForHealth(expectOk: boolean, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await fetch(`${BASE}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok === expectOk) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`health never became ${expectOk}\n${serverLog.slice(-2000)}`);
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const target = parseDatabaseUrl(DIRECT_URL);
  if (target.kind !== "postgres" || !/e2e/.test(target.database)) throw new Error("dedicated e2e database expected");
  await resetDatabase(target);
  local = new PrismaClient({
    adapter: new PrismaPg({ connectionString: DIRECT_URL }),
  });
  proxy = new PgProxy({ host: target.host, port: target.port });
  const proxyPort = await proxy.start();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...e2eServerEnv(),
    NODE_ENV: "production",
    PORT: String(PORT),
    NEXTAUTH_URL: BASE,
    DATABASE_URL: `postgresql://${target.user}@127.0.0.1:${proxyPort}/${target.database}`,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --conditions=react-server`.trim(),
  };
  server = spawn(
    path.join(root, "node_modules", ".bin", "tsx"),
    ["server.ts"],
    // Its own process group: tsx runs node as a child, and the whole group is stopped afterwards
    // so that the port is free for the next spec that starts a second instance.
    { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  server.stdout!.on("data", (d: Buffer) => (serverLog += d.toString()));
  server.stderr!.on("data", (d: Buffer) => (serverLog += d.toString()));
  await waitForHealth(true);
});

test.afterAll(async () => {
  if (server?.pid) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
    for (
      let i = 0;
      i < 40 &&
      (await fetch(`${BASE}/api/health`).then(
        () => true,
        () => false,
      ));
      i++
    )
      await new Promise((r) => setTimeout(r, 250));
  }
  await proxy?.stop();
  await local?.$disconnect();
  const target = parseDatabaseUrl(DIRECT_URL);
  if (target.kind === "postgres") await dropPostgresDatabase(target).catch(() => undefined);
});

async function world() {
  return local.$transaction(
    async (tx) => {
      await builders.ensureCatalogue(tx);
      const entity = await builders.ensureEntity(tx, {
        name: `CPAS panne ${randomUUID().slice(0, 6)}`,
        bce: randomBce(),
      });
      const quality = await builders.ensureQuality(tx, {
        entityId: entity.id,
        type: "ACTION_SOCIALE",
        identifier: entity.bceNumber,
      });
      const person = async (label: string) => {
        const totpSecret = newTotpSecret();
        const email = `${label}-${randomUUID().slice(0, 8)}@panne.cpas.be`;
        const p = await builders.ensurePerson(tx, {
          entityId: entity.id,
          email,
          firstName: label,
          lastName: "Panne",
          password: PASSWORD,
          totpSecret,
        });
        return { id: p.id, email, password: PASSWORD, totpSecret };
      };
      const gl = await person("gl");
      const agent = await person("agent");
      const target = await person("cible");
      await builders.ensureRole(tx, {
        personId: gl.id,
        role: "GL",
        entityId: entity.id,
        qualityId: quality.id,
      });
      await builders.ensureGrant(tx, {
        personId: agent.id,
        rightCode: "AGENT_SOCIAL",
        entityId: entity.id,
        qualityId: quality.id,
      });
      return { entity, quality, gl, agent, target };
    },
    { timeout: 30_000 },
  );
}

async function signedIn(browser: Browser, p: { email: string; password: string; totpSecret: string }): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: BASE });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Adresse e-mail").fill(p.email);
  await page.getByLabel("Mot de passe").fill(p.password);
  await page.getByRole("button", { name: "Continuer" }).click();
  await page.getByLabel("Code de vérification").fill(await freshCode(p.totpSecret));
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/tableau-de-bord/);
  await page.close();
  return context;
}

test("the database vanishes mid-request: a French error with an id, then nothing half-written", async ({ browser }) => {
  test.setTimeout(150_000);
  const w = await world();
  const gl = await signedIn(browser, w.gl);
  const agent = await signedIn(browser, w.agent);
  const grantId = actionId("app/(portal)/gestion/actions.ts", "grantRightAction");
  const createId = actionId("app/(portal)/c607/actions.ts", "createRequestAction");
  const grantArgs = [
    { status: "idle" },
    form({
      qualityId: w.quality.id,
      personEmail: w.target.email,
      rightCode: "FILE_EXCHANGE",
    }),
  ];
  const content = c607Content();

  // 1. Grant a right: the connection dies after the grant's INSERT, before its audit event.
  const cutGrant = proxy.cutBetween(/INSERT INTO\s+(?:"public"\.)?"RightGrant"/, /"AuditEvent"|pg_advisory_xact_lock/);
  const grantCall = callAction(gl.request, {
    path: `/gestion/qualites/${w.quality.id}`,
    id: grantId,
    args: grantArgs,
    origin: BASE,
  });
  const [grant] = await Promise.all([grantCall, cutGrant]);
  expect(actionStatus(grant.text)).toBe("error");
  expect(grant.text).toMatch(GENERIC);
  expect(grant.text).not.toMatch(STACK);

  // 2. While it is down: pages, route handlers and the health check answer clearly, without a stack.
  const page = await gl.request.get("/tableau-de-bord", {
    failOnStatusCode: false,
    maxRedirects: 0,
  });
  expect([500, 503]).toContain(page.status());
  expect(await page.text()).not.toMatch(STACK);
  const api = await agent.request.get("/api/c607/requests", {
    failOnStatusCode: false,
  });
  expect([500, 503]).toContain(api.status());
  const body = (await api.json()) as { erreur: string };
  expect(body.erreur).toMatch(GENERIC);
  expect(JSON.stringify(body)).not.toMatch(STACK);
  const health = await fetch(`${BASE}/api/health`);
  expect(health.status).toBe(503);
  expect(await health.json()).toEqual({
    statut: "base de données indisponible",
  });

  // 3. Back up: C60.7 creation cut between the request and its timeline event.
  proxy.restore();
  await waitForHealth(true);
  const cutRequest = proxy.cutBetween(/INSERT INTO\s+(?:"public"\.)?"C607Request"/, /"C607Event"/);
  const [created] = await Promise.all([
    callAction(agent.request, {
      path: "/c607/nouvelle",
      id: createId,
      args: [{ clientKey: randomUUID(), content }],
      origin: BASE,
    }),
    cutRequest,
  ]);
  expect(actionStatus(created.text)).toBe("error");
  expect(created.text).toMatch(GENERIC);
  expect(created.text).not.toMatch(STACK);
  proxy.restore();
  await waitForHealth(true);

  // 4. Nothing half-written: no grant without its audit event, no request without its timeline.
  expect(await local.rightGrant.count({ where: { personId: w.target.id } })).toBe(0);
  expect(await local.c607Request.count({ where: { entityId: w.entity.id } })).toBe(0);
  const orphans = await local.c607Request.count({
    where: { events: { none: {} } },
  });
  expect(orphans).toBe(0);
  execFileSync(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/audit-verify.ts"], {
    cwd: root,
    env: {
      ...process.env,
      ...e2eServerEnv(),
      DATABASE_URL: DIRECT_URL,
      NODE_OPTIONS: "--conditions=react-server",
    },
    stdio: "pipe",
  });

  // 5. The same calls now succeed, each with its audit / timeline event (the portal recovered).
  const again = await callAction(gl.request, {
    path: `/gestion/qualites/${w.quality.id}`,
    id: grantId,
    args: grantArgs,
    origin: BASE,
  });
  expect(actionStatus(again.text)).toBe("success");
  expect(
    await local.rightGrant.count({
      where: { personId: w.target.id, rightCode: "FILE_EXCHANGE" },
    }),
  ).toBe(1);
  expect(
    await local.auditEvent.count({
      where: { targetId: w.target.id, action: { contains: "grant" } },
    }),
  ).toBeGreaterThanOrEqual(1);
  const retry = await callAction(agent.request, {
    path: "/c607/nouvelle",
    id: createId,
    args: [{ clientKey: randomUUID(), content }],
    origin: BASE,
  });
  expect(actionStatus(retry.text)).toBe("success");
  const request = await local.c607Request.findFirstOrThrow({
    where: { entityId: w.entity.id },
    include: { events: true },
  });
  expect(request.events.map((e) => e.kind)).toEqual(["created"]);
  // The server logged the failures under their ids (with the detail kept out of the answers).
  expect(serverLog).toMatch(/\[erreur [0-9a-f]{8}\]/);
  await gl.close();
  await agent.close();
});
