import { createHash } from "node:crypto";

import { afterAll, describe, expect, it } from "vitest";

import { acceptInvitation } from "@/lib/access/manage/accept-invitation";
import { open } from "@/lib/crypto/keys";
import { db } from "@/lib/db/client";
import { createCentre, createPerson, PASSWORD } from "@/tests/fixtures/people";
import { invitationFromNewGl } from "@/tests/fixtures/invitation";

import { verifyPassword } from "./hash-password";
import { completePasswordReset } from "./password-reset/complete-password-reset";
import { requestPasswordReset } from "./password-reset/request-password-reset";

// Issue 12 leftover: a one-time link's form can reach the portal twice for one submission — the
// browser posts it itself when the page is not hydrated yet, a double click there posts it again.
// The same submission (same link, same new password) within a minute of the first is answered as the
// success it was, changing and auditing nothing more; any other use of a used link is still refused.
afterAll(() => db.$disconnect());
let n = 0;
const meta = () => ({ ip: `192.0.2.${++n}`, userAgent: "vitest" });

async function mailedResetToken(personId: string): Promise<string> {
  const mail = await db.outboxMail.findFirstOrThrow({ where: { personId, kind: "password_reset" }, orderBy: { createdAt: "desc" } });
  const { text } = JSON.parse(open(mail.bodySealed!)) as { text: string };
  return /\/mot-de-passe-oublie\/([\w-]+)/.exec(text)![1]!;
}

async function personWithResetLink() {
  const { entity } = await createCentre();
  const person = await createPerson(entity.id, { label: "lien" });
  await requestPasswordReset({ email: person.email, meta: meta() });
  return { person, token: await mailedResetToken(person.id) };
}

const storedPassword = async (id: string) => (await db.person.findUniqueOrThrow({ where: { id }, omit: { passwordHash: false } })).passwordHash;
const resetAudits = (id: string) => db.auditEvent.count({ where: { targetId: id, action: "auth.password_reset" } });
const changedMails = (id: string) => db.outboxMail.count({ where: { personId: id, kind: "password_changed" } });
const RESET_REFUSAL = { code: "NOT_FOUND", message: "i18n:auth.reset.linkInvalid" };
const INVITATION_REFUSAL = { code: "NOT_FOUND", message: "i18n:access.errors.invitationInvalid" };
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
/** The rate-limit buckets of a used link: by the token's hash, and any that would hold the token in clear. */
const usedLinkBuckets = (token: string) =>
  db.rateLimitBucket.findMany({
    where: { OR: [{ key: { contains: sha256(token) } }, { key: { contains: token } }] },
    select: { key: true, count: true },
  });

describe("password reset link sent twice", () => {
  it("the same submission again says success and changes nothing; another password is refused", async () => {
    const { person, token } = await personWithResetLink();
    expect(await completePasswordReset({ token, password: "Premier-Envoi-2026!", meta: meta() })).toEqual({ email: person.email });
    const afterFirst = await db.person.findUniqueOrThrow({ where: { id: person.id }, omit: { passwordHash: false } });

    expect(await completePasswordReset({ token, password: "Premier-Envoi-2026!", meta: meta() })).toEqual({ email: person.email });
    const afterReplay = await db.person.findUniqueOrThrow({ where: { id: person.id }, omit: { passwordHash: false } });
    expect(afterReplay.passwordHash).toBe(afterFirst.passwordHash);
    expect(afterReplay.passwordChangedAt).toEqual(afterFirst.passwordChangedAt);
    expect(await resetAudits(person.id)).toBe(1);
    expect(await changedMails(person.id)).toBe(1);

    await expect(completePasswordReset({ token, password: "Autre-Envoi-2026!", meta: meta() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await verifyPassword(await storedPassword(person.id), "Premier-Envoi-2026!")).toBe(true);
    expect(await resetAudits(person.id)).toBe(1);
  });

  it("two identical submissions at once: both say success, one change, one audit, one mail", async () => {
    const { person, token } = await personWithResetLink();
    const results = await Promise.allSettled([
      completePasswordReset({ token, password: "Double-Clic-2026!", meta: meta() }),
      completePasswordReset({ token, password: "Double-Clic-2026!", meta: meta() }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(await resetAudits(person.id)).toBe(1);
    expect(await changedMails(person.id)).toBe(1);
    expect(await verifyPassword(await storedPassword(person.id), "Double-Clic-2026!")).toBe(true);
  });

  it("two different submissions at once: one wins, the other is refused", async () => {
    const { person, token } = await personWithResetLink();
    const results = await Promise.allSettled([
      completePasswordReset({ token, password: "Premiere-Main-2026!", meta: meta() }),
      completePasswordReset({ token, password: "Seconde-Main-2026!", meta: meta() }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason)).toMatchObject([{ code: "NOT_FOUND" }]);
    expect(await resetAudits(person.id)).toBe(1);
  });

  it("at most 3 comparisons per used link: the repeat succeeds twice; wrong guesses 1–3, then the right password is refused", async () => {
    const { person, token } = await personWithResetLink();
    await completePasswordReset({ token, password: "Trois-Essais-2026!", meta: meta() });
    expect(await completePasswordReset({ token, password: "Trois-Essais-2026!", meta: meta() })).toEqual({ email: person.email });
    expect(await completePasswordReset({ token, password: "Trois-Essais-2026!", meta: meta() })).toEqual({ email: person.email });

    const guessed = await personWithResetLink();
    await completePasswordReset({ token: guessed.token, password: "Bonne-Reponse-2026!", meta: meta() });
    for (const guess of ["Devine-Un-2026!", "Devine-Deux-2026!", "Devine-Trois-2026!"])
      await expect(completePasswordReset({ token: guessed.token, password: guess, meta: meta() })).rejects.toMatchObject(RESET_REFUSAL);
    // The 4th comparison, with the right password: the same refusal as a wrong one.
    await expect(completePasswordReset({ token: guessed.token, password: "Bonne-Reponse-2026!", meta: meta() })).rejects.toMatchObject(RESET_REFUSAL);
    expect(await resetAudits(guessed.person.id)).toBe(1);
    // The counter is keyed by the token's SHA-256 (as stored), never by the token itself.
    expect(await usedLinkBuckets(guessed.token)).toEqual([{ key: `used-link:reset:${sha256(guessed.token)}`, count: 4 }]);
  });

  it("the same submission is refused once the minute has passed, or once the password changed again", async () => {
    const late = await personWithResetLink();
    await completePasswordReset({ token: late.token, password: "Trop-Tard-2026!", meta: meta() });
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await db.passwordReset.updateMany({ where: { personId: late.person.id }, data: { usedAt: twoMinutesAgo } });
    await db.person.update({ where: { id: late.person.id }, data: { passwordChangedAt: twoMinutesAgo } });
    await expect(completePasswordReset({ token: late.token, password: "Trop-Tard-2026!", meta: meta() })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const changed = await personWithResetLink();
    await completePasswordReset({ token: changed.token, password: "Change-Ensuite-2026!", meta: meta() });
    await db.person.update({ where: { id: changed.person.id }, data: { passwordChangedAt: new Date(Date.now() + 1000) } });
    await expect(completePasswordReset({ token: changed.token, password: "Change-Ensuite-2026!", meta: meta() })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    // A link never used is not a replay, whatever the password.
    const unused = await personWithResetLink();
    await expect(completePasswordReset({ token: `${unused.token}x`, password: PASSWORD, meta: meta() })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("invitation link sent twice", () => {
  const invitation = () => invitationFromNewGl({ meta: meta(), lastName: "Deux" });
  const accepted = (personId: string) => db.auditEvent.count({ where: { targetId: personId, action: "access.invitation_accepted" } });

  it("the same submission again says success and changes nothing; another password is refused", async () => {
    const inv = await invitation();
    expect(await acceptInvitation({ token: inv.token, password: "Bienvenue-Deux-2026!", meta: meta() })).toMatchObject({ email: expect.any(String) });
    const first = await db.person.findUniqueOrThrow({ where: { id: inv.personId }, omit: { passwordHash: false } });
    expect(await acceptInvitation({ token: inv.token, password: "Bienvenue-Deux-2026!", meta: meta() })).toEqual({ email: first.email });
    const again = await db.person.findUniqueOrThrow({ where: { id: inv.personId }, omit: { passwordHash: false } });
    expect(again.passwordHash).toBe(first.passwordHash);
    expect(again.status).toBe("ACTIVE");
    expect(await accepted(inv.personId)).toBe(1);

    await expect(acceptInvitation({ token: inv.token, password: "Bienvenue-Autre-2026!", meta: meta() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await verifyPassword(await storedPassword(inv.personId), "Bienvenue-Deux-2026!")).toBe(true);
  });

  it("two identical submissions at once: both say success, one activation audited", async () => {
    const inv = await invitation();
    const results = await Promise.allSettled([
      acceptInvitation({ token: inv.token, password: "Bienvenue-Clic-2026!", meta: meta() }),
      acceptInvitation({ token: inv.token, password: "Bienvenue-Clic-2026!", meta: meta() }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(await accepted(inv.personId)).toBe(1);
  });

  it("at most 3 comparisons per used link: the repeat succeeds twice; wrong guesses 1–3, then the right password is refused", async () => {
    const inv = await invitation();
    const { email } = await acceptInvitation({ token: inv.token, password: "Bienvenue-Trois-2026!", meta: meta() });
    expect(await acceptInvitation({ token: inv.token, password: "Bienvenue-Trois-2026!", meta: meta() })).toEqual({ email });
    expect(await acceptInvitation({ token: inv.token, password: "Bienvenue-Trois-2026!", meta: meta() })).toEqual({ email });

    const guessed = await invitation();
    await acceptInvitation({ token: guessed.token, password: "Bienvenue-Juste-2026!", meta: meta() });
    for (const guess of ["Bienvenue-Un-2026!", "Bienvenue-Deux-2026?", "Bienvenue-Trois-2026?"])
      await expect(acceptInvitation({ token: guessed.token, password: guess, meta: meta() })).rejects.toMatchObject(INVITATION_REFUSAL);
    await expect(acceptInvitation({ token: guessed.token, password: "Bienvenue-Juste-2026!", meta: meta() })).rejects.toMatchObject(INVITATION_REFUSAL);
    expect(await accepted(guessed.personId)).toBe(1);
    expect(await usedLinkBuckets(guessed.token)).toEqual([{ key: `used-link:invitation:${sha256(guessed.token)}`, count: 4 }]);
  });

  it("the same submission is refused once the minute has passed", async () => {
    const inv = await invitation();
    await acceptInvitation({ token: inv.token, password: "Bienvenue-Tard-2026!", meta: meta() });
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await db.invitation.updateMany({ where: { personId: inv.personId }, data: { usedAt: twoMinutesAgo } });
    await db.person.update({ where: { id: inv.personId }, data: { passwordChangedAt: twoMinutesAgo } });
    await expect(acceptInvitation({ token: inv.token, password: "Bienvenue-Tard-2026!", meta: meta() })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
