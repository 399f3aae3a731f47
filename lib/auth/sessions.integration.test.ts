import { afterAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { createCentre, createPerson } from "@/tests/fixtures/people";

import { checkSession, createSession } from "./sessions";

afterAll(() => db.$disconnect());

async function freshSession() {
  const { entity } = await createCentre();
  const p = await createPerson(entity.id);
  const id = await db.$transaction((tx) => createSession(tx, { personId: p.id, ip: "127.0.0.1", userAgent: null }));
  return { id, entity, person: p };
}

describe("server-side sessions", () => {
  it("end after the centre's idle time, server-side, with the reason audited", async () => {
    const s = await freshSession();
    expect(await checkSession(s.id, { touch: false })).toMatchObject({ ok: true });
    await db.session.update({ where: { id: s.id }, data: { lastSeenAt: new Date(Date.now() - 16 * 60_000) } }); // default 15 min
    expect(await checkSession(s.id, { touch: true })).toEqual({ ok: false, reason: "inactivité" });
    expect(await checkSession(s.id, { touch: true })).toEqual({ ok: false, reason: "fermée" });
    expect(await db.auditEvent.count({ where: { actorId: s.person.id, action: "auth.session_ended" } })).toBe(1);
  });

  it("end at their absolute lifetime even when active", async () => {
    const s = await freshSession();
    await db.session.update({ where: { id: s.id }, data: { expiresAt: new Date(Date.now() - 1000), lastSeenAt: new Date() } });
    expect(await checkSession(s.id, { touch: true })).toEqual({ ok: false, reason: "durée maximale" });
  });

  it("follow the centre's own idle setting and record activity", async () => {
    const s = await freshSession();
    await db.entity.update({ where: { id: s.entity.id }, data: { sessionIdleSeconds: 3600 } });
    const lastSeen = new Date(Date.now() - 30 * 60_000);
    await db.session.update({ where: { id: s.id }, data: { lastSeenAt: lastSeen } });
    expect(await checkSession(s.id, { touch: true })).toMatchObject({ ok: true });
    expect((await db.session.findUniqueOrThrow({ where: { id: s.id } })).lastSeenAt.getTime()).toBeGreaterThan(lastSeen.getTime());
  });

  it("refuse an unknown id and a blocked person's session", async () => {
    expect(await checkSession("inconnue", { touch: false })).toEqual({ ok: false, reason: "inconnue" });
    const s = await freshSession();
    await db.person.update({ where: { id: s.person.id }, data: { status: "BLOCKED" } });
    expect(await checkSession(s.id, { touch: false })).toEqual({ ok: false, reason: "compte bloqué" });
  });
});
