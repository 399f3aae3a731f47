import { randomUUID } from "node:crypto";

import { afterAll, describe, expect, it } from "vitest";

import { loadActor } from "@/lib/auth/load-actor";
import { createSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { countQueries } from "@/lib/db/query-counter";
import { ensureGrant, ensureRole } from "@/lib/seed/builders";
import { createCentre, createPerson } from "@/tests/fixtures/people";

import { getDashboard } from "./get-dashboard";

afterAll(() => db.$disconnect());

/** A centre of `size` users holding rights, and one person with every role that has a section. */
async function centreWithUsers(size: number) {
  const { entity, quality } = await createCentre();
  const manager = await createPerson(entity.id, { label: "gestionnaire" });
  const subdivision = await db.subdivision.create({ data: { qualityId: quality.id, name: "Service" } });
  await db.$transaction(async (tx) => {
    for (const role of ["RAE", "GL", "TECHNICAL_USER", "SUBDIVISION_MANAGER"] as const) {
      await ensureRole(tx, {
        personId: manager.id,
        role,
        entityId: entity.id,
        ...(role === "RAE" ? {} : { qualityId: quality.id, subdivisionId: role === "SUBDIVISION_MANAGER" ? subdivision.id : undefined }),
      });
    }
    await ensureGrant(tx, { personId: manager.id, rightCode: "RU_PRESIDENT", entityId: entity.id, qualityId: quality.id });
    await tx.entity.update({ where: { id: entity.id }, data: { dpdPersonId: manager.id } });
  });
  const people = Array.from({ length: size }, (_, i) => ({
    id: randomUUID(),
    entityId: entity.id,
    subdivisionId: i % 2 ? subdivision.id : null,
    email: `u${i}-${randomUUID().slice(0, 8)}@volume.cpas.be`,
    firstName: `Prénom${i}`,
    lastName: `Nom${i}`,
  }));
  await db.person.createMany({ data: people });
  await db.rightGrant.createMany({
    data: people.map((p, i) => ({
      personId: p.id,
      entityId: entity.id,
      qualityId: quality.id,
      rightCode: i % 3 ? "AGENT_SOCIAL" : "EBOX_INSTITUTION",
      validUntil: i % 7 ? null : new Date(Date.now() + 5 * 86_400_000),
    })),
  });
  const sessionId = await db.$transaction((tx) => createSession(tx, { personId: manager.id, ip: null, userAgent: null }));
  const actor = await loadActor(sessionId, { touch: false });
  if (!actor) throw new Error("actor not loaded");
  return actor;
}

describe("dashboard", () => {
  it("sends the same number of queries for 10 and for 5,000 users", async () => {
    const small = await centreWithUsers(10);
    const large = await centreWithUsers(5_000);
    const a = await countQueries(() => getDashboard(small));
    const b = await countQueries(() => getDashboard(large));
    expect(a.queries).toBeGreaterThan(0);
    expect(b.queries).toBe(a.queries);
    // and the figures are real, not capped
    expect(b.result.entity?._count.people).toBe(5_001);
    expect(b.result.managed[0]!.rightCounts.reduce((n, r) => n + r.count, 0)).toBe(5_001);
    expect(b.result.subdivisions[0]!._count.members).toBe(2_500);
  });

  it("loads the actor with the same number of queries whatever the entity's size", async () => {
    const small = await centreWithUsers(5);
    const large = await centreWithUsers(1_000);
    const a = await countQueries(() => loadActor(small.sessionId, { touch: false }));
    const b = await countQueries(() => loadActor(large.sessionId, { touch: false }));
    expect(b.queries).toBe(a.queries);
    expect(b.result?.roles.map((x) => x.role).sort()).toEqual(["GL", "RAE", "SUBDIVISION_MANAGER", "TECHNICAL_USER"]);
    expect(b.result?.isDpd).toBe(true);
  });
});
