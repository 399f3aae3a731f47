import type { Actor } from "@/lib/access/actor";
import type { RightCode } from "@/lib/access/catalogue";
import { loadActor } from "@/lib/auth/load-actor";
import { createSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import type { RoleKind } from "@/lib/generated/prisma/enums";
import { ensureGrant, ensureRole } from "@/lib/seed/builders";
import { createCentre, createPerson } from "@/tests/fixtures/people";

// Integration tests only: real people with real sessions, loaded the way a request loads them.

export async function actorOf(personId: string): Promise<Actor> {
  const sessionId = await db.$transaction((tx) => createSession(tx, { personId, ip: null, userAgent: null }));
  const actor = await loadActor(sessionId, { touch: false });
  if (!actor) throw new Error("actor not loaded");
  return actor;
}

export async function personWith(o: { entityId: string; qualityId: string; label: string; rights?: RightCode[]; roles?: RoleKind[] }): Promise<Actor> {
  const p = await createPerson(o.entityId, { label: o.label });
  await db.$transaction(async (tx) => {
    for (const rightCode of o.rights ?? []) await ensureGrant(tx, { personId: p.id, rightCode, entityId: o.entityId, qualityId: o.qualityId });
    for (const role of o.roles ?? [])
      await ensureRole(tx, { personId: p.id, role, entityId: o.entityId, qualityId: role === "RAE" || role === "CO_RAE" ? undefined : o.qualityId });
  });
  return actorOf(p.id);
}

/** A fresh centre with an Agent Social, a FileExchange holder, a GL, a RAE and a user without the right. */
export async function centreWithStaff() {
  const { entity, quality } = await createCentre();
  const base = { entityId: entity.id, qualityId: quality.id };
  const [agent, exchanger, gl, rae, other] = await Promise.all([
    personWith({ ...base, label: "agent", rights: ["AGENT_SOCIAL"] }),
    personWith({ ...base, label: "fileexchange", rights: ["FILE_EXCHANGE"] }),
    personWith({ ...base, label: "gl", roles: ["GL"] }),
    personWith({ ...base, label: "rae", roles: ["RAE"] }),
    personWith({ ...base, label: "ebox", rights: ["EBOX_INSTITUTION"] }),
  ]);
  return { entity, quality, agent, exchanger, gl, rae, other };
}

export const META = { ip: "127.0.0.1", userAgent: "vitest" };
