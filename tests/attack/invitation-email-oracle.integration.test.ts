import { randomUUID } from "node:crypto";

import { afterAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/access/actor";
import { acceptInvitation } from "@/lib/access/manage/accept-invitation";
import { inviteUser } from "@/lib/access/manage/invite-user";
import { loadActor } from "@/lib/auth/load-actor";
import { createSession } from "@/lib/auth/sessions";
import { startPasswordStep } from "@/lib/auth/sign-in/start-password-step";
import { db } from "@/lib/db/client";
import { localize } from "@/lib/i18n/translator";
import { ensureRole } from "@/lib/seed/builders";
import { createCentre, createPerson, PASSWORD } from "@/tests/fixtures/people";

const meta = { ip: "127.0.0.1", userAgent: "oracle" };
afterAll(() => db.$disconnect());

async function glOf(centre: Awaited<ReturnType<typeof createCentre>>): Promise<Actor> {
  const p = await createPerson(centre.entity.id, { label: "gl" });
  await db.$transaction((tx) => ensureRole(tx, { personId: p.id, role: "GL", entityId: centre.entity.id, qualityId: centre.quality.id }));
  const sid = await db.$transaction((tx) => createSession(tx, { personId: p.id, ip: null, userAgent: null }));
  return (await loadActor(sid, { touch: false })) as Actor;
}

/** Everything of centre B an invitation elsewhere could touch: its people and its audit trail. */
const snapshotOf = async (entityId: string) => ({
  people: await db.person.findMany({ where: { entityId }, orderBy: { id: "asc" }, omit: { passwordHash: false } }),
  audit: await db.auditEvent.count({ where: { entityId } }),
});

const shape = (v: unknown): unknown =>
  v instanceof Date ? "date" : typeof v === "object" && v ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shape(x)])) : typeof v;

// Regression (issue 9, finding 10): inviting an address answered « déjà utilisée par un compte du
// portail » when a person of ANOTHER centre had it, so any manager could test addresses.
describe("an invitation tells a manager nothing about other centres", () => {
  it("invites another centre's address like a new one; the invitee cannot open a second account with it", async () => {
    const a = await createCentre();
    const b = await createCentre();
    const glA = await glOf(a);
    const victim = await createPerson(b.entity.id, { label: "victime" });
    const before = await snapshotOf(b.entity.id);

    const fresh = await inviteUser({
      actor: glA,
      meta,
      qualityId: a.quality.id,
      firstName: "Nouvelle",
      lastName: "Adresse",
      email: `neuf-${randomUUID()}@it.cpas.be`,
    });
    const taken = await inviteUser({ actor: glA, meta, qualityId: a.quality.id, firstName: "Autre", lastName: "Centre", email: victim.email.toUpperCase() });
    expect(shape(taken)).toEqual(shape(fresh));
    expect(shape(taken)).toEqual({ personId: "string", token: "string", expiresAt: "date" });
    expect(await db.person.findUniqueOrThrow({ where: { id: taken.personId } })).toMatchObject({
      entityId: a.entity.id,
      status: "INVITED",
      email: victim.email,
    });

    // The invitee (who owns the address) is told, clearly, and no account is opened.
    const refusal = await acceptInvitation({ token: taken.token, password: "Bienvenue-Au-CPAS-1", meta }).catch((e: unknown) => e);
    expect(refusal).toMatchObject({ code: "CONFLICT" });
    // The message is a catalogue reference (issue 13): its French text, as the invitee reads it.
    expect(localize("fr", (refusal as Error).message)).toContain("déjà celle d'un compte du portail");
    expect((await db.person.findUniqueOrThrow({ where: { id: taken.personId } })).status).toBe("INVITED");
    await acceptInvitation({ token: fresh.token, password: "Bienvenue-Au-CPAS-1", meta });

    // Centre B: nothing changed, and its person still signs in with their own password only.
    expect(await snapshotOf(b.entity.id)).toEqual(before);
    expect((await startPasswordStep({ email: victim.email, password: "Bienvenue-Au-CPAS-1", meta })).ok).toBe(false);
    expect((await startPasswordStep({ email: victim.email, password: PASSWORD, meta })).ok).toBe(true);

    // The centre's own data may still be reported: a second invitation of one address in A.
    const again = await inviteUser({ actor: glA, meta, qualityId: a.quality.id, firstName: "Encore", lastName: "Une", email: victim.email }).catch(
      (e: unknown) => e,
    );
    expect(again).toMatchObject({ code: "CONFLICT" });
    expect(localize("fr", (again as Error).message)).toContain("votre centre");
  });

  it("two centres may invite one new address; the first acceptance keeps it", async () => {
    const [a, b] = [await createCentre(), await createCentre()];
    const [glA, glB] = [await glOf(a), await glOf(b)];
    const email = `partage-${randomUUID()}@it.cpas.be`;
    const invA = await inviteUser({ actor: glA, meta, qualityId: a.quality.id, firstName: "Ana", lastName: "A", email });
    const invB = await inviteUser({ actor: glB, meta, qualityId: b.quality.id, firstName: "Ana", lastName: "B", email });
    const results = await Promise.allSettled([
      acceptInvitation({ token: invA.token, password: "Bienvenue-Au-CPAS-1", meta }),
      acceptInvitation({ token: invB.token, password: "Bienvenue-Au-CPAS-2", meta }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    expect(await db.person.count({ where: { email, status: "ACTIVE" } })).toBe(1);
  });
});
