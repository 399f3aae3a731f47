import { generate } from "otplib";
import { afterAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { createCentre, createPerson, PASSWORD } from "@/tests/fixtures/people";

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
    expect(await confirmSecondFactor({ token: step1.token, code, meta })).toEqual({ ok: true, recoveryCodes: null });
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
