import { randomBytes } from "node:crypto";

import { afterAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { createCentre, createPerson, PASSWORD } from "@/tests/fixtures/people";

import { createSession } from "./sessions";
import { startPasswordStep } from "./sign-in/start-password-step";
import { stopAllAccess } from "./stop-all-access";

// Issue 9, "Sessions, tokens, lockout as one state": one call stops every way in of one person,
// in the caller's transaction, and nobody else's.
const meta = { ip: "192.0.2.9", userAgent: "vitest" };
afterAll(() => db.$disconnect());

async function personWithEveryWayIn() {
  const { entity, quality } = await createCentre();
  const p = await createPerson(entity.id);
  const inviter = await createPerson(entity.id, { label: "gl" });
  await db.$transaction((tx) => createSession(tx, { personId: p.id, ip: null, userAgent: null }));
  expect((await startPasswordStep({ email: p.email, password: PASSWORD, meta })).ok).toBe(true);
  await db.invitation.create({
    data: {
      tokenHash: randomBytes(32).toString("hex"),
      personId: p.id,
      entityId: entity.id,
      qualityId: quality.id,
      invitedById: inviter.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  await db.apiToken.create({ data: { personId: p.id, name: "script", tokenHash: randomBytes(32).toString("hex") } });
  return { p, inviter };
}

const openWays = async (personId: string) => ({
  sessions: await db.session.count({ where: { personId, revokedAt: null } }),
  challenges: await db.loginChallenge.count({ where: { personId, revokedAt: null, usedAt: null } }),
  invitations: await db.invitation.count({ where: { personId, revokedAt: null, usedAt: null } }),
  tokens: await db.apiToken.count({ where: { personId, revokedAt: null, suspendedAt: null } }),
});

describe("stopAllAccess", () => {
  it.each([["blocked"], ["locked"], ["sessions_ended"]] as const)("%s: stops the session, the challenge, the invitation and the token", async (kind) => {
    const { p, inviter } = await personWithEveryWayIn();
    const bystander = await openWays(inviter.id);
    if (kind === "locked") await db.person.update({ where: { id: p.id }, data: { lockedUntil: new Date(Date.now() + 60_000) } });
    const counts = await db.$transaction((tx) => stopAllAccess(tx, { personId: p.id, reason: "test", kind }));
    expect(counts).toEqual({ sessions: 1, challenges: 1, invitations: 1, tokens: 1 });
    expect(await openWays(p.id)).toEqual({ sessions: 0, challenges: 0, invitations: 0, tokens: 0 });
    expect(await openWays(inviter.id)).toEqual(bystander);
    const token = await db.apiToken.findFirstOrThrow({ where: { personId: p.id } });
    // Revoked for good when the DPD ends everything; suspended otherwise (docs/security.md).
    expect(token.revokedAt !== null).toBe(kind === "sessions_ended");
    expect(token.suspendedAt !== null).toBe(kind !== "sessions_ended");
    expect(token.suspendedUntil !== null).toBe(kind === "locked");
  });

  it("rolls back with the caller's transaction", async () => {
    const { p } = await personWithEveryWayIn();
    const before = await openWays(p.id);
    await expect(
      db.$transaction(async (tx) => {
        await stopAllAccess(tx, { personId: p.id, reason: "test", kind: "blocked" });
        throw new Error("the caller's change failed");
      }),
    ).rejects.toThrow("the caller's change failed");
    expect(await openWays(p.id)).toEqual(before);
  });

  it("a lock never shortens a suspension without end (a block)", async () => {
    const { p } = await personWithEveryWayIn();
    await db.$transaction((tx) => stopAllAccess(tx, { personId: p.id, reason: "compte bloqué", kind: "blocked" }));
    await db.person.update({ where: { id: p.id }, data: { lockedUntil: new Date(Date.now() + 60_000) } });
    await db.$transaction((tx) => stopAllAccess(tx, { personId: p.id, reason: "compte verrouillé", kind: "locked" }));
    expect(await db.apiToken.findFirstOrThrow({ where: { personId: p.id } })).toMatchObject({ suspendedUntil: null, suspendedReason: "compte bloqué" });
  });
});
