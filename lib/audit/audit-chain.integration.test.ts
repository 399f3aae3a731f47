import { execFileSync } from "node:child_process";

import { afterAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";

import { verifyAuditChain } from "./verify-audit-chain";
import { writeAuditEvent } from "./write-audit-event";

afterAll(() => db.$disconnect());

function auditVerifyCli(): { code: number; output: string } {
  try {
    const out = execFileSync("node_modules/.bin/tsx", ["scripts/audit-verify.ts"], {
      env: { ...process.env, NODE_OPTIONS: "--conditions=react-server" },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { code: 0, output: out };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, output: `${err.stdout}${err.stderr}` };
  }
}

describe("audit chain", () => {
  it("stays linear when many transactions write at once", async () => {
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        // 25 transactions for 10 pooled connections: generous waits, the test is about order, not speed.
        db.$transaction((tx) => writeAuditEvent(tx, { actorId: null, entityId: null, ip: "127.0.0.1" }, { action: "test.concurrent", after: { i } }), {
          maxWait: 20_000,
          timeout: 20_000,
        }),
      ),
    );
    const report = await verifyAuditChain(db);
    expect(report).toMatchObject({ ok: true });
    expect(report.checked).toBeGreaterThanOrEqual(25);
  });

  it("is not written when the change's transaction rolls back", async () => {
    const before = await db.auditEvent.count({ where: { action: "test.rolled_back" } });
    await expect(
      db.$transaction(async (tx) => {
        await writeAuditEvent(tx, { actorId: null, entityId: null }, { action: "test.rolled_back" });
        throw new Error("échec simulé de la modification");
      }),
    ).rejects.toThrow("échec simulé");
    expect(await db.auditEvent.count({ where: { action: "test.rolled_back" } })).toBe(before);
  });

  it("never stores secrets or national numbers in summaries", async () => {
    await db.$transaction((tx) =>
      writeAuditEvent(
        tx,
        { actorId: null, entityId: null },
        { action: "test.redaction", before: { niss: "85073003328" }, after: { password: "Secret-123456!", name: "x" } },
      ),
    );
    const row = await db.auditEvent.findFirstOrThrow({ where: { action: "test.redaction" }, orderBy: { id: "desc" } });
    const stored = JSON.stringify({ ...row, id: row.id.toString(), seq: row.seq.toString() });
    expect(stored).not.toContain("85073003328");
    expect(stored).not.toContain("Secret-123456!");
    expect(row.after).toEqual({ password: "[masqué]", name: "x" });
  });

  it("names the first edited row, and npm run audit:verify fails on it", async () => {
    const target = await db.auditEvent.findFirstOrThrow({ where: { action: "test.concurrent" }, orderBy: { id: "asc" } });
    await db.$executeRaw`UPDATE "AuditEvent" SET "after" = '{"i": 999}'::jsonb WHERE id = ${target.id}`;
    try {
      const report = await verifyAuditChain(db, 7); // small pages: the walk crosses page boundaries
      expect(report).toMatchObject({ ok: false, brokenAt: target.id.toString() });
      const cli = auditVerifyCli();
      expect(cli.code).toBe(1);
      expect(cli.output).toContain(`Chaîne « global » ALTÉRÉE : premier événement en défaut n° ${target.id.toString()}`);
    } finally {
      await db.$executeRaw`UPDATE "AuditEvent" SET "after" = ${JSON.stringify(target.after)}::jsonb WHERE id = ${target.id}`;
    }
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    expect(auditVerifyCli().code).toBe(0);
  });

  it("detects a deleted row at the next one", async () => {
    const rows = await db.auditEvent.findMany({ where: { action: "test.concurrent" }, orderBy: { id: "asc" }, take: 3 });
    const victim = rows[1]!;
    const next = rows[2]!;
    await db.$executeRaw`DELETE FROM "AuditEvent" WHERE id = ${victim.id}`;
    try {
      expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: next.id.toString() });
    } finally {
      await db.$executeRaw`INSERT INTO "AuditEvent" (id, "occurredAt", "actorId", "entityId", action, "targetType", "targetId", before, after, ip, "userAgent", "chainKey", seq, "prevHash", hash)
        VALUES (${victim.id}, ${victim.occurredAt}, ${victim.actorId}::uuid, ${victim.entityId}::uuid, ${victim.action}, ${victim.targetType}, ${victim.targetId},
        ${victim.before === null ? null : JSON.stringify(victim.before)}::jsonb, ${victim.after === null ? null : JSON.stringify(victim.after)}::jsonb,
        ${victim.ip}, ${victim.userAgent}, ${victim.chainKey}, ${victim.seq}, ${victim.prevHash}, ${victim.hash})`;
    }
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});
