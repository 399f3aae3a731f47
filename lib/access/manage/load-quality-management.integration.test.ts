import { randomUUID } from "node:crypto";

import { afterAll, describe, expect, it } from "vitest";

import { loadActor } from "@/lib/auth/load-actor";
import { createSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { ensureGrant, ensurePerson, ensureQuality, ensureRole } from "@/lib/seed/builders";
import { createCentre } from "@/tests/fixtures/people";

import { loadQualityManagement } from "./load-quality-management";

afterAll(() => db.$disconnect());

// Issue 15: the page's people are chosen by one SQL statement of its own (membership tested person
// by person while walking the centre in name order). Who belongs to the quality is written here by
// hand from the rule (a right or a role in the quality not revoked, an invitation to it, a
// subdivision of it), never computed by the module.

async function actorOf(personId: string) {
  const sessionId = await db.$transaction((tx) => createSession(tx, { personId, ip: null, userAgent: null }));
  const actor = await loadActor(sessionId, { touch: false });
  if (!actor) throw new Error("actor not loaded");
  return actor;
}

async function scene() {
  const { entity, quality } = await createCentre();
  const tag = randomUUID().slice(0, 8);
  const other = await db.$transaction((tx) => ensureQuality(tx, { entityId: entity.id, type: "AIDE_JEUNESSE", identifier: `${entity.bceNumber}-aj` }));
  const service = await db.subdivision.create({ data: { qualityId: quality.id, name: "Service social" } });
  const elsewhere = await db.subdivision.create({ data: { qualityId: other.id, name: "Service jeunesse" } });
  const person = (lastName: string, o: { entityId?: string; subdivisionId?: string } = {}) =>
    db.$transaction(async (tx) => {
      const p = await ensurePerson(tx, {
        entityId: o.entityId ?? entity.id,
        email: `${lastName.toLowerCase()}-${tag}@it.cpas.be`,
        firstName: "Test",
        lastName,
      });
      return o.subdivisionId ? tx.person.update({ where: { id: p.id }, data: { subdivisionId: o.subdivisionId } }) : p;
    });
  const gl = await person("Zoulou");
  await db.$transaction((tx) => ensureRole(tx, { personId: gl.id, role: "GL", entityId: entity.id, qualityId: quality.id }));
  const withRight = await person("Alpha");
  await db.$transaction((tx) => ensureGrant(tx, { personId: withRight.id, rightCode: "AGENT_SOCIAL", entityId: entity.id, qualityId: quality.id }));
  const revokedRight = await person("Bravo");
  const g = await db.$transaction((tx) =>
    ensureGrant(tx, { personId: revokedRight.id, rightCode: "AGENT_SOCIAL", entityId: entity.id, qualityId: quality.id }),
  );
  await db.rightGrant.update({ where: { id: g.id }, data: { revokedAt: new Date() } });
  const otherQualityRight = await person("Charlie");
  await db.$transaction((tx) => ensureGrant(tx, { personId: otherQualityRight.id, rightCode: "AGENT_SOCIAL", entityId: entity.id, qualityId: other.id }));
  const inService = await person("Delta", { subdivisionId: service.id });
  const invited = await person("Echo");
  await db.invitation.create({
    data: {
      tokenHash: randomUUID(),
      personId: invited.id,
      entityId: entity.id,
      qualityId: quality.id,
      invitedById: gl.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  const withRole = await person("Foxtrot");
  await db.$transaction((tx) => ensureRole(tx, { personId: withRole.id, role: "TECHNICAL_USER", entityId: entity.id, qualityId: quality.id }));
  const inOtherService = await person("Golf", { subdivisionId: elsewhere.id });
  const revokedRole = await person("Hotel");
  const r = await db.$transaction((tx) => ensureRole(tx, { personId: revokedRole.id, role: "TECHNICAL_USER", entityId: entity.id, qualityId: quality.id }));
  await db.roleAssignment.update({ where: { id: r.id }, data: { revokedAt: new Date() } });
  const invitedElsewhere = await person("India");
  await db.invitation.create({
    data: {
      tokenHash: randomUUID(),
      personId: invitedElsewhere.id,
      entityId: entity.id,
      qualityId: other.id,
      invitedById: gl.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  // Another centre's person holding a right that names this quality (inconsistent data): never listed here.
  const { entity: otherCentre } = await createCentre();
  const stranger = await person("Aaron", { entityId: otherCentre.id });
  await db.rightGrant.create({ data: { personId: stranger.id, rightCode: "AGENT_SOCIAL", entityId: otherCentre.id, qualityId: quality.id } });
  const subManager = await person("Kilo");
  await db.$transaction((tx) =>
    ensureRole(tx, { personId: subManager.id, role: "SUBDIVISION_MANAGER", entityId: entity.id, qualityId: quality.id, subdivisionId: service.id }),
  );
  return { quality, gl, withRight, inService, invited, withRole, inOtherService, subManager };
}

describe("quality page: who is listed (issue 15)", () => {
  it("lists the quality's members in name order, with the count, the name filter and the subdivision manager's scope", async () => {
    const s = await scene();
    const names = (r: Awaited<ReturnType<typeof loadQualityManagement>>) => r.people.map((p) => p.lastName);

    const asGl = await loadQualityManagement(await actorOf(s.gl.id), s.quality.id, 1);
    // Alpha (right), Delta (subdivision), Echo (invitation), Foxtrot (role), Kilo (subdivision manager role), Zoulou (GL role).
    expect(names(asGl)).toEqual(["Alpha", "Delta", "Echo", "Foxtrot", "Kilo", "Zoulou"]);
    expect(asGl.total).toBe(6);
    expect(asGl.people.find((p) => p.lastName === "Echo")!.status).toBe("ACTIVE");
    expect(asGl.people.find((p) => p.lastName === "Alpha")!.grants.map((g) => g.rightCode)).toEqual(["AGENT_SOCIAL"]);

    // The filter by name or e-mail (case-insensitive on names, the e-mail lower-cased).
    const filtered = await loadQualityManagement(await actorOf(s.gl.id), s.quality.id, 1, "ECH");
    expect(names(filtered)).toEqual(["Echo"]);
    expect(filtered.total).toBe(1);
    const byMail = await loadQualityManagement(await actorOf(s.gl.id), s.quality.id, 1, `foxtrot-`);
    expect(names(byMail)).toEqual(["Foxtrot"]);
    // Charlie and Golf belong to the other quality only: a filter does not bring them in.
    expect(names(await loadQualityManagement(await actorOf(s.gl.id), s.quality.id, 1, "Golf"))).toEqual([]);

    // A page past the last: nobody, the same count.
    const past = await loadQualityManagement(await actorOf(s.gl.id), s.quality.id, 2);
    expect(past.people).toEqual([]);
    expect(past.total).toBe(6);

    // The subdivision manager sees the people of their subdivision only.
    const asSub = await loadQualityManagement(await actorOf(s.subManager.id), s.quality.id, 1);
    expect(names(asSub)).toEqual(["Delta"]);
    expect(asSub.total).toBe(1);
  });
});
