import { afterAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { localize } from "@/lib/i18n/translator";
import { createCentre } from "@/tests/fixtures/people";

import { verifyAuditChain } from "./verify-audit-chain";
import { deferAuditEvents, writeAuditEvent } from "./write-audit-event";

// Issue 9, "audit that scales past one centre": each centre has its own chain and its own lock.

afterAll(() => db.$disconnect());

/** A transaction that has written to `entityId`'s chain and stays open until `release` is called. */
function holdChain(entityId: string) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let locked!: () => void;
  const isLocked = new Promise<void>((r) => (locked = r));
  const done = db.$transaction(
    async (tx) => {
      await writeAuditEvent(tx, { actorId: null, entityId }, { action: "test.holding_lock" });
      locked();
      await released;
    },
    { timeout: 20_000 },
  );
  return { isLocked, release, done };
}

const write = (entityId: string, action: string, after?: unknown) =>
  db.$transaction((tx) => writeAuditEvent(tx, { actorId: null, entityId }, { action, after }), { timeout: 5_000 });

/** Resolves to "pending" if `p` has not settled within `ms`. */
const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p.then(() => "done" as const), new Promise<"pending">((r) => setTimeout(() => r("pending"), ms))]);

describe("one audit chain per centre", () => {
  it("lets a centre write while another centre's chain is locked, and queues writers of the same chain", async () => {
    const [{ entity: a }, { entity: b }] = await Promise.all([createCentre(), createCentre()]);
    await write(a.id, "test.first"); // both chains exist: the test is about their locks, not their creation
    await write(b.id, "test.first");
    const hold = holdChain(a.id);
    await hold.isLocked;
    try {
      // Centre B: done while A's lock is held (the old single lock made it wait for A's commit).
      expect(await within(write(b.id, "test.other_centre"), 3_000)).toBe("done");
      // Centre A: a second writer waits for the first to commit.
      const sameChain = write(a.id, "test.same_centre");
      expect(await within(sameChain, 700)).toBe("pending");
      hold.release();
      await hold.done;
      expect(await within(sameChain, 3_000)).toBe("done");
    } finally {
      hold.release();
      await hold.done.catch(() => undefined);
    }
    const seqs = await db.auditEvent.findMany({ where: { entityId: a.id }, orderBy: { seq: "asc" }, select: { action: true, seq: true, chainKey: true } });
    expect(seqs).toEqual([
      { action: "test.first", seq: 1n, chainKey: a.id },
      { action: "test.holding_lock", seq: 2n, chainKey: a.id },
      { action: "test.same_centre", seq: 3n, chainKey: a.id },
    ]);
  });

  it("holds no chain lock while deferred work runs, then writes its events in one step at the end", async () => {
    const { entity: a } = await createCentre();
    await db.$transaction(async (tx) =>
      deferAuditEvents(tx, async () => {
        await writeAuditEvent(tx, { actorId: null, entityId: a.id }, { action: "test.import_line", after: { line: 2 } });
        await writeAuditEvent(tx, { actorId: null, entityId: a.id }, { action: "test.import_line", after: { line: 3 } });
        // Same centre, another connection, in the middle of the "import": not blocked.
        expect(await within(write(a.id, "test.during_import"), 3_000)).toBe("done");
        await writeAuditEvent(tx, { actorId: null, entityId: a.id }, { action: "test.imported" });
      }),
    );
    const rows = await db.auditEvent.findMany({ where: { entityId: a.id }, orderBy: { seq: "asc" }, select: { action: true, seq: true } });
    expect(rows).toEqual([
      { action: "test.during_import", seq: 1n },
      { action: "test.import_line", seq: 2n },
      { action: "test.import_line", seq: 3n },
      { action: "test.imported", seq: 4n },
    ]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it("writes nothing from deferred work whose transaction fails", async () => {
    const { entity: a } = await createCentre();
    await expect(
      db.$transaction(async (tx) =>
        deferAuditEvents(tx, async () => {
          await writeAuditEvent(tx, { actorId: null, entityId: a.id }, { action: "test.import_line" });
          throw new Error("ligne refusée");
        }),
      ),
    ).rejects.toThrow("ligne refusée");
    expect(await db.auditEvent.count({ where: { entityId: a.id } })).toBe(0);
    expect(await db.auditChainHead.count({ where: { chainKey: a.id } })).toBe(0);
  });

  it("names the tampered chain and event; the other centre's chain still verifies", async () => {
    const [{ entity: a }, { entity: b }] = await Promise.all([createCentre(), createCentre()]);
    for (const i of [1, 2, 3]) {
      await write(a.id, "test.tamper", { i });
      await write(b.id, "test.tamper", { i });
    }
    const victim = await db.auditEvent.findFirstOrThrow({ where: { entityId: a.id, seq: 2 } });
    await db.$executeRaw`UPDATE "AuditEvent" SET "after" = '{"i": 99}'::jsonb WHERE id = ${victim.id}`;
    try {
      const report = await verifyAuditChain(db);
      expect(report.ok).toBe(false);
      const broken = report.chains.find((c) => c.chainKey === a.id);
      expect(broken).toMatchObject({ ok: false, checked: 1, brokenAt: victim.id.toString() });
      // The reason is a message reference: what the security advisor reads, in French and in Dutch.
      const reason = broken && !broken.ok ? broken.reason : "";
      expect(localize("fr", reason)).toBe("contenu modifié (empreinte différente)");
      expect(localize("nl", reason)).toBe("inhoud gewijzigd (andere vingerafdruk)");
      expect(report.chains).toContainEqual({ chainKey: b.id, ok: true, checked: 3 });
      if (!report.ok) expect(report.broken.map((c) => c.chainKey)).toEqual([a.id]);
    } finally {
      await db.$executeRaw`UPDATE "AuditEvent" SET "after" = '{"i": 2}'::jsonb WHERE id = ${victim.id}`;
    }
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it("notices a deleted tail through the chain's head", async () => {
    const { entity: a } = await createCentre();
    for (const i of [1, 2, 3]) await write(a.id, "test.tail", { i });
    const last = await db.auditEvent.findFirstOrThrow({ where: { entityId: a.id, seq: 3 } });
    const second = await db.auditEvent.findFirstOrThrow({ where: { entityId: a.id, seq: 2 } });
    await db.$executeRaw`DELETE FROM "AuditEvent" WHERE id = ${last.id}`;
    try {
      const report = await verifyAuditChain(db);
      const broken = report.chains.find((c) => c.chainKey === a.id);
      expect(broken).toMatchObject({ ok: false, checked: 2, brokenAt: second.id.toString() });
      const reason = broken && !broken.ok ? broken.reason : "";
      expect(localize("fr", reason)).toBe("fin de chaîne supprimée : la tête annonce 3 événements, 2 trouvés");
      expect(localize("nl", reason)).toBe("einde van de keten verwijderd: de kop vermeldt 3 gebeurtenissen, 2 gevonden");
    } finally {
      await db.$executeRaw`INSERT INTO "AuditEvent" (id, "occurredAt", "actorId", "entityId", action, "targetType", "targetId", before, after, ip, "userAgent", "chainKey", seq, "prevHash", hash)
        VALUES (${last.id}, ${last.occurredAt}, NULL, ${a.id}::uuid, ${last.action}, NULL, NULL, NULL, ${JSON.stringify(last.after)}::jsonb, NULL, NULL, ${last.chainKey}, ${last.seq}, ${last.prevHash}, ${last.hash})`;
    }
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it("never stores a national number typed in a file name or a user agent, nor a token", async () => {
    const { entity: a } = await createCentre();
    await db.$transaction((tx) =>
      writeAuditEvent(
        tx,
        { actorId: null, entityId: a.id, userAgent: "outil 85.07.30-033.28" },
        {
          action: "test.file",
          targetId: "85073003328",
          after: { fileName: "contrat 85073003328.xlsx", note: "cpas_Q2hhbmdlTWVOb3dQbGVhc2UtMTIzNDU2Nzg5MDEyMzQ1Njc4OTA" },
        },
      ),
    );
    const row = await db.auditEvent.findFirstOrThrow({ where: { entityId: a.id, action: "test.file" } });
    const stored = JSON.stringify({ ...row, id: row.id.toString(), seq: row.seq.toString() });
    expect(stored).not.toMatch(/85\\D?07\\D?30\\D?033\\D?28/);
    expect(stored).not.toContain("cpas_");
    expect(row.after).toEqual({ fileName: "contrat [numéro masqué].xlsx", note: "[secret masqué]" });
    expect(row.userAgent).toBe("outil [numéro masqué]");
    expect(row.targetId).toBe("[numéro masqué]");
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});
