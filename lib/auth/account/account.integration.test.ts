import { generate } from "otplib";
import { afterAll, describe, expect, it } from "vitest";

import { buildActor } from "@/lib/auth/load-actor";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { createCentre, createPerson, PASSWORD } from "@/tests/fixtures/people";

import { verifyPassword } from "../hash-password";
import { hashRecoveryCode } from "../recovery-codes";
import { createSession } from "../sessions";
import { newTotpSecret } from "../totp";

import { changeOwnPassword } from "./change-password";
import { confirmTotpReenrolment, regenerateRecoveryCodes, startTotpReenrolment } from "./second-factor";

// Issue 11, « Mon compte »: change my password (BCSS policy, seed 002: 12 characters, upper, lower,
// digit, special), re-enrol my second factor, regenerate my recovery codes — each with a fresh code
// of my app, each audited. Expected values written from the issue and seed 002, by hand.

afterAll(() => db.$disconnect());
const meta = { ip: "127.0.0.1", userAgent: "compte" };
const codeOf = (secret: string, offsetSteps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });

async function me() {
  const { entity } = await createCentre();
  const secret = newTotpSecret();
  const p = await createPerson(entity.id, { totpSecret: secret, label: "moi" });
  const sid = await db.$transaction((tx) => createSession(tx, { personId: p.id, ip: meta.ip, userAgent: null }));
  const other = await db.$transaction((tx) => createSession(tx, { personId: p.id, ip: "10.0.0.9", userAgent: null }));
  const actor = (await buildActor(p.id, sid, undefined))!;
  return { actor, secret, personId: p.id, sid, other };
}
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => "done",
    (e: unknown) => (isAppError(e) ? `${e.code}: ${Object.keys(e.fieldErrors ?? {}).join(",")}` : String(e)),
  );
const hashOf = async (id: string) => (await db.person.findUniqueOrThrow({ where: { id }, omit: { passwordHash: false } })).passwordHash;

describe("Mon compte: my password", () => {
  it("changes with the current password and a fresh code; my other sessions end; audited without the password", async () => {
    const m = await me();
    const result = await changeOwnPassword({
      actor: m.actor,
      meta,
      currentPassword: PASSWORD,
      newPassword: "Printemps-2027-CPAS!",
      confirmation: "Printemps-2027-CPAS!",
      code: await codeOf(m.secret),
    });
    expect(result).toEqual({ otherSessionsEnded: 1 });
    expect(await verifyPassword(await hashOf(m.personId), "Printemps-2027-CPAS!")).toBe(true);
    expect((await db.session.findUniqueOrThrow({ where: { id: m.other } })).revokedAt).not.toBeNull();
    expect((await db.session.findUniqueOrThrow({ where: { id: m.sid } })).revokedAt).toBeNull();
    // Issue 12: the person is told by mail (security notice), in the same transaction.
    expect(await db.outboxMail.count({ where: { personId: m.personId, kind: "password_changed" } })).toBe(1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.password_changed", targetId: m.personId } });
    expect(JSON.stringify([event.before, event.after])).not.toContain("Printemps");
  });

  it("refuses a wrong current password, a password the policy refuses, a mismatch, and a used or wrong code — changing nothing", async () => {
    const m = await me();
    const before = await hashOf(m.personId);
    const attempt = (o: { current?: string; next?: string; confirmation?: string; code: string }) =>
      refusal(
        changeOwnPassword({
          actor: m.actor,
          meta,
          currentPassword: o.current ?? PASSWORD,
          newPassword: o.next ?? "Printemps-2027-CPAS!",
          confirmation: o.confirmation ?? o.next ?? "Printemps-2027-CPAS!",
          code: o.code,
        }),
      );
    const code = await codeOf(m.secret);
    expect(await attempt({ current: "Mauvais-Passe-2026!", code })).toBe("UNPROCESSABLE: currentPassword");
    // Seed 002: 12 characters with a special character — « printemps2027 » has neither upper case nor a special one.
    expect(await attempt({ next: "printemps2027", code })).toBe("UNPROCESSABLE: newPassword");
    expect(await attempt({ next: "Printemps-2027-CPAS!", confirmation: "Printemps-2027-CPAS?", code })).toBe("UNPROCESSABLE: confirmation");
    expect(await attempt({ code: "000000" === code ? "111111" : "000000" })).toBe("UNPROCESSABLE: code");
    expect(await hashOf(m.personId)).toBe(before);
    // A code that confirmed one step confirms no other.
    await changeOwnPassword({
      actor: m.actor,
      meta,
      currentPassword: PASSWORD,
      newPassword: "Printemps-2027-CPAS!",
      confirmation: "Printemps-2027-CPAS!",
      code,
    });
    expect(await attempt({ current: "Printemps-2027-CPAS!", next: "Automne-2027-CPAS!", code })).toBe("UNPROCESSABLE: code");
  });
});

describe("Mon compte: my second factor", () => {
  it("regenerates ten recovery codes; the old ones stop working", async () => {
    const m = await me();
    await db.recoveryCode.create({ data: { personId: m.personId, codeHash: hashRecoveryCode("ABCD-EFGH") } });
    const { codes } = await regenerateRecoveryCodes({ actor: m.actor, meta, code: await codeOf(m.secret) });
    expect(codes).toHaveLength(10);
    const stored = await db.recoveryCode.findMany({ where: { personId: m.personId }, select: { codeHash: true } });
    expect(stored.map((c) => c.codeHash).sort()).toEqual(codes.map(hashRecoveryCode).sort());
    expect(await db.auditEvent.count({ where: { action: "auth.recovery_codes_regenerated", targetId: m.personId } })).toBe(1);
    expect(await refusal(regenerateRecoveryCodes({ actor: m.actor, meta, code: "12345" }))).toBe("UNPROCESSABLE: code");
  });

  it("moves to a new app only with a fresh code of the current one and a right code of the new one", async () => {
    const m = await me();
    const { pending, secret: next } = await startTotpReenrolment({ actor: m.actor });
    expect(await refusal(confirmTotpReenrolment({ actor: m.actor, meta, pending, currentCode: await codeOf(m.secret), newCode: "000000" }))).toBe(
      "UNPROCESSABLE: newCode",
    );
    expect(await refusal(confirmTotpReenrolment({ actor: m.actor, meta, pending, currentCode: "000000", newCode: await codeOf(next) }))).toBe(
      "UNPROCESSABLE: currentCode",
    );
    // Someone else's pending secret (or a tampered one) is refused.
    const stranger = await me();
    const theirs = await startTotpReenrolment({ actor: stranger.actor });
    expect(
      await refusal(
        confirmTotpReenrolment({ actor: m.actor, meta, pending: theirs.pending, currentCode: await codeOf(m.secret), newCode: await codeOf(theirs.secret) }),
      ),
    ).toBe("UNPROCESSABLE: newCode");
    await confirmTotpReenrolment({ actor: m.actor, meta, pending, currentCode: await codeOf(m.secret), newCode: await codeOf(next) });
    expect(await db.auditEvent.count({ where: { action: "auth.totp_reenrolled", targetId: m.personId } })).toBe(1);
    // From now on the old app's codes are refused, the new app's accepted (a later step).
    expect(await refusal(regenerateRecoveryCodes({ actor: m.actor, meta, code: await codeOf(m.secret, 1) }))).toBe("UNPROCESSABLE: code");
    expect(await refusal(regenerateRecoveryCodes({ actor: m.actor, meta, code: await codeOf(next, 1) }))).toBe("done");
  });
});
