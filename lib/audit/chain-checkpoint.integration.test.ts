import { afterAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { localize } from "@/lib/i18n/translator";
import { createCentre } from "@/tests/fixtures/people";

import { verifyAndCheckpoint, verifyChainIncrementally } from "./chain-checkpoint";
import { writeAuditEvent } from "./write-audit-event";

// Issue 15: the security log verifies its centre's chain from the last full verification's
// checkpoint; a tampered event must still be named as before.

afterAll(() => db.$disconnect());

const write = (entityId: string, i: number) =>
  db.$transaction((tx) => writeAuditEvent(tx, { actorId: null, entityId }, { action: "test.checkpoint", after: { i } }), { timeout: 5_000 });

/** A centre whose chain holds `n` events, after {"i": 1} … {"i": n}. */
async function centreWithEvents(n: number) {
  const { entity } = await createCentre();
  for (let i = 1; i <= n; i++) await write(entity.id, i);
  return entity.id;
}

const eventAt = (chainKey: string, seq: number) => db.auditEvent.findFirstOrThrow({ where: { chainKey, seq } });

/** Changes an event's content behind the portal's back, runs `check`, then puts it back. */
async function tampered<T>(id: bigint, i: number, check: () => Promise<T>): Promise<void> {
  await db.$executeRaw`UPDATE "AuditEvent" SET "after" = '{"i": 99}'::jsonb WHERE id = ${id}`;
  try {
    await check();
  } finally {
    await db.$executeRaw`UPDATE "AuditEvent" SET "after" = ${JSON.stringify({ i })}::jsonb WHERE id = ${id}`;
  }
}

describe("audit chain checkpoints", () => {
  it("walks the whole chain without a checkpoint, then only what follows the checkpoint", async () => {
    const chainKey = await centreWithEvents(3);
    expect(await verifyChainIncrementally(db, chainKey)).toEqual({ chainKey, ok: true, checked: 3, fullyVerifiedAt: null });

    const before = Date.now();
    expect(await verifyAndCheckpoint(db)).toMatchObject({ ok: true });
    const checkpoint = await db.auditChainCheckpoint.findUniqueOrThrow({ where: { chainKey } });
    expect(checkpoint).toMatchObject({ seq: 3n, hash: (await eventAt(chainKey, 3)).hash, checked: 3 });
    expect(checkpoint.verifiedAt.getTime()).toBeGreaterThanOrEqual(before - 1_000);

    await write(chainKey, 4);
    await write(chainKey, 5);
    // Five events in all, as a whole walk would count them; the time shown is the full verification's.
    expect(await verifyChainIncrementally(db, chainKey)).toEqual({ chainKey, ok: true, checked: 5, fullyVerifiedAt: checkpoint.verifiedAt });
  });

  it("names an event changed after the checkpoint, and the checkpoint's own event", async () => {
    const chainKey = await centreWithEvents(4);
    await verifyAndCheckpoint(db);
    await write(chainKey, 5);
    await write(chainKey, 6);

    const fifth = await eventAt(chainKey, 5);
    await tampered(fifth.id, 5, async () => {
      const r = await verifyChainIncrementally(db, chainKey);
      expect(r).toMatchObject({ ok: false, checked: 4, brokenAt: fifth.id.toString(), fullyVerifiedAt: null });
      expect(localize("fr", r.ok ? "" : r.reason)).toBe("contenu modifié (empreinte différente)");
    });

    const fourth = await eventAt(chainKey, 4); // the checkpoint's event
    await tampered(fourth.id, 4, async () => {
      expect(await verifyChainIncrementally(db, chainKey)).toMatchObject({ ok: false, checked: 3, brokenAt: fourth.id.toString() });
    });

    // Its stored hash replaced too (content and hash rewritten together): the checkpoint no longer
    // matches, the whole chain is walked, and the next event's link names the break.
    await db.$executeRaw`UPDATE "AuditEvent" SET "hash" = repeat('0', 64) WHERE id = ${fourth.id}`;
    try {
      expect(await verifyChainIncrementally(db, chainKey)).toMatchObject({ ok: false, checked: 3, brokenAt: fourth.id.toString() });
    } finally {
      await db.$executeRaw`UPDATE "AuditEvent" SET "hash" = ${fourth.hash} WHERE id = ${fourth.id}`;
    }
    expect(await verifyChainIncrementally(db, chainKey)).toMatchObject({ ok: true, checked: 6 });
  });

  it("shows an event changed before the checkpoint once the next full verification has found it", async () => {
    const chainKey = await centreWithEvents(4);
    await verifyAndCheckpoint(db);
    const second = await eventAt(chainKey, 2);
    await tampered(second.id, 2, async () => {
      // Not read by the page until the next full verification (the documented limit)…
      expect(await verifyChainIncrementally(db, chainKey)).toMatchObject({ ok: true, checked: 4 });
      // …which names it and deletes the checkpoint: from then on the page names it too.
      const report = await verifyAndCheckpoint(db);
      expect(report.ok).toBe(false);
      expect(report.chains.find((c) => c.chainKey === chainKey)).toMatchObject({ ok: false, checked: 1, brokenAt: second.id.toString() });
      expect(await db.auditChainCheckpoint.count({ where: { chainKey } })).toBe(0);
      expect(await verifyChainIncrementally(db, chainKey)).toMatchObject({ ok: false, checked: 1, brokenAt: second.id.toString(), fullyVerifiedAt: null });
    });
    await verifyAndCheckpoint(db);
    expect(await db.auditChainCheckpoint.findUniqueOrThrow({ where: { chainKey } })).toMatchObject({ seq: 4n, checked: 4 });
  });

  it("notices a tail deleted after the checkpoint through the chain's head", async () => {
    const chainKey = await centreWithEvents(2);
    await verifyAndCheckpoint(db);
    await write(chainKey, 3);
    const third = await eventAt(chainKey, 3);
    await db.$executeRaw`DELETE FROM "AuditEvent" WHERE id = ${third.id}`;
    try {
      const r = await verifyChainIncrementally(db, chainKey);
      expect(r).toMatchObject({ ok: false, checked: 2, brokenAt: (await eventAt(chainKey, 2)).id.toString() });
      expect(localize("fr", r.ok ? "" : r.reason)).toBe("fin de chaîne supprimée : la tête annonce 3 événements, 2 trouvés");
    } finally {
      await db.$executeRaw`INSERT INTO "AuditEvent" (id, "occurredAt", "actorId", "entityId", action, "targetType", "targetId", before, after, ip, "userAgent", "chainKey", seq, "prevHash", hash)
        VALUES (${third.id}, ${third.occurredAt}, NULL, ${chainKey}::uuid, ${third.action}, NULL, NULL, NULL, ${JSON.stringify(third.after)}::jsonb, NULL, NULL, ${third.chainKey}, ${third.seq}, ${third.prevHash}, ${third.hash})`;
    }
    expect(await verifyChainIncrementally(db, chainKey)).toMatchObject({ ok: true, checked: 3 });
  });
});
