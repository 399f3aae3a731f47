import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/access/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { createSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import type { RoleKind } from "@/lib/generated/prisma/enums";
import { ensureGrant, ensureQuality, ensureRole } from "@/lib/seed/builders";
import { createCentre, createPerson } from "@/tests/fixtures/people";

import { startAccessReview } from "./access-review";
import { activateQuality } from "./activate-quality";
import { designateLocalManager } from "./designate-local-manager";
import { grantRight, revokeRight } from "./grant-right";
import { inviteUser } from "./invite-user";
import { changeCoRae, designateCoRae } from "./manage-co-rae";
import { designateQualityRole, updateQualityEmail } from "./manage-quality-roles";
import { addSodRule } from "./manage-sod-rules";
import { createSubdivision } from "./manage-subdivisions";
import { searchPeople } from "./search-people";
import { setEntityDpd } from "./set-entity-dpd";
import { setPersonBlocked } from "./set-person-blocked";

// The authorization matrix of issue 3: every access-management action × every role, plus the RAE
// and the GL of ANOTHER centre. A = allowed (and audited); F = 403; N = 404 (another centre's object).
// One table; each cell runs against the real PostgreSQL with fresh targets.
const ROLES = ["RAE", "CO_RAE", "GL", "CO_GL", "SUB", "TECH", "AGENT", "NOBODY", "OTHER_RAE", "OTHER_GL"] as const;
type Persona = (typeof ROLES)[number];
type Expect = "A" | "F" | "N";

const MATRIX: Record<string, string> = {
  //                          RAE CO_RAE GL CO_GL SUB TECH AGENT NOBODY O_RAE O_GL
  "activer une qualité": "A A F F F F F F A F",
  "désigner le DPD": "A A F F F F F F N F",
  "désigner le GL": "A A F F F F F F N N",
  "désigner un co-RAE": "A A F F F F F F N F",
  // Seed 003 lists « bloquer une co-RAE » under « RAE et co-RAE »: a co-RAE blocks a fellow co-RAE's role.
  "bloquer un co-RAE": "A A F F F F F F N F",
  "rechercher des personnes": "A A F F F F F F A F",
  // « Nommer/supprimer co-GL » belongs to the GL and the co-GL (DOMAIN.md); the RAE level has « droits similaires ».
  "désigner un co-GL": "A A A A F F F F N N",
  "inviter dans la qualité": "A A A A F F F F N N",
  "inviter dans la subdivision": "A A A A A F F F N N",
  "bloquer un utilisateur": "A A A A F F F F N N",
  // Seed 003: the RAE has « droits similaires à ceux du gestionnaire local » in every quality (issue 9 decision).
  "nommer l'utilisateur technique": "A A A A F F F F N N",
  "changer l'e-mail de la qualité": "A A A A F F F F N N",
  "attribuer un droit": "F F A A F F F F N N",
  "attribuer un droit en subdivision": "F F A A A F F F N N",
  "retirer un droit": "F F A A F F F F N N",
  "créer une subdivision": "A A A A F F F F N N",
  "lancer une revue des accès": "F F A F F F F F F N",
  "règle de séparation des fonctions": "F F A F F F F F F A",
};

type World = Awaited<ReturnType<typeof buildWorld>>;
const meta = { ip: "127.0.0.1", userAgent: "matrix" };

async function actorFor(personId: string): Promise<Actor> {
  const sid = await db.$transaction((tx) => createSession(tx, { personId, ip: null, userAgent: null }));
  const actor = await loadActor(sid, { touch: false });
  if (!actor) throw new Error("no actor");
  return actor;
}

async function withRole(entityId: string, label: string, role: RoleKind | null, scope: { qualityId?: string; subdivisionId?: string } = {}) {
  const p = await createPerson(entityId, { label });
  if (role) await db.$transaction((tx) => ensureRole(tx, { personId: p.id, role, entityId, ...scope }));
  return p;
}

async function buildWorld() {
  const a = await createCentre();
  const b = await createCentre();
  const onss = await db.$transaction((tx) => ensureQuality(tx, { entityId: a.entity.id, type: "EMPLOYEUR_ONSS", identifier: "123456789" }));
  const sub = await db.subdivision.create({ data: { qualityId: a.quality.id, name: "Insertion" } });
  const E = a.entity.id;
  const Q = a.quality.id;
  const people = {
    RAE: await withRole(E, "rae", "RAE"),
    CO_RAE: await withRole(E, "corae", "CO_RAE"),
    GL: await withRole(E, "gl", "GL", { qualityId: Q }),
    CO_GL: await withRole(E, "cogl", "CO_GL", { qualityId: Q }),
    SUB: await withRole(E, "sub", "SUBDIVISION_MANAGER", { qualityId: Q, subdivisionId: sub.id }),
    TECH: await withRole(E, "tech", "TECHNICAL_USER", { qualityId: Q }),
    AGENT: await withRole(E, "agent", null),
    NOBODY: await withRole(E, "nobody", null),
    OTHER_RAE: await withRole(b.entity.id, "orae", "RAE"),
    OTHER_GL: await withRole(b.entity.id, "ogl", "GL", { qualityId: b.quality.id }),
  };
  await db.person.update({ where: { id: people.SUB.id }, data: { subdivisionId: sub.id } });
  await db.entity.update({ where: { id: E }, data: { dpdPersonId: people.GL.id } });
  await db.entity.update({ where: { id: b.entity.id }, data: { dpdPersonId: people.OTHER_GL.id } });
  await db.$transaction(async (tx) => {
    await ensureGrant(tx, { personId: people.AGENT.id, rightCode: "AGENT_SOCIAL", entityId: E, qualityId: Q });
    await ensureGrant(tx, { personId: people.SUB.id, rightCode: "AGENT_SOCIAL", entityId: E, qualityId: Q });
  });
  const actors = {} as Record<Persona, Actor>;
  for (const r of ROLES) actors[r] = await actorFor(people[r].id);
  return { E, Q, onss, sub, actors };
}

/** A fresh user of quality Q (optionally in the subdivision), holding AGENT_SOCIAL when asked. */
async function freshUser(w: World, o: { inSubdivision?: boolean; withGrant?: boolean } = {}) {
  const p = await createPerson(w.E, { label: "cible" });
  if (o.inSubdivision) await db.person.update({ where: { id: p.id }, data: { subdivisionId: w.sub.id } });
  const grant = await db.$transaction((tx) =>
    ensureGrant(tx, { personId: p.id, rightCode: o.withGrant === false ? "EBOX_INSTITUTION" : "AGENT_SOCIAL", entityId: w.E, qualityId: w.Q }),
  );
  return { person: p, grant };
}

const ACTIONS: Record<string, (actor: Actor, w: World) => Promise<unknown>> = {
  "activer une qualité": (actor) => activateQuality({ actor, meta, type: "EMPLOYEUR_PPL", identifier: "1234567890" }),
  "désigner le DPD": async (actor, w) => setEntityDpd({ actor, meta, personId: (await freshUser(w)).person.id }),
  "désigner le GL": async (actor, w) => designateLocalManager({ actor, meta, qualityId: w.onss.id, personId: (await freshUser(w)).person.id }),
  "désigner un co-RAE": async (actor, w) => designateCoRae({ actor, meta, personId: (await freshUser(w)).person.id }),
  "bloquer un co-RAE": async (actor, w) => {
    const p = await createPerson(w.E, { label: "corae-cible" });
    const role = await db.$transaction((tx) => ensureRole(tx, { personId: p.id, role: "CO_RAE", entityId: w.E }));
    return changeCoRae({ actor, meta, roleId: role.id, change: "block" });
  },
  "rechercher des personnes": (actor) => searchPeople({ actor, query: "cible" }),
  "désigner un co-GL": async (actor, w) => designateQualityRole({ actor, meta, qualityId: w.Q, personId: (await freshUser(w)).person.id, role: "CO_GL" }),
  "inviter dans la qualité": (actor, w) =>
    inviteUser({ actor, meta, qualityId: w.Q, firstName: "Invitée", lastName: "Test", email: `inv-${randomUUID()}@it.cpas.be` }),
  "inviter dans la subdivision": (actor, w) =>
    inviteUser({ actor, meta, qualityId: w.Q, subdivisionId: w.sub.id, firstName: "Invitée", lastName: "Sub", email: `inv-${randomUUID()}@it.cpas.be` }),
  "bloquer un utilisateur": async (actor, w) => setPersonBlocked({ actor, meta, personId: (await freshUser(w)).person.id, isBlocked: true }),
  "nommer l'utilisateur technique": async (actor, w) =>
    designateQualityRole({ actor, meta, qualityId: w.Q, personId: (await freshUser(w)).person.id, role: "TECHNICAL_USER" }),
  "changer l'e-mail de la qualité": (actor, w) => updateQualityEmail({ actor, meta, qualityId: w.Q, email: `q-${randomUUID().slice(0, 6)}@it.cpas.be` }),
  "attribuer un droit": async (actor, w) =>
    grantRight({ actor, meta, qualityId: w.Q, personId: (await freshUser(w, { withGrant: false })).person.id, rightCode: "AGENT_SOCIAL" }),
  "attribuer un droit en subdivision": async (actor, w) =>
    grantRight({ actor, meta, qualityId: w.Q, personId: (await freshUser(w, { inSubdivision: true, withGrant: false })).person.id, rightCode: "AGENT_SOCIAL" }),
  "retirer un droit": async (actor, w) => revokeRight({ actor, meta, grantId: (await freshUser(w)).grant.id }),
  "créer une subdivision": (actor, w) => createSubdivision({ actor, meta, qualityId: w.Q, name: `Service ${randomUUID().slice(0, 6)}` }),
  "lancer une revue des accès": (actor, w) => startAccessReview({ actor, meta, qualityId: w.Q, deadline: new Date(Date.now() + 30 * 86_400_000) }),
  "règle de séparation des fonctions": (actor) => addSodRule({ actor, meta, rightA: "AGENT_SOCIAL", rightB: "CONSEILLER_SECURITE", mode: "JUSTIFY" }),
};

let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 60_000);
afterAll(() => db.$disconnect());

async function outcome(fn: () => Promise<unknown>): Promise<Expect | string> {
  try {
    await fn();
    return "A";
  } catch (e) {
    if (isAppError(e) && e.code === "FORBIDDEN") return "F";
    if (isAppError(e) && e.code === "NOT_FOUND") return "N";
    return `erreur inattendue : ${e instanceof Error ? e.message : String(e)}`;
  }
}

describe("authorization matrix (issue 3)", () => {
  it("lists every action of the table", () => expect(Object.keys(ACTIONS).sort()).toEqual(Object.keys(MATRIX).sort()));

  for (const [action, row] of Object.entries(MATRIX)) {
    const expected = row.split(/\s+/) as Expect[];
    it(action, async () => {
      const got: Record<string, string> = {};
      for (const role of ROLES) {
        const actor = world.actors[role];
        const before = await db.auditEvent.count({ where: { actorId: actor.personId, action: { startsWith: "access." } } });
        got[role] = await outcome(() => ACTIONS[action]!(actor, world));
        const after = await db.auditEvent.count({ where: { actorId: actor.personId, action: { startsWith: "access." } } });
        // Every allowed change is audited; a refusal writes nothing (searching changes nothing).
        if (action !== "rechercher des personnes") expect(after - before, `${action} / ${role} audit`).toBe(got[role] === "A" ? 1 : 0);
      }
      expect(got).toEqual(Object.fromEntries(ROLES.map((r, i) => [r, expected[i]])));
    });
  }
});
