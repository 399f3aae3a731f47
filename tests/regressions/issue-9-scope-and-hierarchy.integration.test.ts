// Regression tests for issue 9, findings 1 and 2, replayed as the attacker did on the running portal:
// each step goes through the real domain functions with actors loaded by the real loader.
// Expected outcomes come from seed 003 and DOMAIN.md (« Rights live in a quality », « Who may act on
// whom »), never from lib/access/permissions.ts. On the main of 2026-12-01 every `refused` below was
// allowed.
import { describe, expect, it } from "vitest";

import type { Actor } from "@/lib/access/actor";
import { designateLocalManager } from "@/lib/access/manage/designate-local-manager";
import { grantRight } from "@/lib/access/manage/grant-right";
import { changeCoRae } from "@/lib/access/manage/manage-co-rae";
import { designateQualityRole } from "@/lib/access/manage/manage-quality-roles";
import { setPersonBlocked } from "@/lib/access/manage/set-person-blocked";
import { canUseApplication } from "@/lib/access/application-scope";
import { loadActor } from "@/lib/auth/load-actor";
import { createSession } from "@/lib/auth/sessions";
import { createRequest, getRequestDetail, listRequests } from "@/lib/c607/requests";
import { newKey, sampleContent } from "@/lib/c607/requests/test-fixtures";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { canUseFileExchange, canUseForem } from "@/lib/forem/access";
import { listFileExchange } from "@/lib/forem/fileexchange/list-files";
import type { RoleKind } from "@/lib/generated/prisma/enums";
import { canReadSecurityLog } from "@/lib/security-log/access";
import { ensureGrant, ensureQuality, ensureRole } from "@/lib/seed/builders";
import { createCentre, createPerson } from "@/tests/fixtures/people";

const meta = { ip: "127.0.0.1", userAgent: "regression-issue-9" };

async function actorOf(personId: string): Promise<Actor> {
  const sid = await db.$transaction((tx) => createSession(tx, { personId, ip: null, userAgent: null }));
  const actor = await loadActor(sid, { touch: false });
  if (!actor) throw new Error("actor not loaded");
  return actor;
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return e.code;
    throw e;
  }
  return "ALLOWED";
}

/** A centre as the tester had it: RAE, co-RAE, DPD (GL of Action Sociale), co-GL, an Agent Social, Employeur ONSS active. */
async function centre() {
  const { entity, quality } = await createCentre();
  const E = entity.id;
  const onss = await db.$transaction((tx) => ensureQuality(tx, { entityId: E, type: "EMPLOYEUR_ONSS", identifier: "123456789" }));
  const person = async (label: string, role: RoleKind | null, qualityId?: string) => {
    const p = await createPerson(E, { label });
    if (role) await db.$transaction((tx) => ensureRole(tx, { personId: p.id, role, entityId: E, qualityId }));
    return p;
  };
  const rae = await person("rae", "RAE");
  const coRae = await person("corae", "CO_RAE");
  const dpd = await person("dpd", "GL", quality.id);
  const coGl = await person("cogl", "CO_GL", quality.id);
  const agent = await person("agent", null);
  await db.entity.update({ where: { id: E }, data: { dpdPersonId: dpd.id } });
  await db.$transaction((tx) => ensureGrant(tx, { personId: agent.id, rightCode: "AGENT_SOCIAL", entityId: E, qualityId: quality.id }));
  const request = await createRequest({ ctx: { actor: await actorOf(agent.id), meta }, input: { clientKey: newKey(), content: sampleContent() } });
  return { E, AS: quality.id, onss: onss.id, rae, coRae, dpd, coGl, agent, request };
}

describe("issue 9, finding 1: application rights count only in the quality where the application lives", () => {
  it("a GL and a co-GL of Employeur ONSS reach no CPAS application and cannot hand one out", async () => {
    const c = await centre();
    // The RAE designates a user as GL of « Employeur ONSS »; that GL names a co-GL.
    const glOnss = await createPerson(c.E, { label: "gl-onss" });
    await designateLocalManager({ actor: await actorOf(c.rae.id), meta, qualityId: c.onss, personId: glOnss.id });
    const coGlOnss = await createPerson(c.E, { label: "cogl-onss" });
    await designateQualityRole({ actor: await actorOf(glOnss.id), meta, qualityId: c.onss, personId: coGlOnss.id, role: "CO_GL" });

    for (const id of [glOnss.id, coGlOnss.id]) {
      const actor = await actorOf(id);
      const ctx = { actor, meta };
      expect(await refusal(listRequests({ ctx, filter: {} }))).toBe("FORBIDDEN");
      expect(await refusal(getRequestDetail({ ctx, id: c.request.id }))).toMatch(/FORBIDDEN|NOT_FOUND/);
      expect(canUseForem(actor)).toBe(false);
      expect(canUseFileExchange(actor)).toBe(false);
      expect(await refusal(listFileExchange({ actor }))).toBe("NOT_FOUND");
      expect(canUseApplication(actor, "app.rapport_unique")).toBe(false);
      expect(canReadSecurityLog(actor)).toBe(false);
    }

    // Granting « Agent Social » under ONSS is refused with the reason, and nothing is written.
    const victim = await createPerson(c.E, { label: "user-onss" });
    const code = await refusal(grantRight({ actor: await actorOf(glOnss.id), meta, personId: victim.id, qualityId: c.onss, rightCode: "AGENT_SOCIAL" }));
    expect(code).toBe("UNPROCESSABLE");
    expect(await db.rightGrant.count({ where: { personId: victim.id } })).toBe(0);

    // A grant left by the old code (Agent Social under ONSS) opens nothing either.
    await db.$transaction((tx) => ensureGrant(tx, { personId: victim.id, rightCode: "AGENT_SOCIAL", entityId: c.E, qualityId: c.onss }));
    const legacy = await actorOf(victim.id);
    expect(await refusal(getRequestDetail({ ctx: { actor: legacy, meta }, id: c.request.id }))).toMatch(/FORBIDDEN|NOT_FOUND/);
    expect(canUseForem(legacy)).toBe(false);
  });

  it("« Gestion des canaux techniques » is refused under Action Sociale", async () => {
    const c = await centre();
    const code = await refusal(
      grantRight({ actor: await actorOf(c.dpd.id), meta, personId: c.agent.id, qualityId: c.AS, rightCode: "GESTION_CANAUX_TECHNIQUES" }),
    );
    expect(code).toBe("UNPROCESSABLE");
  });

  it("the Agent Social and the DPD still reach C60.7 and FOREM (no over-correction)", async () => {
    const c = await centre();
    for (const id of [c.agent.id, c.dpd.id]) {
      const actor = await actorOf(id);
      expect(await refusal(getRequestDetail({ ctx: { actor, meta }, id: c.request.id }))).toBe("ALLOWED");
      expect(canUseForem(actor)).toBe(true);
    }
  });
});

describe("issue 9, finding 2: roles protect the roles above them", () => {
  it("a co-RAE does not block the RAE; a fellow co-RAE only through the co-RAE role, as seed 003 says", async () => {
    const c = await centre();
    const coRae = await actorOf(c.coRae.id);
    expect(await refusal(setPersonBlocked({ actor: coRae, meta, personId: c.rae.id, isBlocked: true }))).toBe("FORBIDDEN");
    const raeRole = await db.roleAssignment.findFirstOrThrow({ where: { personId: c.rae.id, role: "RAE" } });
    expect(await refusal(changeCoRae({ actor: coRae, meta, roleId: raeRole.id, change: "block" }))).toBe("FORBIDDEN");
    expect((await db.person.findUniqueOrThrow({ where: { id: c.rae.id } })).status).toBe("ACTIVE");
    expect(await db.session.count({ where: { personId: c.rae.id, revokedAt: { not: null } } })).toBe(0);
    // « Désigner, bloquer, débloquer et supprimer une co-RAE » is listed for the RAE and co-RAE alike:
    // the co-RAE role of a peer may be blocked; the person (all their access) may not.
    const other = await createPerson(c.E, { label: "corae2" });
    const role = await db.$transaction((tx) => ensureRole(tx, { personId: other.id, role: "CO_RAE", entityId: c.E }));
    expect(await refusal(setPersonBlocked({ actor: coRae, meta, personId: other.id, isBlocked: true }))).toBe("FORBIDDEN");
    expect(await refusal(changeCoRae({ actor: coRae, meta, roleId: role.id, change: "block" }))).toBe("ALLOWED");
  });

  it("a co-GL does not block its GL, the DPD", async () => {
    const c = await centre();
    expect(await refusal(setPersonBlocked({ actor: await actorOf(c.coGl.id), meta, personId: c.dpd.id, isBlocked: true }))).toBe("FORBIDDEN");
    expect((await db.person.findUniqueOrThrow({ where: { id: c.dpd.id } })).status).toBe("ACTIVE");
  });

  it("a GL of Employeur ONSS cannot pull the DPD or the RAE into its reach by granting them a right", async () => {
    const c = await centre();
    const glOnss = await createPerson(c.E, { label: "gl-onss" });
    await db.$transaction((tx) => ensureRole(tx, { personId: glOnss.id, role: "GL", entityId: c.E, qualityId: c.onss }));
    const gl = await actorOf(glOnss.id);
    // The RAE ranks above every quality manager everywhere: no right is granted to them from below.
    expect(await refusal(grantRight({ actor: gl, meta, personId: c.rae.id, qualityId: c.onss, rightCode: "GESTION_CANAUX_TECHNIQUES" }))).toBe("FORBIDDEN");
    await db.$transaction((tx) => ensureGrant(tx, { personId: c.rae.id, rightCode: "GESTION_CANAUX_TECHNIQUES", entityId: c.E, qualityId: c.onss }));
    // The DPD holds no role under ONSS: its GL may grant them Chaman there — and that grant puts
    // nothing of the DPD within its reach.
    await grantRight({ actor: gl, meta, personId: c.dpd.id, qualityId: c.onss, rightCode: "GESTION_CANAUX_TECHNIQUES" });
    for (const target of [c.dpd.id, c.rae.id]) {
      expect(await refusal(setPersonBlocked({ actor: gl, meta, personId: target, isBlocked: true }))).toBe("FORBIDDEN");
      expect((await db.person.findUniqueOrThrow({ where: { id: target } })).status).toBe("ACTIVE");
    }
    // It still manages a plain user of its own quality.
    const user = await createPerson(c.E, { label: "user-onss" });
    await grantRight({ actor: gl, meta, personId: user.id, qualityId: c.onss, rightCode: "GESTION_CANAUX_TECHNIQUES" });
    await setPersonBlocked({ actor: gl, meta, personId: user.id, isBlocked: true });
    expect((await db.person.findUniqueOrThrow({ where: { id: user.id } })).status).toBe("BLOCKED");
  });

  it("the RAE still blocks a co-RAE and the DPD still manages its co-GL's rights", async () => {
    const c = await centre();
    const token = await db.apiToken.create({ data: { personId: c.coRae.id, name: "script", tokenHash: `hash-${c.coRae.id}` } });
    const openSession = await db.$transaction((tx) => createSession(tx, { personId: c.coRae.id, ip: null, userAgent: null }));
    await setPersonBlocked({ actor: await actorOf(c.rae.id), meta, personId: c.coRae.id, isBlocked: true });
    expect((await db.person.findUniqueOrThrow({ where: { id: c.coRae.id } })).status).toBe("BLOCKED");
    // Blocking stops every way in at once (issue 9, « one state »): the session ends, the API token is suspended.
    expect((await db.session.findUniqueOrThrow({ where: { id: openSession } })).revokedAt).not.toBeNull();
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).suspendedAt).not.toBeNull();
    await grantRight({ actor: await actorOf(c.dpd.id), meta, personId: c.coGl.id, qualityId: c.AS, rightCode: "FILE_EXCHANGE" });
    expect(await db.rightGrant.count({ where: { personId: c.coGl.id, rightCode: "FILE_EXCHANGE", revokedAt: null } })).toBe(1);
  });
});
