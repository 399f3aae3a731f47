import { generate } from "otplib";
import { afterAll, describe, expect, it } from "vitest";

import { open } from "@/lib/crypto/keys";
import { db } from "@/lib/db/client";
import { createCentre, createPerson, PASSWORD } from "@/tests/fixtures/people";

import { verifyPassword } from "../hash-password";
import { confirmSecondFactor } from "../sign-in/confirm-second-factor";
import { consumeChallenge } from "../sign-in/consume-challenge";
import { startPasswordStep } from "../sign-in/start-password-step";
import { newTotpSecret } from "../totp";
import { completePasswordReset, findUsableReset } from "./complete-password-reset";
import { RESET_ANSWER, requestPasswordReset } from "./request-password-reset";

// Issue 12, forgotten password, against PostgreSQL: the token is read from the outbox the way the
// mail carries it (the sealed body), never from the function's return value.
afterAll(() => db.$disconnect());
let n = 0;
const meta = () => ({ ip: `192.0.2.${++n}`, userAgent: "vitest" });
const NEW_PASSWORD = "Nouveau-Secret-2026!";

async function mailedToken(personId: string): Promise<string> {
  const mail = await db.outboxMail.findFirstOrThrow({ where: { personId, kind: "password_reset" }, orderBy: { createdAt: "desc" } });
  const { text } = JSON.parse(open(mail.bodySealed!)) as { text: string };
  return /\/mot-de-passe-oublie\/([\w-]+)/.exec(text)![1]!;
}
const resetMails = (personId: string) => db.outboxMail.count({ where: { personId, kind: "password_reset" } });

describe("asking for a link", () => {
  it("answers the same for an unknown address, a blocked account and a real one; only the real one gets a mail", async () => {
    const { entity } = await createCentre();
    const person = await createPerson(entity.id);
    const blocked = await createPerson(entity.id, { label: "bloque" });
    await db.person.update({ where: { id: blocked.id }, data: { status: "BLOCKED" } });
    const answers = [
      await requestPasswordReset({ email: `inconnu-${Date.now()}@it.cpas.be`, meta: meta() }),
      await requestPasswordReset({ email: blocked.email, meta: meta() }),
      await requestPasswordReset({ email: ` ${person.email.toUpperCase()} `, meta: meta() }),
    ];
    expect(answers).toEqual([{ message: RESET_ANSWER }, { message: RESET_ANSWER }, { message: RESET_ANSWER }]);
    expect(await resetMails(person.id)).toBe(1);
    expect(await resetMails(blocked.id)).toBe(0);
    expect(await db.passwordReset.count({ where: { personId: blocked.id } })).toBe(0);
  });

  it("is limited per account silently (3 an hour) and per client address with a 429", async () => {
    const { entity } = await createCentre();
    const person = await createPerson(entity.id);
    for (let i = 0; i < 5; i++) expect(await requestPasswordReset({ email: person.email, meta: meta() })).toEqual({ message: RESET_ANSWER });
    expect(await resetMails(person.id)).toBe(3);
    const ip = { ip: `198.51.100.${Date.now() % 200}`, userAgent: "vitest" };
    for (let i = 0; i < 10; i++) await requestPasswordReset({ email: `x${i}@it.cpas.be`, meta: ip });
    await expect(requestPasswordReset({ email: "x@it.cpas.be", meta: ip })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });
});

describe("using the link", () => {
  it("sets the password once, ends the sessions, keeps the second factor and tells the person", async () => {
    const { entity } = await createCentre();
    const secret = newTotpSecret();
    const person = await createPerson(entity.id, { totpSecret: secret });
    await db.session.create({ data: { id: `s-${Date.now()}`, personId: person.id, expiresAt: new Date(Date.now() + 3_600_000) } });
    await requestPasswordReset({ email: person.email, meta: meta() });
    const token = await mailedToken(person.id);

    await expect(completePasswordReset({ token, password: "court", meta: meta() })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Single use under concurrency: two different passwords at once, one wins. (The same submission
    // sent twice is answered as the success it was, changing nothing: one-time-links.integration.test.ts.)
    const results = await Promise.allSettled([
      completePasswordReset({ token, password: NEW_PASSWORD, meta: meta() }),
      completePasswordReset({ token, password: "Autre-Secret-2026!", meta: meta() }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const winner = results[0]!.status === "fulfilled" ? NEW_PASSWORD : "Autre-Secret-2026!";
    await expect(completePasswordReset({ token, password: "Troisieme-Essai-2026!", meta: meta() })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const saved = await db.person.findUniqueOrThrow({ where: { id: person.id }, omit: { passwordHash: false } });
    expect(await verifyPassword(saved.passwordHash, winner)).toBe(true);
    expect(saved.totpEnabledAt).not.toBeNull();
    expect(await db.session.count({ where: { personId: person.id, revokedAt: null } })).toBe(0);
    expect(await db.outboxMail.count({ where: { personId: person.id, kind: "password_changed" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { targetId: person.id, action: "auth.password_reset" } })).toBe(1);

    // The new password alone opens nothing: the second factor is still asked.
    const step = await startPasswordStep({ email: person.email, password: winner, meta: meta() });
    expect(step).toMatchObject({ ok: true, enrolment: null });
    if (!step.ok) throw new Error("unreachable");
    expect(await consumeChallenge({ token: step.token, meta: meta() })).toBeNull();
    const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) });
    expect(await confirmSecondFactor({ token: step.token, code, meta: meta() })).toMatchObject({ ok: true });
    expect(await consumeChallenge({ token: step.token, meta: meta() })).not.toBeNull();
  });

  it("refuses a link past its 30 minutes, one replaced by a newer one, and one for a person blocked since", async () => {
    const { entity } = await createCentre();
    const person = await createPerson(entity.id);
    await requestPasswordReset({ email: person.email, meta: meta() });
    const first = await mailedToken(person.id);
    await requestPasswordReset({ email: person.email, meta: meta() });
    const second = await mailedToken(person.id);
    expect(await findUsableReset(first)).toBeNull();
    await expect(completePasswordReset({ token: first, password: NEW_PASSWORD, meta: meta() })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await db.person.update({ where: { id: person.id }, data: { status: "BLOCKED" } });
    await expect(completePasswordReset({ token: second, password: NEW_PASSWORD, meta: meta() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await db.person.update({ where: { id: person.id }, data: { status: "ACTIVE" } });

    await db.passwordReset.updateMany({ where: { personId: person.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(completePasswordReset({ token: second, password: NEW_PASSWORD, meta: meta() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const saved = await db.person.findUniqueOrThrow({ where: { id: person.id }, omit: { passwordHash: false } });
    expect(await verifyPassword(saved.passwordHash, PASSWORD)).toBe(true);
  });
});

describe("security notices", () => {
  it("mails the person when the account locks, and when a sign-in comes from a new browser or address", async () => {
    const { entity } = await createCentre();
    const secret = newTotpSecret();
    const person = await createPerson(entity.id, { totpSecret: secret });
    const signIn = async (m: { ip: string; userAgent: string }) => {
      const step = await startPasswordStep({ email: person.email, password: PASSWORD, meta: m });
      if (!step.ok) throw new Error("mot de passe refusé");
      await db.person.update({ where: { id: person.id }, data: { totpLastStep: null } });
      await confirmSecondFactor({ token: step.token, code: await generate({ secret, epoch: Math.floor(Date.now() / 1000) }), meta: m });
      await consumeChallenge({ token: step.token, meta: m });
    };
    const notices = () => db.outboxMail.count({ where: { personId: person.id, kind: "new_sign_in" } });
    const office = { ip: "203.0.113.7", userAgent: "Mozilla/5.0 (Windows NT 10.0) Firefox/140.0" };
    await signIn(office);
    expect(await notices()).toBe(0); // the first sign-in: nothing known yet
    await signIn(office);
    expect(await notices()).toBe(0);
    await signIn({ ip: "198.51.100.9", userAgent: office.userAgent });
    expect(await notices()).toBe(1);

    for (let i = 0; i < 6; i++) await startPasswordStep({ email: person.email, password: "Mauvais-Mot-De-Passe-1", meta: office });
    expect(await db.outboxMail.count({ where: { personId: person.id, kind: "account_locked" } })).toBe(1);
  });
});
