// Fixtures of the API-token integration tests (imported by *.integration.test.ts only): a technical
// user built with the seed's builders, optionally holding Agent social too, and their session actor.
import type { Actor } from "@/lib/access/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { createSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { ensureGrant, ensureRole } from "@/lib/seed/builders";
import { createCentre, createPerson } from "@/tests/fixtures/people";

export const meta = { ip: "192.0.2.44", userAgent: "vitest-jetons" };

export async function sessionActorOf(personId: string): Promise<Actor> {
  const sid = await db.$transaction((tx) => createSession(tx, { personId, ip: null, userAgent: null }));
  const actor = await loadActor(sid, { touch: false });
  if (!actor) throw new Error("actor not loaded");
  return actor;
}

/** A technical user of a fresh centre's Action Sociale quality; `agentSocial` adds the C60.7 right. */
export async function technicalUser(o: { agentSocial?: boolean; entityId?: string; qualityId?: string } = {}) {
  const centre =
    o.entityId && o.qualityId
      ? { entityId: o.entityId, qualityId: o.qualityId }
      : await createCentre().then((c) => ({ entityId: c.entity.id, qualityId: c.quality.id }));
  const person = await createPerson(centre.entityId, { label: "technique" });
  await db.$transaction(async (tx) => {
    await ensureRole(tx, { personId: person.id, role: "TECHNICAL_USER", entityId: centre.entityId, qualityId: centre.qualityId });
    if (o.agentSocial) await ensureGrant(tx, { personId: person.id, rightCode: "AGENT_SOCIAL", entityId: centre.entityId, qualityId: centre.qualityId });
  });
  return { ...centre, personId: person.id, actor: await sessionActorOf(person.id) };
}
