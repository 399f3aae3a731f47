import { afterAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/access/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { createSession } from "@/lib/auth/sessions";
import { startPasswordStep } from "@/lib/auth/sign-in/start-password-step";
import { db } from "@/lib/db/client";
import { localize } from "@/lib/i18n/translator";
import { createCentre, createPerson, PASSWORD } from "@/tests/fixtures/people";

import { endMySession, ENDED_BY_USER } from "./end-my-session";
import { ENDED_BY_DPD, endPersonSessions } from "./end-person-sessions";
import { listMySessions } from "./list-my-sessions";

const meta = { ip: "192.0.2.20", userAgent: "integration" };
const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
afterAll(() => db.$disconnect());

const open = (personId: string, userAgent: string | null = null) => db.$transaction((tx) => createSession(tx, { personId, ip: "198.51.100.7", userAgent }));
const actorOf = async (sid: string) => (await loadActor(sid, { touch: false })) as Actor;

describe("my sessions", () => {
  it("lists only my sessions in force, marks this one, names the device, never shows the id", async () => {
    const { entity } = await createCentre();
    const me = await createPerson(entity.id, { label: "moi" });
    const other = await createPerson(entity.id, { label: "autre" });
    const current = await open(me.id);
    const laptop = await open(me.id, FIREFOX);
    const ended = await open(me.id);
    await db.session.update({ where: { id: ended }, data: { revokedAt: new Date() } });
    await open(other.id);
    const list = await listMySessions(await actorOf(current));
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ isCurrent: true, ip: "198.51.100.7" });
    expect(list.map((s) => localize("fr", s.device))).toEqual(["Appareil inconnu", "Firefox 133 sur Windows"]);
    expect(localize("nl", list[1]!.device)).toBe("Firefox 133 op Windows");
    expect(JSON.stringify(list)).not.toContain(laptop);
    expect(JSON.stringify(list)).not.toContain(current);
  });

  it("ends another of my sessions on its next request, refuses this one and other people's", async () => {
    const { entity } = await createCentre();
    const me = await createPerson(entity.id, { label: "moi" });
    const other = await createPerson(entity.id, { label: "autre" });
    const current = await open(me.id);
    const laptop = await open(me.id, FIREFOX);
    const theirs = await open(other.id);
    const actor = await actorOf(current);
    const [mine, phone] = await listMySessions(actor);

    await expect(endMySession({ actor, meta, handle: mine!.handle })).rejects.toMatchObject({ code: "CONFLICT" });
    const theirHandle = (await listMySessions(await actorOf(theirs)))[0]!.handle;
    await expect(endMySession({ actor, meta, handle: theirHandle })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await loadActor(theirs, { touch: false })).not.toBeNull();

    await endMySession({ actor, meta, handle: phone!.handle });
    expect(await loadActor(laptop, { touch: false })).toBeNull();
    expect(await loadActor(current, { touch: false })).not.toBeNull();
    expect((await db.session.findUniqueOrThrow({ where: { id: laptop } })).revokedReason).toBe(ENDED_BY_USER);
    const event = await db.auditEvent.findFirstOrThrow({ where: { actorId: me.id, action: "auth.session_ended" }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ entityId: entity.id, ip: "192.0.2.20", after: { reason: ENDED_BY_USER } });
    await expect(endMySession({ actor, meta, handle: phone!.handle })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the DPD ends all sessions of a person", () => {
  it("ends every session of a person of the centre, audited; nobody else may, nowhere else", async () => {
    const { entity } = await createCentre();
    const elsewhere = await createCentre();
    const dpdP = await createPerson(entity.id, { label: "dpd" });
    await db.entity.update({ where: { id: entity.id }, data: { dpdPersonId: dpdP.id } });
    const dpd = await actorOf(await open(dpdP.id));
    const user = await createPerson(entity.id, { label: "perdu" });
    const s1 = await open(user.id);
    const s2 = await open(user.id, FIREFOX);
    const foreign = await createPerson(elsewhere.entity.id, { label: "ailleurs" });
    const sForeign = await open(foreign.id);
    const colleague = await actorOf(await open((await createPerson(entity.id, { label: "collegue" })).id));

    await expect(endPersonSessions({ actor: colleague, meta, personEmail: user.email })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(endPersonSessions({ actor: dpd, meta, personEmail: foreign.email })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(endPersonSessions({ actor: dpd, meta, personEmail: dpdP.email })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await loadActor(sForeign, { touch: false })).not.toBeNull();
    expect(await loadActor(s1, { touch: false })).not.toBeNull();

    // A sign-in half done on the lost laptop (password typed, code not yet) must not finish either.
    const pending = await startPasswordStep({ email: user.email, password: PASSWORD, meta });
    expect(pending.ok).toBe(true);
    expect(await endPersonSessions({ actor: dpd, meta, personEmail: user.email })).toEqual({ personName: "perdu Intégration", count: 2, tokens: 0 });
    expect(await db.loginChallenge.count({ where: { personId: user.id, revokedAt: null } })).toBe(0);
    expect(await loadActor(s1, { touch: false })).toBeNull();
    expect(await loadActor(s2, { touch: false })).toBeNull();
    expect(await db.session.count({ where: { personId: user.id, revokedReason: ENDED_BY_DPD } })).toBe(2);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "session.person_sessions_ended", targetId: user.id } });
    expect(event).toMatchObject({ actorId: dpdP.id, entityId: entity.id, after: { sessions: 2, challenges: 1, reason: ENDED_BY_DPD } });
  });
});
