// Fixtures of the C60.7 integration tests (imported by *.integration.test.ts only): fresh centres,
// a CPAS agent and an ONEM collaborator built with the seed's builders, and a valid request.
import { randomUUID } from "node:crypto";

import type { Actor } from "@/lib/access/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { createSession } from "@/lib/auth/sessions";
import { addDays } from "@/lib/c607/calendar-date";
import { db } from "@/lib/db/client";
import { ensureEntity, ensureGrant, ensureRole } from "@/lib/seed/builders";
import { createCentre, createPerson, randomBce } from "@/tests/fixtures/people";

import type { C607Context } from "./context";
import type { TRequestContent } from "./schemas";

async function actorOf(personId: string): Promise<Actor> {
  const sessionId = await db.$transaction((tx) => createSession(tx, { personId, ip: null, userAgent: null }));
  const actor = await loadActor(sessionId, { touch: false });
  if (!actor) throw new Error("actor not loaded");
  return actor;
}

export const ctxOf = (actor: Actor): C607Context => ({
  actor,
  meta: { ip: "127.0.0.1", userAgent: "vitest" },
});

export async function cpasAgent(): Promise<{
  ctx: C607Context;
  entityId: string;
}> {
  const { entity, quality } = await createCentre();
  const person = await createPerson(entity.id, { label: "agent" });
  await db.$transaction((tx) =>
    ensureGrant(tx, {
      personId: person.id,
      rightCode: "AGENT_SOCIAL",
      entityId: entity.id,
      qualityId: quality.id,
    }),
  );
  return { ctx: ctxOf(await actorOf(person.id)), entityId: entity.id };
}

/** A CPAS person without the Agent social right (e.g. a Rapport unique member). */
export async function cpasOutsider(entityId: string): Promise<C607Context> {
  const person = await createPerson(entityId, { label: "autre" });
  return ctxOf(await actorOf(person.id));
}

export async function onemCollaborator(): Promise<C607Context> {
  const onem = await db.$transaction((tx) =>
    ensureEntity(tx, {
      name: `ONEM ${randomUUID().slice(0, 6)}`,
      bce: randomBce(),
      kind: "ONEM",
    }),
  );
  const person = await createPerson(onem.id, { label: "onem" });
  await db.$transaction((tx) =>
    ensureRole(tx, {
      personId: person.id,
      role: "ONEM_COLLABORATOR",
      entityId: onem.id,
    }),
  );
  return ctxOf(await actorOf(person.id));
}

/** A valid request for a worker born 30 Jul 1985 (NISS 85.07.30-033.28); `shift` moves the contract. */
export function sampleContent(o: { start?: string; plannedEnd?: string; shift?: number } = {}): TRequestContent {
  const start = addDays({ date: o.start ?? "2026-12-01", days: o.shift ?? 0 });
  return {
    worker: { niss: "85.07.30-033.28", firstName: "Jean", lastName: "Dupont" },
    contract: {
      start,
      plannedEnd: o.plannedEnd ?? addDays({ date: start, days: 364 }),
      regime: "FULL_TIME",
      daysPerWeek: 5,
    },
    employmentPeriods: [
      {
        employer: "Boulangerie Lambert",
        country: "BE",
        from: "2025-01-01",
        to: "2025-06-30",
        regime: "FULL_TIME",
      },
    ],
    assimilatedPeriods: [{ kind: "SICKNESS", from: "2025-07-01", to: "2025-07-31" }],
  };
}

export const newKey = () => randomUUID();

export const PDF_BYTES = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
