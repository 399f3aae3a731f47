import { randomUUID } from "node:crypto";

import { afterAll, describe, expect, it } from "vitest";

import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { loadActor } from "@/lib/auth/load-actor";
import { createSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { countQueries } from "@/lib/db/query-counter";
import { ensureGrant, ensureQuality, ensureRole } from "@/lib/seed/builders";
import { createCentre, createPerson } from "@/tests/fixtures/people";

import { loadQualityManagement } from "@/lib/access/manage/load-quality-management";
import { searchPeople } from "@/lib/access/manage/search-people";

import { getDashboard } from "./get-dashboard";
import { loadManagedQualities } from "./load-managed-qualities";
import { loadSecurityEvents } from "./load-security-events";

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
    // Issue 15, counted by hand from the loaders: the entity overview 1 (one statement); the
    // managed quality 1 (one statement: its technical user, rights per code, expiring, last grants
    // and their person, open review); the managed subdivision 3; the
    // technical user's quality 1; applications 0 (from the rights' catalogue); security events 1 (their
    // people's names joined in); the Rapport unique 1 (the
    // latest campaign with its forms per status and forms to sign, whether a campaign exists or not).
    expect(a.queries).toBe(8);
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
    // Issue 15: session, person, centre, qualities, roles, rights and access policy in one statement.
    expect(a.queries).toBe(1);
    expect(b.queries).toBe(a.queries);
    expect(b.result?.roles.map((x) => x.role).sort()).toEqual(["GL", "RAE", "SUBDIVISION_MANAGER", "TECHNICAL_USER"]);
    expect(b.result?.isDpd).toBe(true);
  });

  it("searches people and loads the quality page with the same statements for 10 and for 5,000 users (issue 15)", async () => {
    const small = await centreWithUsers(10);
    const large = await centreWithUsers(5_000);
    const qualityOf = (a: typeof small) => a.roles.find((r) => r.role === "GL")!.qualityId!;
    // "Nom1": Nom1 among Nom0–Nom9; Nom1, Nom10–19, Nom100–199, Nom1000–1999 among Nom0–Nom4999.
    const s1 = await countQueries(() => searchPeople({ actor: small, query: "Nom1" }));
    const s2 = await countQueries(() => searchPeople({ actor: large, query: "Nom1" }));
    expect([s1.result.total, s2.result.total]).toEqual([1, 1_111]);
    expect(s2.result.people).toHaveLength(50);
    // The count, the page of people, their subdivisions, roles and rights in one statement.
    expect([s1.queries, s2.queries]).toEqual([3, 3]);
    const q1 = await countQueries(() => loadQualityManagement(small, qualityOf(small), 1));
    const q2 = await countQueries(() => loadQualityManagement(large, qualityOf(large), 1));
    expect([q1.result.total, q2.result.total]).toEqual([11, 5_001]);
    expect(q2.result.people).toHaveLength(50);
    // Nom0 (sorted first: "Nom0" < "Nom1"…) holds EBOX_INSTITUTION (i % 3 === 0), until 5 days from now (i % 7 === 0).
    const nom0 = q2.result.people.find((p) => p.lastName === "Nom0")!;
    expect(nom0.grants.map((g) => g.rightCode)).toEqual(["EBOX_INSTITUTION"]);
    expect(nom0.grants[0]!.validUntil).toBeInstanceOf(Date);
    // The quality and its subdivisions 2, the count, the page, the roles and their people 2, the
    // open review 2, the SoD rules (a DPD) 1, the page's subdivisions and rights 1, invitation mails 1.
    expect([q1.queries, q2.queries]).toEqual([11, 11]);
  });
});

describe("a GL's quality figures (loadManagedQualities)", () => {
  it("counts active rights per code, the ones ending within 30 days, the latest grants, the open review and the technical user", async () => {
    const DAY = 86_400_000;
    const now = Date.now();
    const { entity, quality } = await createCentre();
    const other = await db.$transaction((tx) => ensureQuality(tx, { entityId: entity.id, type: "AIDE_JEUNESSE", identifier: `${entity.bceNumber}-aj` }));
    const gl = await createPerson(entity.id, { label: "gl" });
    const person = (label: string) => createPerson(entity.id, { label });
    const [ana, bob, cem, dan, eva, tech] = await Promise.all([person("ana"), person("bob"), person("cem"), person("dan"), person("eva"), person("tech")]);
    const grant = (personId: string, qualityId: string, rightCode: string, o: { grantedDaysAgo: number; untilDays?: number; revoked?: boolean }) =>
      db.rightGrant.create({
        data: {
          personId,
          entityId: entity.id,
          qualityId,
          rightCode,
          grantedAt: new Date(now - o.grantedDaysAgo * DAY),
          validUntil: o.untilDays === undefined ? null : new Date(now + o.untilDays * DAY),
          revokedAt: o.revoked ? new Date(now - DAY) : null,
        },
      });
    // Action Sociale: ana AGENT_SOCIAL (no end, 9 days ago), bob AGENT_SOCIAL until in 5 days (2 days
    // ago), cem EBOX_INSTITUTION until in 40 days (1 day ago), dan AGENT_SOCIAL revoked (today),
    // eva EBOX_INSTITUTION ended yesterday (3 days ago). Aide à la jeunesse: ana EBOX_INSTITUTION
    // until in 29 days (4 days ago).
    await grant(ana.id, quality.id, "AGENT_SOCIAL", { grantedDaysAgo: 9 });
    await grant(bob.id, quality.id, "AGENT_SOCIAL", { grantedDaysAgo: 2, untilDays: 5 });
    await grant(cem.id, quality.id, "EBOX_INSTITUTION", { grantedDaysAgo: 1, untilDays: 40 });
    await grant(dan.id, quality.id, "AGENT_SOCIAL", { grantedDaysAgo: 0, revoked: true });
    await grant(eva.id, quality.id, "EBOX_INSTITUTION", { grantedDaysAgo: 3, untilDays: -1 });
    const anaAj = await grant(ana.id, other.id, "EBOX_INSTITUTION", { grantedDaysAgo: 4, untilDays: 29 });
    await db.$transaction(async (tx) => {
      await ensureRole(tx, { personId: tech.id, role: "TECHNICAL_USER", entityId: entity.id, qualityId: quality.id });
      await ensureRole(tx, { personId: gl.id, role: "GL", entityId: entity.id, qualityId: quality.id });
    });
    // An open review of Aide à la jeunesse with 3 items, one decided: 2 left. A closed one of Action Sociale.
    const deadline = new Date(now + 10 * DAY);
    const review = await db.accessReview.create({ data: { entityId: entity.id, qualityId: other.id, startedById: gl.id, deadline } });
    const aj = await Promise.all([bob, cem, dan].map((p) => grant(p.id, other.id, "AGENT_SOCIAL", { grantedDaysAgo: 30, revoked: true })));
    await db.accessReviewItem.createMany({
      data: [
        { reviewId: review.id, grantId: anaAj.id },
        { reviewId: review.id, grantId: aj[0]!.id },
        { reviewId: review.id, grantId: aj[1]!.id, decision: "KEEP", decidedById: gl.id, decidedAt: new Date() },
      ],
    });
    await db.accessReview.create({ data: { entityId: entity.id, qualityId: quality.id, startedById: gl.id, deadline, closedAt: new Date() } });

    const { result, queries } = await countQueries(() => loadManagedQualities(entity.id, [quality.id, other.id]));
    expect(queries).toBe(1);
    expect(result.map((q) => q.type)).toEqual(["ACTION_SOCIALE", "AIDE_JEUNESSE"]);
    const [as, ajq] = result;
    expect(as!.rightCounts).toEqual([
      { rightCode: "AGENT_SOCIAL", count: 2 },
      { rightCode: "EBOX_INSTITUTION", count: 1 },
    ]);
    expect(as!.expiringSoon).toBe(1);
    expect(as!.recentGrants.map((g) => `${g.person.firstName} ${g.rightCode}`)).toEqual(["cem EBOX_INSTITUTION", "bob AGENT_SOCIAL", "ana AGENT_SOCIAL"]);
    expect(as!.recentGrants[1]!.validUntil?.getTime()).toBe(now + 5 * DAY);
    expect(as!.recentGrants[2]!.validUntil).toBeNull();
    expect(as!.recentGrants[2]!.grantedAt.getTime()).toBe(now - 9 * DAY);
    expect(as!.openReview).toBeNull();
    expect(as!.technicalUser?.email).toBe(tech.email);
    expect(ajq!.rightCounts).toEqual([{ rightCode: "EBOX_INSTITUTION", count: 1 }]);
    expect(ajq!.expiringSoon).toBe(1);
    expect(ajq!.recentGrants.map((g) => `${g.person.firstName} ${g.rightCode}`)).toEqual(["ana EBOX_INSTITUTION"]);
    expect(ajq!.openReview?.deadline.getTime()).toBe(deadline.getTime());
    expect(ajq!.openReview?._count.items).toBe(2);
    expect(ajq!.technicalUser).toBeNull();
    // A quality of another centre is never read, even named.
    const elsewhere = await createCentre();
    expect(await loadManagedQualities(elsewhere.entity.id, [quality.id])).toEqual([]);
  });
});

describe("the dashboard's applications", () => {
  it("lists the rights that count, in the order of their French names, with their application", async () => {
    const { entity, quality } = await createCentre();
    const agent = await createPerson(entity.id, { label: "agent" });
    await db.$transaction(async (tx) => {
      for (const rightCode of ["RU_PRESIDENT", "EBOX_INSTITUTION", "CONSULTATION_CTMS", "AGENT_SOCIAL", "GESTION_CANAUX_TECHNIQUES"] as const) {
        await ensureGrant(tx, { personId: agent.id, rightCode, entityId: entity.id, qualityId: quality.id });
      }
    });
    const sessionId = await db.$transaction((tx) => createSession(tx, { personId: agent.id, ip: null, userAgent: null }));
    const actor = (await loadActor(sessionId, { touch: false }))!;
    const dashboard = await getDashboard(actor);
    // Seed 003 names: « Agent Social » (Primaweb), « Consultation CTMS » (Liste des codes), « e-Box de
    // l'institution » (e-Box), « Rôle - Président du CPAS » (Rapport unique). « Gestion des canaux
    // techniques » lives under Employeur ONSS (seed 004): granted under Action Sociale it gives nothing.
    expect(dashboard.applications).toEqual([
      { code: "AGENT_SOCIAL", applicationCode: "PRIMAWEB" },
      { code: "CONSULTATION_CTMS", applicationCode: "LISTE_CODES" },
      { code: "EBOX_INSTITUTION", applicationCode: "EBOX" },
      { code: "RU_PRESIDENT", applicationCode: "RAPPORT_UNIQUE" },
    ]);
    expect(dashboard.rapportUniqueRoles.map((r) => r.code)).toEqual(["RU_PRESIDENT"]);
  });
});

describe("the dashboard's security events (loadSecurityEvents)", () => {
  it("shows the centre's latest sign-in events, newest first, with names of its own people only, in one statement", async () => {
    const { entity } = await createCentre();
    const elsewhere = await createCentre();
    const ana = await createPerson(entity.id, { label: "ana" });
    const stranger = await createPerson(elsewhere.entity.id, { label: "etranger" });
    const write = (actorId: string | null, action: string, ip: string | null) =>
      db.$transaction((tx) => writeAuditEvent(tx, { actorId, entityId: entity.id, ip }, { action, targetType: "session", targetId: "x" }));
    // In this order: ana signs in, an unknown address fails, a request of ana's (not a security
    // event), someone of another centre recorded here, ana's session ends; then 2 more sign-ins.
    await write(ana.id, "auth.sign_in", "192.0.2.1");
    await write(null, "auth.sign_in_failed", "198.51.100.7");
    await write(ana.id, "c607.request_created", "192.0.2.1");
    await write(stranger.id, "auth.sign_in", null);
    await write(ana.id, "auth.session_ended", "192.0.2.1");
    await db.$transaction((tx) => writeAuditEvent(tx, { actorId: ana.id, entityId: elsewhere.entity.id }, { action: "auth.sign_in" }));

    const { result, queries } = await countQueries(() => loadSecurityEvents(entity.id, 3));
    expect(queries).toBe(1);
    expect(result.map((e) => [e.action, e.actorName, e.ip])).toEqual([
      ["auth.session_ended", "ana Intégration", "192.0.2.1"],
      ["auth.sign_in", "—", null],
      ["auth.sign_in_failed", "—", "198.51.100.7"],
    ]);
    expect(result[0]!.occurredAt).toBeInstanceOf(Date);
    expect(Math.abs(result[0]!.occurredAt.getTime() - Date.now())).toBeLessThan(60_000);
    const all = await loadSecurityEvents(entity.id, 20);
    expect(all.map((e) => e.action)).toEqual(["auth.session_ended", "auth.sign_in", "auth.sign_in_failed", "auth.sign_in"]);
  });
});
