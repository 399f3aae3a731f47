import { createHmac } from "node:crypto";

import { generate } from "otplib";
import { afterAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { sessionHandle } from "@/lib/sessions/session-handle";
import { INTEGRATION_SECRETS } from "@/tests/integration-database";
import { createCentre, createPerson, PASSWORD } from "@/tests/fixtures/people";

import { revokeSession } from "../sessions";
import { newTotpSecret } from "../totp";
import { confirmSecondFactor } from "./confirm-second-factor";
import { consumeChallenge } from "./consume-challenge";
import { startPasswordStep } from "./start-password-step";

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
afterAll(() => db.$disconnect());

async function stateOf(personId: string) {
  const [person, challenges, sessions, events] = await Promise.all([
    db.person.findUniqueOrThrow({ where: { id: personId } }),
    db.loginChallenge.count({ where: { personId } }),
    db.session.count({ where: { personId } }),
    db.auditEvent.count({ where: { OR: [{ actorId: personId }, { targetId: personId }] } }),
  ]);
  return { person, challenges, sessions, events };
}

describe("sign-in against PostgreSQL", () => {
  it("turns password + TOTP into exactly one session, even when redeemed twice at once", async () => {
    const { entity } = await createCentre();
    const secret = newTotpSecret();
    const p = await createPerson(entity.id, { totpSecret: secret });
    const step1 = await startPasswordStep({ email: p.email.toUpperCase(), password: PASSWORD, meta });
    expect(step1).toMatchObject({ ok: true, enrolment: null });
    if (!step1.ok) throw new Error("unreachable");
    const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) });
    expect(await confirmSecondFactor({ token: step1.token, code, meta })).toEqual({ ok: true, recoveryCodes: null, language: "fr" });
    const results = await Promise.all([consumeChallenge({ token: step1.token, meta }), consumeChallenge({ token: step1.token, meta })]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await db.session.count({ where: { personId: p.id, revokedAt: null } })).toBe(1);
    expect(await db.auditEvent.count({ where: { actorId: p.id, action: "auth.sign_in" } })).toBe(1);
  });

  it("refuses to redeem a challenge that only passed the password", async () => {
    const { entity } = await createCentre();
    const p = await createPerson(entity.id, { totpSecret: newTotpSecret() });
    const step1 = await startPasswordStep({ email: p.email, password: PASSWORD, meta });
    if (!step1.ok) throw new Error("password step failed");
    expect(await consumeChallenge({ token: step1.token, meta })).toBeNull();
    expect(await db.session.count({ where: { personId: p.id } })).toBe(0);
  });

  it("counts concurrent failures: parallel wrong passwords still lock the account", async () => {
    const { entity } = await createCentre();
    const p = await createPerson(entity.id, { totpSecret: newTotpSecret() });
    await Promise.all(Array.from({ length: 3 }, () => startPasswordStep({ email: p.email, password: "Faux-Mot-De-Passe-1!", meta })));
    const after = await db.person.findUniqueOrThrow({ where: { id: p.id } });
    expect(after.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(await startPasswordStep({ email: p.email, password: PASSWORD, meta })).toEqual({ ok: false });
  });

  it.each([
    ["empty", "", ""],
    ["enormous", "a".repeat(100_000), "b".repeat(100_000)],
    ["SQL-looking", '\' OR 1=1; DROP TABLE "Person"; --', "' OR ''='"],
    ["non-UTF-8-looking", "\uFFFD\u0000\uD800@x.be", "\u0000\u0001\uFFFF"],
  ])("answers %s input with a refusal and writes nothing but the audit event", async (_label, email, password) => {
    const { entity } = await createCentre();
    const p = await createPerson(entity.id);
    const before = await stateOf(p.id);
    const totalEventsBefore = await db.auditEvent.count();
    await expect(startPasswordStep({ email, password, meta })).resolves.toEqual({ ok: false });
    const after = await stateOf(p.id);
    expect(after.challenges).toBe(before.challenges);
    expect(after.sessions).toBe(before.sessions);
    expect(after.person.failedLogins).toBe(before.person.failedLogins);
    expect(await db.auditEvent.count()).toBe(totalEventsBefore + 1);
    expect(await db.person.count({ where: { id: p.id } })).toBe(1); // the table is still there
  });

  it("refuses a forged or expired challenge token without writing anything", async () => {
    const before = await db.session.count();
    expect(await confirmSecondFactor({ token: "x".repeat(43), code: "123456", meta })).toMatchObject({ ok: false, restart: true });
    expect(await consumeChallenge({ token: "y".repeat(43), meta })).toBeNull();
    expect(await db.session.count()).toBe(before);
  });
});

const rightCode = (secret: string) => generate({ secret, epoch: Math.floor(Date.now() / 1000) });
/** A code that no step within the tolerated drift accepts. */
async function wrongCode(secret: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const valid = new Set(await Promise.all([-60, -30, 0, 30, 60].map((d) => generate({ secret, epoch: now + d }))));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, "0");
    if (!valid.has(code)) return code;
  }
}
async function passwordStep(email: string) {
  const r = await startPasswordStep({ email, password: PASSWORD, meta });
  if (!r.ok) throw new Error("password step failed");
  return r.token;
}
// LOGIN_MAX_FAILURES is 3 in the integration run (tests/integration-database.ts).
const MAX_FAILURES = Number(INTEGRATION_SECRETS.LOGIN_MAX_FAILURES);

describe("a lock stops every open challenge (issue 9, finding 3)", () => {
  it("two challenges with the right password: a lock reached on the first refuses the right code on the second", async () => {
    const { entity } = await createCentre();
    const secret = newTotpSecret();
    const p = await createPerson(entity.id, { totpSecret: secret });
    const first = await passwordStep(p.email);
    const second = await passwordStep(p.email);
    const wrong = await wrongCode(secret);
    for (let i = 0; i < MAX_FAILURES; i++) expect(await confirmSecondFactor({ token: first, code: wrong, meta })).toMatchObject({ ok: false });
    expect((await db.person.findUniqueOrThrow({ where: { id: p.id } })).lockedUntil!.getTime()).toBeGreaterThan(Date.now());

    // The right code on the second challenge: refused, the sign-in starts over, no session.
    expect(await confirmSecondFactor({ token: second, code: await rightCode(secret), meta })).toMatchObject({ ok: false, restart: true });
    expect(await consumeChallenge({ token: second, meta })).toBeNull();
    expect(await db.session.count({ where: { personId: p.id } })).toBe(0);
    // Both challenges are revoked, and the lock is in the audit trail with what it stopped.
    const challenges = await db.loginChallenge.findMany({ where: { personId: p.id } });
    expect(challenges.map((c) => c.revokedAt !== null)).toEqual([true, true]);
    const lockout = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.lockout", targetId: p.id } });
    expect(lockout.after).toMatchObject({ stopped: { challenges: 2, sessions: 0 } });
  });

  it("a locked challenge takes no guess: no attempt, no failure counted, nothing audited", async () => {
    const { entity } = await createCentre();
    const secret = newTotpSecret();
    const p = await createPerson(entity.id, { totpSecret: secret });
    const first = await passwordStep(p.email);
    const second = await passwordStep(p.email);
    const wrong = await wrongCode(secret);
    for (let i = 0; i < MAX_FAILURES; i++) await confirmSecondFactor({ token: first, code: wrong, meta });
    const before = await stateOf(p.id);
    const attemptsBefore = (await db.loginChallenge.findFirstOrThrow({ where: { personId: p.id }, orderBy: { createdAt: "desc" } })).attempts;
    for (let i = 0; i < 3; i++) expect(await confirmSecondFactor({ token: second, code: wrong, meta })).toMatchObject({ ok: false, restart: true });
    const after = await stateOf(p.id);
    expect(after.events).toBe(before.events);
    expect(after.person.failedLogins).toBe(before.person.failedLogins);
    expect(after.person.lockedUntil).toEqual(before.person.lockedUntil);
    expect((await db.loginChallenge.findFirstOrThrow({ where: { personId: p.id }, orderBy: { createdAt: "desc" } })).attempts).toBe(attemptsBefore);
  });

  it("a challenge that passed both factors before the lock cannot be redeemed after it", async () => {
    const { entity } = await createCentre();
    const secret = newTotpSecret();
    const p = await createPerson(entity.id, { totpSecret: secret });
    const first = await passwordStep(p.email);
    const second = await passwordStep(p.email);
    expect(await confirmSecondFactor({ token: second, code: await rightCode(secret), meta })).toEqual({ ok: true, recoveryCodes: null, language: "fr" });
    const wrong = await wrongCode(secret);
    for (let i = 0; i < MAX_FAILURES; i++) await confirmSecondFactor({ token: first, code: wrong, meta });
    expect(await consumeChallenge({ token: second, meta })).toBeNull();
    expect(await db.session.count({ where: { personId: p.id } })).toBe(0);
  });

  it("a lock ends the sessions already open (the lock stops every way in)", async () => {
    const { entity } = await createCentre();
    const secret = newTotpSecret();
    const p = await createPerson(entity.id, { totpSecret: secret });
    const token = await passwordStep(p.email);
    await confirmSecondFactor({ token, code: await rightCode(secret), meta });
    const signedIn = await consumeChallenge({ token, meta });
    expect(signedIn).not.toBeNull();
    for (let i = 0; i < MAX_FAILURES; i++) await startPasswordStep({ email: p.email, password: "Faux-Mot-De-Passe-1!", meta });
    expect(await db.session.findUniqueOrThrow({ where: { id: signedIn!.sessionId } })).toMatchObject({ revokedReason: "compte verrouillé" });
  });
});

/** An audit row as text (its chain position is a BigInt). */
const asText = (e: object) => JSON.stringify(e, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));

describe("the audit keeps nothing secret-shaped (issue 9, finding 10)", () => {
  it("an unknown identifier is kept as a keyed hash, never as typed (a password in the e-mail box)", async () => {
    const typed = "Mon-Secret@2026-Hiver";
    const since = new Date();
    await startPasswordStep({ email: typed, password: "x", meta });
    await startPasswordStep({ email: typed, password: "y", meta });
    const events = await db.auditEvent.findMany({
      where: { action: "auth.sign_in_failed", actorId: null, occurredAt: { gte: since } },
      orderBy: { id: "asc" },
    });
    const mine = events.filter((e) => asText(e).includes("compte inconnu")).slice(-2);
    expect(mine).toHaveLength(2);
    for (const e of mine) {
      expect(asText(e).toLowerCase()).not.toContain("secret");
      expect(asText(e).toLowerCase()).not.toContain("2026-hiver");
    }
    // An HMAC-SHA-256 with the index key, the same for the same input: attempts can still be counted.
    const key = Buffer.from(INTEGRATION_SECRETS.PORTAL_INDEX_KEY, "base64");
    const expected = createHmac("sha256", key).update(`sign-in-identifier:${typed.toLowerCase()}`).digest("base64url");
    expect(mine.map((e) => (e.after as { identifier: string }).identifier)).toEqual([`hmac:${expected}`, `hmac:${expected}`]);
  });

  it("a session is named in the audit by its handle, never by any part of its id", async () => {
    const { entity } = await createCentre();
    const secret = newTotpSecret();
    const p = await createPerson(entity.id, { totpSecret: secret });
    const token = await passwordStep(p.email);
    await confirmSecondFactor({ token, code: await rightCode(secret), meta });
    const { sessionId } = (await consumeChallenge({ token, meta }))!;
    await revokeSession(sessionId, "déconnexion", { actorId: p.id, entityId: entity.id });
    const events = await db.auditEvent.findMany({ where: { actorId: p.id, targetType: "session" } });
    expect(events.map((e) => e.action).sort()).toEqual(["auth.sign_in", "auth.sign_out"]);
    for (const e of events) {
      expect(e.targetId).toBe(sessionHandle(sessionId));
      for (let i = 0; i + 6 <= sessionId.length; i++) expect(asText(e)).not.toContain(sessionId.slice(i, i + 6));
    }
  });
});
