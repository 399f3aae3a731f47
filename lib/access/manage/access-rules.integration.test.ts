import { afterAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/access/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { createSession } from "@/lib/auth/sessions";
import { open } from "@/lib/crypto/keys";
import { startPasswordStep } from "@/lib/auth/sign-in/start-password-step";
import { loadEntityOverview } from "@/lib/dashboard/load-entity-overview";
import { db } from "@/lib/db/client";
import { localize } from "@/lib/i18n/translator";
import type { RoleKind } from "@/lib/generated/prisma/enums";
import { ensureGrant, ensureRole } from "@/lib/seed/builders";
import { createCentre, createPerson, PASSWORD } from "@/tests/fixtures/people";

import { acceptInvitation, findUsableInvitation } from "./accept-invitation";
import { closeAccessReview, decideReviewItem, startAccessReview } from "./access-review";
import { designateLocalManager } from "./designate-local-manager";
import { grantRight, revokeRight } from "./grant-right";
import { inviteUser } from "./invite-user";
import { changeCoRae } from "./manage-co-rae";
import { removeQualityRole } from "./manage-quality-roles";
import { addSodRule } from "./manage-sod-rules";
import { setEntityDpd } from "./set-entity-dpd";
import { setPersonBlocked } from "./set-person-blocked";

const meta = { ip: "127.0.0.1", userAgent: "rules" };
afterAll(() => db.$disconnect());

/** The French text a person reads when the command is refused (written by hand in the assertions). */
const frenchError = (p: Promise<unknown>) =>
  p.then(
    () => "accepted",
    (e: unknown) => localize("fr", e instanceof Error ? e.message : String(e)),
  );

async function actorWith(entityId: string, role: RoleKind | null, scope: { qualityId?: string } = {}) {
  const p = await createPerson(entityId, { label: role?.toLowerCase() ?? "user" });
  if (role) await db.$transaction((tx) => ensureRole(tx, { personId: p.id, role, entityId, ...scope }));
  const sid = await db.$transaction((tx) => createSession(tx, { personId: p.id, ip: null, userAgent: null }));
  return { person: p, sessionId: sid, actor: (await loadActor(sid, { touch: false })) as Actor };
}

const reload = async (sid: string) => (await loadActor(sid, { touch: false })) as Actor;

describe("rules that must be impossible to break", () => {
  it("the GL of Action Sociale must be the DPD; a DPD change marks the designation non-compliant", async () => {
    const { entity, quality } = await createCentre();
    const rae = await actorWith(entity.id, "RAE");
    const dpd = await createPerson(entity.id, { label: "dpd" });
    const other = await createPerson(entity.id, { label: "autre" });
    expect(await frenchError(designateLocalManager({ actor: rae.actor, meta, qualityId: quality.id, personId: other.id }))).toContain(
      "Le gestionnaire local de la qualité Action Sociale doit être le DPD",
    );
    await setEntityDpd({ actor: rae.actor, meta, personId: dpd.id });
    await designateLocalManager({ actor: rae.actor, meta, qualityId: quality.id, personId: dpd.id });
    expect((await loadEntityOverview(entity.id)).qualities.find((q) => q.id === quality.id)?.isGlCompliant).toBe(true);
    await setEntityDpd({ actor: rae.actor, meta, personId: other.id });
    expect((await loadEntityOverview(entity.id)).qualities.find((q) => q.id === quality.id)?.isGlCompliant).toBe(false);
    expect(await db.roleAssignment.count({ where: { qualityId: quality.id, role: "GL", revokedAt: null } })).toBe(1);
  });

  it("the GL of an active quality cannot be removed, only replaced", async () => {
    const { entity, quality } = await createCentre();
    const rae = await actorWith(entity.id, "RAE");
    const gl = await actorWith(entity.id, "GL", { qualityId: quality.id });
    const role = await db.roleAssignment.findFirstOrThrow({ where: { personId: gl.person.id, role: "GL" } });
    await expect(removeQualityRole({ actor: rae.actor, meta, roleId: role.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a co-RAE cannot block or delete the RAE", async () => {
    const { entity } = await createCentre();
    const rae = await actorWith(entity.id, "RAE");
    const coRae = await actorWith(entity.id, "CO_RAE");
    const raeRole = await db.roleAssignment.findFirstOrThrow({ where: { personId: rae.person.id, role: "RAE" } });
    await expect(changeCoRae({ actor: coRae.actor, meta, roleId: raeRole.id, change: "delete" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(changeCoRae({ actor: coRae.actor, meta, roleId: raeRole.id, change: "block" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.roleAssignment.count({ where: { id: raeRole.id, revokedAt: null, isBlocked: false } })).toBe(1);
  });

  it("nobody escalates themselves or grants above their own", async () => {
    const { entity, quality } = await createCentre();
    const gl = await actorWith(entity.id, "GL", { qualityId: quality.id });
    const coGl = await actorWith(entity.id, "CO_GL", { qualityId: quality.id });
    await expect(grantRight({ actor: gl.actor, meta, personId: gl.person.id, qualityId: quality.id, rightCode: "AGENT_SOCIAL" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const user = await createPerson(entity.id);
    // Only the DPD hands out the security advisor's right.
    expect(await frenchError(grantRight({ actor: coGl.actor, meta, personId: user.id, qualityId: quality.id, rightCode: "CONSEILLER_SECURITE" }))).toContain(
      "Seul le DPD",
    );
    // A subdivision manager grants only rights they hold, only inside their subdivision.
    const sub = await db.subdivision.create({ data: { qualityId: quality.id, name: "S" } });
    const mgr = await actorWith(entity.id, null);
    await db.$transaction((tx) =>
      ensureRole(tx, { personId: mgr.person.id, role: "SUBDIVISION_MANAGER", entityId: entity.id, qualityId: quality.id, subdivisionId: sub.id }),
    );
    await db.person.update({ where: { id: user.id }, data: { subdivisionId: sub.id } });
    const mgrActor = await reload(mgr.sessionId);
    expect(await frenchError(grantRight({ actor: mgrActor, meta, personId: user.id, qualityId: quality.id, rightCode: "EBOX_INSTITUTION" }))).toContain(
      "que vous détenez",
    );
    expect(await db.rightGrant.count({ where: { personId: user.id } })).toBe(0);
  });

  it("refuses an end date before the start date and a duplicate grant", async () => {
    const { entity, quality } = await createCentre();
    const gl = await actorWith(entity.id, "GL", { qualityId: quality.id });
    const user = await createPerson(entity.id);
    await expect(
      grantRight({
        actor: gl.actor,
        meta,
        personId: user.id,
        qualityId: quality.id,
        rightCode: "AGENT_SOCIAL",
        validFrom: new Date("2026-12-01"),
        validUntil: new Date("2026-11-01"),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await grantRight({ actor: gl.actor, meta, personId: user.id, qualityId: quality.id, rightCode: "AGENT_SOCIAL" });
    await expect(grantRight({ actor: gl.actor, meta, personId: user.id, qualityId: quality.id, rightCode: "AGENT_SOCIAL" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("a revoked or expired right stops working on the very next request", async () => {
    const { entity, quality } = await createCentre();
    const gl = await actorWith(entity.id, "GL", { qualityId: quality.id });
    const user = await actorWith(entity.id, null);
    const grant = await grantRight({ actor: gl.actor, meta, personId: user.person.id, qualityId: quality.id, rightCode: "AGENT_SOCIAL" });
    expect((await reload(user.sessionId)).rights.map((r) => r.code)).toEqual(["AGENT_SOCIAL"]);
    await revokeRight({ actor: gl.actor, meta, grantId: grant.id });
    expect((await reload(user.sessionId)).rights).toEqual([]);
    await db.$transaction((tx) =>
      ensureGrant(tx, {
        personId: user.person.id,
        rightCode: "RU_PRESIDENT",
        entityId: entity.id,
        qualityId: quality.id,
        validUntil: new Date(Date.now() - 1000),
      }),
    );
    expect((await reload(user.sessionId)).rights).toEqual([]);
  });

  it("a blocked user's sessions end and they cannot sign in", async () => {
    const { entity, quality } = await createCentre();
    const gl = await actorWith(entity.id, "GL", { qualityId: quality.id });
    const user = await actorWith(entity.id, null);
    await db.$transaction((tx) => ensureGrant(tx, { personId: user.person.id, rightCode: "AGENT_SOCIAL", entityId: entity.id, qualityId: quality.id }));
    await setPersonBlocked({ actor: gl.actor, meta, personId: user.person.id, isBlocked: true });
    expect(await loadActor(user.sessionId, { touch: false })).toBeNull();
    expect(await startPasswordStep({ email: user.person.email, password: PASSWORD, meta })).toEqual({ ok: false });
  });

  it("segregation of duties: a forbidden pair is refused, a justified pair is recorded", async () => {
    const { entity, quality } = await createCentre();
    const gl = await actorWith(entity.id, "GL", { qualityId: quality.id });
    await db.entity.update({ where: { id: entity.id }, data: { dpdPersonId: gl.person.id } });
    const dpd = await reload(gl.sessionId);
    await addSodRule({ actor: dpd, meta, rightA: "AGENT_SOCIAL", rightB: "GESTION_PRIMAWEB", mode: "FORBID" });
    await addSodRule({ actor: dpd, meta, rightA: "RU_SECRETAIRE", rightB: "AGENT_SOCIAL", mode: "JUSTIFY" });
    const user = await createPerson(entity.id);
    await grantRight({ actor: dpd, meta, personId: user.id, qualityId: quality.id, rightCode: "AGENT_SOCIAL" });
    expect(await frenchError(grantRight({ actor: dpd, meta, personId: user.id, qualityId: quality.id, rightCode: "GESTION_PRIMAWEB" }))).toContain(
      "Séparation des fonctions",
    );
    expect(await frenchError(grantRight({ actor: dpd, meta, personId: user.id, qualityId: quality.id, rightCode: "RU_SECRETAIRE" }))).toContain(
      "justification",
    );
    const g = await grantRight({
      actor: dpd,
      meta,
      personId: user.id,
      qualityId: quality.id,
      rightCode: "RU_SECRETAIRE",
      justification: "Petit CPAS : une seule personne.",
    });
    expect(g.justification).toBe("Petit CPAS : une seule personne.");
  });

  it("an invitation works once, not after it expired, and refuses a duplicate e-mail", async () => {
    const { entity, quality } = await createCentre();
    const gl = await actorWith(entity.id, "GL", { qualityId: quality.id });
    const email = `invite-${Date.now()}@it.cpas.be`;
    const inv = await inviteUser({ actor: gl.actor, meta, qualityId: quality.id, firstName: "Ines", lastName: "Vit", email });
    await expect(inviteUser({ actor: gl.actor, meta, qualityId: quality.id, firstName: "X", lastName: "Y", email: email.toUpperCase() })).rejects.toMatchObject(
      { code: "CONFLICT" },
    );
    await expect(acceptInvitation({ token: inv.token, password: "court", meta })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await acceptInvitation({ token: inv.token, password: "Bienvenue-Au-CPAS-1", meta });
    await expect(acceptInvitation({ token: inv.token, password: "Bienvenue-Au-CPAS-2", meta })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.person.findUniqueOrThrow({ where: { id: inv.personId } })).status).toBe("ACTIVE");

    const late = await inviteUser({ actor: gl.actor, meta, qualityId: quality.id, firstName: "Tard", lastName: "Y", email: `late-${Date.now()}@it.cpas.be` });
    await db.invitation.updateMany({ where: { personId: late.personId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findUsableInvitation(late.token)).toBeNull();
    await expect(acceptInvitation({ token: late.token, password: "Bienvenue-Au-CPAS-1", meta })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("an invitation sets the invitee's language: the one chosen, else the inviting manager's (issue 13), and audits it", async () => {
    const { entity, quality } = await createCentre();
    const gl = await actorWith(entity.id, "GL", { qualityId: quality.id });
    const dutch = await inviteUser({
      actor: gl.actor,
      meta,
      qualityId: quality.id,
      firstName: "Joke",
      lastName: "Peeters",
      email: `nl-${Date.now()}@it.cpas.be`,
      language: "nl",
    });
    expect((await db.person.findUniqueOrThrow({ where: { id: dutch.personId } })).language).toBe("nl");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "access.user_invited", targetId: dutch.personId } });
    expect(audit.after).toMatchObject({ language: "nl" });
    // The invitation mail names the quality in the invitee's language.
    const mail = await db.outboxMail.findFirstOrThrow({ where: { personId: dutch.personId, kind: "invitation" } });
    expect(open(mail.bodySealed!)).toContain("Maatschappelijk Welzijn");

    const dutchManager = { ...gl.actor, language: "nl" as const };
    const byDefault = await inviteUser({
      actor: dutchManager,
      meta,
      qualityId: quality.id,
      firstName: "Wim",
      lastName: "Claes",
      email: `def-${Date.now()}@it.cpas.be`,
    });
    expect((await db.person.findUniqueOrThrow({ where: { id: byDefault.personId } })).language).toBe("nl");
    const french = await inviteUser({
      actor: gl.actor,
      meta,
      qualityId: quality.id,
      firstName: "Anne",
      lastName: "Lenoir",
      email: `fr-${Date.now()}@it.cpas.be`,
    });
    expect((await db.person.findUniqueOrThrow({ where: { id: french.personId } })).language).toBe(gl.actor.language);
  });

  it("an access review lists every right, records decisions and revokes on closing", async () => {
    const { entity, quality } = await createCentre();
    const gl = await actorWith(entity.id, "GL", { qualityId: quality.id });
    await db.entity.update({ where: { id: entity.id }, data: { dpdPersonId: gl.person.id } });
    const dpd = await reload(gl.sessionId);
    const coGl = await actorWith(entity.id, "CO_GL", { qualityId: quality.id });
    const [u1, u2] = [await createPerson(entity.id), await createPerson(entity.id)];
    const g1 = await grantRight({ actor: dpd, meta, personId: u1.id, qualityId: quality.id, rightCode: "AGENT_SOCIAL" });
    await grantRight({ actor: dpd, meta, personId: u2.id, qualityId: quality.id, rightCode: "AGENT_SOCIAL" });
    const { review, items } = await startAccessReview({ actor: dpd, meta, qualityId: quality.id, deadline: new Date(Date.now() + 86_400_000) });
    expect(items).toBe(2);
    // Issue 12: the reviewers are told by mail (the co-GL), not the DPD who started it.
    expect(await db.outboxMail.count({ where: { personId: coGl.person.id, kind: "access_review_due" } })).toBe(1);
    expect(await db.outboxMail.count({ where: { personId: gl.person.id, kind: "access_review_due" } })).toBe(0);
    const item = await db.accessReviewItem.findFirstOrThrow({ where: { reviewId: review.id, grantId: g1.id } });
    await decideReviewItem({ actor: coGl.actor, meta, itemId: item.id, decision: "REVOKE" });
    expect(await closeAccessReview({ actor: dpd, meta, reviewId: review.id })).toEqual({ revoked: 1, unanswered: 1 });
    expect((await db.rightGrant.findUniqueOrThrow({ where: { id: g1.id } })).revokedAt).not.toBeNull();
  });
});
