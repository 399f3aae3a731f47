import { afterAll, describe, expect, it } from "vitest";

import { loadActor } from "@/lib/auth/load-actor";
import { createSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { countQueries } from "@/lib/db/query-counter";
import { ensureGrant } from "@/lib/seed/builders";
import { createCentre, createPerson } from "@/tests/fixtures/people";

import { loadPortalFrame } from "./portal-frame";

afterAll(() => db.$disconnect());

async function actorOf(personId: string) {
  const sessionId = await db.$transaction((tx) => createSession(tx, { personId, ip: null, userAgent: null }));
  return (await loadActor(sessionId, { touch: false }))!;
}

describe("the portal frame's lookups (loadPortalFrame)", () => {
  it("counts the unread messages each person may read and says when the latest usage policy waits, in one statement", async () => {
    const { entity, quality } = await createCentre();
    const elsewhere = await createCentre();
    const agent = await createPerson(entity.id, { label: "agent" });
    const other = await createPerson(entity.id, { label: "autre" });
    // The agent holds « Agent Social » under Action Sociale: they use C60.7 and read its team's messages.
    await db.$transaction((tx) => ensureGrant(tx, { personId: agent.id, rightCode: "AGENT_SOCIAL", entityId: entity.id, qualityId: quality.id }));
    const note = (o: { entityId?: string; personId?: string | null; audience?: string | null; read?: boolean }) =>
      db.notification.create({
        data: {
          entityId: o.entityId ?? entity.id,
          personId: o.personId ?? null,
          audience: o.audience ?? null,
          kind: "test",
          title: "Message",
          body: "Corps",
          readAt: o.read ? new Date() : null,
        },
      });
    await note({ personId: agent.id }); // 1. the agent's, unread
    await note({ personId: agent.id, read: true }); // 2. the agent's, read
    await note({ personId: other.id }); // 3. the other person's
    await note({}); // 4. everyone in the centre
    await note({ audience: "AGENT_SOCIAL" }); // 5. the Agent Social team
    await note({ audience: "RU_MEMBRE_PERSONNEL" }); // 6. the Rapport unique staff (neither holds it)
    await note({ entityId: elsewhere.entity.id }); // 7. everyone in another centre

    const a = await actorOf(agent.id);
    const o = await actorOf(other.id);
    // By hand: the agent reads 1, 4 and 5; the other person 3 and 4.
    const counted = await countQueries(() => loadPortalFrame(a, { withUnread: true }));
    expect(counted.queries).toBe(1);
    expect(counted.result).toEqual({ policyPending: false, unread: 3 });
    expect(await loadPortalFrame(o, { withUnread: true })).toEqual({ policyPending: false, unread: 2 });
    expect(await loadPortalFrame(a, { withUnread: false })).toEqual({ policyPending: false, unread: 0 });

    // Seed 002: the DPD's usage policy, each new version accepted again.
    const v1 = await db.usagePolicy.create({ data: { entityId: entity.id, version: 1, title: "Politique", body: "v1", publishedById: other.id } });
    expect((await loadPortalFrame(a, { withUnread: false })).policyPending).toBe(true);
    await db.usagePolicyAcceptance.create({ data: { policyId: v1.id, personId: agent.id } });
    expect((await loadPortalFrame(a, { withUnread: false })).policyPending).toBe(false);
    expect((await loadPortalFrame(o, { withUnread: false })).policyPending).toBe(true);
    await db.usagePolicy.create({ data: { entityId: entity.id, version: 2, title: "Politique", body: "v2", publishedById: other.id } });
    expect((await loadPortalFrame(a, { withUnread: true })).policyPending).toBe(true);
    // Another centre's policy asks nothing of this centre's people.
    const stranger = await createPerson(elsewhere.entity.id, { label: "etranger" });
    expect((await loadPortalFrame(await actorOf(stranger.id), { withUnread: true })).policyPending).toBe(false);
  });
});
