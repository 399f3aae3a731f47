import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { parseDatabaseUrl, type PostgresTarget } from "@/lib/db/database-url";
import { applyMigrations, dropPostgresDatabase } from "@/lib/db/migrate";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { localize } from "@/lib/i18n/translator";

import { canonicalJson, GENESIS_HASH } from "./hash-event";
import { verifyAuditChain } from "./verify-audit-chain";
import { writeAuditEvent } from "./write-audit-event";

// The migration 20261201230200_audit_chain_per_centre on a database that already holds events of
// the single portal-wide chain: they become the chain "legacy" and still verify; new events start
// the per-centre chains. Own database and own copy of the migrations up to that one.

const MIGRATION = "20261201230200_audit_chain_per_centre";
const server = process.env.PGHOST_URL ?? "postgresql://postgres@127.0.0.1:5432";
const target = parseDatabaseUrl(`${server}/cpas_it_audit_legacy_${process.pid}_${Date.now()}`) as PostgresTarget;
let root: string;
let client: PrismaClient;

// The formula of the portal-wide chain, written out here from its description (every field plus
// the previous hash, canonical JSON, SHA-256), not taken from the code that verifies it.
function oldHash(prevHash: string, e: Record<string, unknown>): string {
  return createHash("sha256")
    .update(canonicalJson({ ...e, prevHash }))
    .digest("hex");
}

async function sql(text: string, values: unknown[] = []) {
  const c = new pg.Client({ host: target.host, port: target.port, user: target.user, password: target.password, database: target.database });
  await c.connect();
  try {
    return await c.query(text, values);
  } finally {
    await c.end();
  }
}

async function copyMigrations(o: { upTo: string; including: boolean }) {
  const from = path.join(process.cwd(), "prisma");
  const to = path.join(root, "prisma");
  await mkdir(path.join(to, "migrations"), { recursive: true });
  await cp(path.join(from, "schema.prisma"), path.join(to, "schema.prisma"));
  await cp(path.join(from, "migrations", "migration_lock.toml"), path.join(to, "migrations", "migration_lock.toml"));
  for (const dir of (await readdir(path.join(from, "migrations"))).filter((d) => /^\d{14}_/.test(d))) {
    if (dir < o.upTo || (o.including && dir === o.upTo)) await cp(path.join(from, "migrations", dir), path.join(to, "migrations", dir), { recursive: true });
  }
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "cpas-audit-legacy-"));
  await copyMigrations({ upTo: MIGRATION, including: false });
  await applyMigrations(target, { root });
  // Three events of the old chain, as the old writer stored them.
  let prevHash = GENESIS_HASH;
  for (const i of [1, 2, 3]) {
    const e = {
      occurredAt: new Date(Date.UTC(2026, 10, 20, 10, i)).toISOString(),
      actorId: null,
      entityId: null,
      action: "auth.sign_in_failed",
      targetType: null,
      targetId: null,
      before: null,
      after: { reason: "compte inconnu", i },
      ip: "127.0.0.1",
      userAgent: null,
    };
    const hash = oldHash(prevHash, e);
    await sql(`INSERT INTO "AuditEvent" ("occurredAt", action, after, ip, "prevHash", hash) VALUES ($1, $2, $3, $4, $5, $6)`, [
      e.occurredAt,
      e.action,
      JSON.stringify(e.after),
      e.ip,
      prevHash,
      hash,
    ]);
    prevHash = hash;
  }
  await copyMigrations({ upTo: MIGRATION, including: true });
  await applyMigrations(target, { root });
  client = new PrismaClient({
    adapter: new PrismaPg({ host: target.host, port: target.port, user: target.user, password: target.password, database: target.database }),
  });
}, 120_000);

afterAll(async () => {
  await client?.$disconnect();
  await dropPostgresDatabase(target);
  await rm(root, { recursive: true, force: true });
});

describe(`migration ${MIGRATION}`, () => {
  it("turns the existing events into the chain « legacy », numbered 1–3, with its head, and it verifies", async () => {
    const rows = await sql(`SELECT "chainKey", seq::int AS seq FROM "AuditEvent" ORDER BY id`);
    expect(rows.rows).toEqual([
      { chainKey: "legacy", seq: 1 },
      { chainKey: "legacy", seq: 2 },
      { chainKey: "legacy", seq: 3 },
    ]);
    const head = await sql(`SELECT "chainKey", seq::int AS seq, hash = (SELECT hash FROM "AuditEvent" WHERE seq = 3) AS "isLast" FROM "AuditChainHead"`);
    expect(head.rows).toEqual([{ chainKey: "legacy", seq: 3, isLast: true }]);
    expect(await verifyAuditChain(client as never)).toMatchObject({ ok: true, checked: 3, chains: [{ chainKey: "legacy", ok: true, checked: 3 }] });
  });

  it("starts new events in their own chain, and names the legacy chain when one of its events is edited", async () => {
    await client.$transaction((tx) => writeAuditEvent(tx as never, { actorId: null, entityId: null }, { action: "test.after_migration" }));
    expect(await verifyAuditChain(client as never)).toMatchObject({
      ok: true,
      checked: 4,
      chains: [
        { chainKey: "legacy", ok: true, checked: 3 },
        { chainKey: "global", ok: true, checked: 1 },
      ],
    });
    const second = await sql(`UPDATE "AuditEvent" SET after = '{"i": 9}'::jsonb WHERE "chainKey" = 'legacy' AND seq = 2 RETURNING id::text`);
    const report = await verifyAuditChain(client as never);
    expect(report).toMatchObject({ ok: false, chainKey: "legacy", brokenAt: second.rows[0].id });
    expect(localize("fr", report.ok ? "" : report.reason)).toBe("contenu modifié (empreinte différente)");
    expect(report.chains[1]).toEqual({ chainKey: "global", ok: true, checked: 1 });
  });
});
