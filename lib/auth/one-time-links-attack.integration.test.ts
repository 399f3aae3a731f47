import type * as NextIntlServerModule from "next-intl/server";
import { afterAll, describe, expect, it, vi } from "vitest";

import { acceptInvitationAction } from "@/app/invitation/actions";
import { completePasswordResetAction } from "@/app/mot-de-passe-oublie/actions";
import { acceptInvitation } from "@/lib/access/manage/accept-invitation";
import { open } from "@/lib/crypto/keys";
import { db } from "@/lib/db/client";
import { createCentre, createPerson } from "@/tests/fixtures/people";
import { invitationFromNewGl } from "@/tests/fixtures/invitation";

import { verifyPassword } from "./hash-password";
import { completePasswordReset } from "./password-reset/complete-password-reset";
import { requestPasswordReset } from "./password-reset/request-password-reset";

// Attack on the two one-time links (password reset, invitation), against PostgreSQL: the domain
// functions and the public form actions the pages post to. Expectations written by hand from
// docs/security.md (« one-time links … used once; … another password on a used link is refused »,
// 30-minute reset link, blocked accounts get nothing) and lib/auth/password-policy.ts's documented
// 256-character ceiling (« a megabyte "password" is an attack »): every refusal is an error (never a
// 500, never a success), and the person, the link, the sessions, the audit trail and the outbox are
// exactly as before.

// The actions read the caller's address and language through next/headers; no one is signed in.
vi.mock("next/headers", () => ({
  headers: async () =>
    new Headers({ host: "127.0.0.1:3000", "user-agent": "one-time-links-attack", "x-portal-client-ip": "127.0.0.1", "accept-language": "fr-BE" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined }),
}));

// next-intl's request locale needs Next's request scope: the portal's own negotiation instead.
vi.mock("next-intl/server", async (original) => ({
  ...(await original<typeof NextIntlServerModule>()),
  getLocale: async () => {
    const [{ requestLocale }, { LOCALE_TAGS }] = await Promise.all([import("@/lib/i18n/request-locale"), import("@/lib/i18n/locales")]);
    return LOCALE_TAGS[await requestLocale()];
  },
}));

afterAll(() => db.$disconnect());
let n = 0;
const meta = () => ({ ip: `198.51.100.${++n % 250}`, userAgent: "vitest attaque" });

const HUGE = `Aa1!${"x".repeat(100 * 1024)}`; // 100 KB, every rule of the policy but the length ceiling
const GOOD = "Lien-Unique-2026!";

async function resetLink() {
  const { entity } = await createCentre();
  const person = await createPerson(entity.id, { label: "attaque-lien" });
  await requestPasswordReset({ email: person.email, meta: meta() });
  const mail = await db.outboxMail.findFirstOrThrow({ where: { personId: person.id, kind: "password_reset" } });
  const { text } = JSON.parse(open(mail.bodySealed!)) as { text: string };
  return { personId: person.id, token: /\/mot-de-passe-oublie\/([\w-]+)/.exec(text)![1]! };
}

const invitationLink = () => invitationFromNewGl({ meta: meta(), lastName: "Attaque" });

/** Everything a use of a link may change for this person. */
async function stateOf(personId: string) {
  const [person, resets, invitations, sessions, audit, mails] = await Promise.all([
    db.person.findUniqueOrThrow({ where: { id: personId }, select: { status: true, passwordHash: true, passwordChangedAt: true } }),
    db.passwordReset.findMany({ where: { personId }, select: { id: true, usedAt: true, revokedAt: true, expiresAt: true }, orderBy: { id: "asc" } }),
    db.invitation.findMany({ where: { personId }, select: { id: true, usedAt: true, revokedAt: true, expiresAt: true }, orderBy: { id: "asc" } }),
    db.session.findMany({ where: { personId }, select: { id: true, revokedAt: true }, orderBy: { id: "asc" } }),
    db.auditEvent.count({ where: { OR: [{ targetId: personId }, { actorId: personId }] } }),
    db.outboxMail.count({ where: { personId } }),
  ]);
  return { person, resets, invitations, sessions, audit, mails };
}

const form = (o: { token: string; password: string; confirm?: string }) => {
  const f = new FormData();
  f.set("token", o.token);
  f.set("password", o.password);
  f.set("confirm", o.confirm ?? o.password);
  return f;
};
type State = { status: string; message?: string; fieldErrors?: Record<string, string[]> };
const RESET_REFUSED = {
  status: "error",
  message:
    "Ce lien de réinitialisation n'est plus valable (déjà utilisé, expiré ou remplacé par un plus récent). Demandez-en un nouveau depuis la page de connexion.",
};
const INVITATION_REFUSED = {
  status: "error",
  message: "Ce lien d'invitation n'est plus valable (déjà utilisé, expiré ou retiré). Demandez une nouvelle invitation à votre gestionnaire local.",
};
const postReset = async (o: { token: string; password: string }) => (await completePasswordResetAction({ status: "idle" } as never, form(o))) as State;
const postInvitation = async (o: { token: string; password: string }) => (await acceptInvitationAction({ status: "idle" } as never, form(o))) as State;

type Use = (o: { token: string; password: string }) => Promise<unknown>;
type Kind = {
  name: string;
  link: () => Promise<{ personId: string; token: string }>;
  use: Use;
  post: (o: { token: string; password: string }) => Promise<State>;
  refused: State;
  expire: (personId: string) => Promise<unknown>;
};
const KINDS: Kind[] = [
  {
    name: "password reset",
    link: resetLink,
    use: (o) => completePasswordReset({ ...o, meta: meta() }),
    post: postReset,
    refused: RESET_REFUSED,
    expire: (personId) => db.passwordReset.updateMany({ where: { personId }, data: { expiresAt: new Date(Date.now() - 1000) } }),
  },
  {
    name: "invitation",
    link: invitationLink,
    use: (o) => acceptInvitation({ ...o, meta: meta() }),
    post: postInvitation,
    refused: INVITATION_REFUSED,
    expire: (personId) => db.invitation.updateMany({ where: { personId }, data: { expiresAt: new Date(Date.now() - 1000) } }),
  },
];

describe.each(KINDS)("$name link under attack", ({ link, use, post, refused, expire }) => {
  it("a 100 KB password is refused by the form and by the domain; the link stays unused, then works once", async () => {
    const { personId, token } = await link();
    const before = await stateOf(personId);
    const posted = await post({ token, password: HUGE });
    expect(posted.status).toBe("error");
    expect(Object.keys(posted.fieldErrors ?? {})).toContain("password");
    await expect(use({ token, password: HUGE })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await stateOf(personId)).toEqual(before);

    expect(await use({ token, password: GOOD })).toMatchObject({ email: expect.any(String) });
    const used = await stateOf(personId);
    expect(used.person.status).toBe("ACTIVE");
    // After the use: the same link with the 100 KB password, or any other password, is refused.
    await expect(use({ token, password: HUGE })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(use({ token, password: "Autre-Mot-2026!" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await post({ token, password: "Autre-Mot-2026!" })).toMatchObject(refused);
    expect(await stateOf(personId)).toEqual(used);
    expect(await verifyPassword(used.person.passwordHash, GOOD)).toBe(true);
  });

  it("tokens of the wrong length or characters are refused without a 500 and change nothing", async () => {
    const { personId, token } = await link();
    const before = await stateOf(personId);
    const tokens = [
      "",
      "court",
      token.slice(0, -1),
      `${token}A`,
      "x".repeat(101),
      "A".repeat(10_000),
      `${token.slice(0, 40)}\u0000`,
      "../../../etc/passwd",
      "é".repeat(43),
      "' OR 1=1 --",
    ];
    for (const t of tokens) {
      await expect(use({ token: t, password: GOOD }), t.slice(0, 20)).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect((await post({ token: t, password: GOOD })).status, t.slice(0, 20)).toBe("error");
    }
    expect(await stateOf(personId)).toEqual(before);
  });

  it("an expired link is refused and changes nothing", async () => {
    const { personId, token } = await link();
    await expire(personId);
    const before = await stateOf(personId);
    await expect(use({ token, password: GOOD })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await post({ token, password: GOOD })).toMatchObject(refused);
    expect(await stateOf(personId)).toEqual(before);
  });

  it("the link of a person blocked since is refused and changes nothing: the person stays blocked, the password unchanged", async () => {
    const { personId, token } = await link();
    await db.person.update({ where: { id: personId }, data: { status: "BLOCKED" } });
    const before = await stateOf(personId);
    await expect(use({ token, password: GOOD })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await post({ token, password: GOOD })).toMatchObject(refused);
    const after = await stateOf(personId);
    expect(after).toEqual(before);
    expect(after.person.status).toBe("BLOCKED");
    expect(await verifyPassword(after.person.passwordHash, GOOD)).toBe(false);
  });
});

describe("one kind of link used as the other", () => {
  it("a reset token is no invitation and an invitation token is no reset; both links still work afterwards", async () => {
    const reset = await resetLink();
    const invitation = await invitationLink();
    const [resetBefore, invitationBefore] = [await stateOf(reset.personId), await stateOf(invitation.personId)];

    await expect(acceptInvitation({ token: reset.token, password: GOOD, meta: meta() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await postInvitation({ token: reset.token, password: GOOD })).toMatchObject(INVITATION_REFUSED);
    await expect(completePasswordReset({ token: invitation.token, password: GOOD, meta: meta() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await postReset({ token: invitation.token, password: GOOD })).toMatchObject(RESET_REFUSED);
    expect(await stateOf(reset.personId)).toEqual(resetBefore);
    expect(await stateOf(invitation.personId)).toEqual(invitationBefore);

    await completePasswordReset({ token: reset.token, password: GOOD, meta: meta() });
    await acceptInvitation({ token: invitation.token, password: GOOD, meta: meta() });
    // Once used, each still opens nothing on the other side, even with the password that used it.
    const [resetUsed, invitationUsed] = [await stateOf(reset.personId), await stateOf(invitation.personId)];
    await expect(acceptInvitation({ token: reset.token, password: GOOD, meta: meta() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(completePasswordReset({ token: invitation.token, password: GOOD, meta: meta() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await stateOf(reset.personId)).toEqual(resetUsed);
    expect(await stateOf(invitation.personId)).toEqual(invitationUsed);
  });
});
