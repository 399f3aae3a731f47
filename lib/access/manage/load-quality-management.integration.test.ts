import { randomUUID } from "node:crypto";

import { afterAll, describe, expect, it } from "vitest";

import { loadActor } from "@/lib/auth/load-actor";
import { createSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { countQueries } from "@/lib/db/query-counter";
import { localize } from "@/lib/i18n/translator";
import { ensureGrant, ensurePerson, ensureQuality, ensureRole } from "@/lib/seed/builders";
import { createCentre } from "@/tests/fixtures/people";

import { decideReviewItem, startAccessReview } from "./access-review";
import { loadPersonPage } from "./load-person-page";
import { loadQualityManagement } from "./load-quality-management";
import { removeQualityRole } from "./manage-quality-roles";

afterAll(() => db.$disconnect());

const meta = { ip: "127.0.0.1", userAgent: "roles panel" };
/** The French text a person reads when the command is refused ("accepted" otherwise). */
const frenchError = (p: Promise<unknown>) =>
  p.then(
    () => "accepted",
    (e: unknown) => localize("fr", e instanceof Error ? e.message : String(e)),
  );

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

// Each row says what the commands would accept on it (may.block: block/unblock; may.rights:
// grant/revoke a right of this quality) and whether rank is what stops the actor (isManagedAbove:
// the row shows « Géré par un responsable de niveau supérieur » instead of the buttons). Written
// by hand from DOMAIN.md (« Who may act on whom », seed 003) and docs/access-management.md:
// RAE > co-RAE > DPD > GL > co-GL > technical user > subdivision manager > users; a co-RAE does not
// act on the RAE nor a co-GL on its GL; a manager of one quality does not reach the managers of
// another; blocking ends all of a person's access, so it needs to stand above them everywhere they
// hold a role, strictly (two co-GLs do not block each other); rights of Action Sociale are granted
// by its GL and co-GL, never by the RAE level; nobody acts on themselves.
//
// Action Sociale (AS), subdivision « Service social » (svc); Employeur ONSS (ONSS).
//   Benali  user, right in AS            Noël     technical user of AS
//   Dumont  GL of AS and the DPD,        Renard   RAE, a member of svc
//           a right in ONSS              Servais  user, member of svc, right in AS
//   Lemaire co-GL of AS                  Wauters  GL of ONSS, a right in AS
//   Leroy   co-GL of AS                  Martin   subdivision manager of svc
//   Collard co-RAE (no membership of AS: not listed)
//
// AS page.  B = may block, R = may change rights, ↑ = managed above (rank), — = oneself
//             RAE      co-RAE    GL/DPD    co-GL     subdivision manager (lists svc only)
//   Benali    B        B         B R       B R
//   Dumont    B        B         —         ↑         (DPD: 80 at entity level, 70 in AS > 60)
//   Lemaire   B        B         B R       —
//   Leroy     B        B         B R       ↑         (peer co-GL: no block, no rights)
//   Martin    B        B         B R       B R       (not listed: not a member of svc)
//   Noël      B        B         B R       B R
//   Renard    —        ↑         ↑         ↑         ↑
//   Servais   B        B         B R       B R       B R
//   Wauters   B        B         R ↑       R ↑       (GL of ONSS: not blocked from AS; AS rights yes)
// ONSS page.  RAE: Dumont B R, Wauters B R.  GL of ONSS: Dumont R ↑ (the DPD), Wauters —.

async function rankScene() {
  const { entity, quality: as } = await createCentre();
  const tag = randomUUID().slice(0, 8);
  const onss = await db.$transaction((tx) => ensureQuality(tx, { entityId: entity.id, type: "EMPLOYEUR_ONSS", identifier: "012345678" }));
  const svc = await db.subdivision.create({ data: { qualityId: as.id, name: "Service social" } });
  const person = async (lastName: string, o: { role?: "RAE" | "CO_RAE" | "GL" | "CO_GL" | "TECHNICAL_USER"; in?: string; member?: boolean } = {}) => {
    const p = await db.$transaction(async (tx) => {
      const made = await ensurePerson(tx, { entityId: entity.id, email: `${lastName.toLowerCase()}-${tag}@it.cpas.be`, firstName: "Test", lastName });
      if (o.role) await ensureRole(tx, { personId: made.id, role: o.role, entityId: entity.id, ...(o.in ? { qualityId: o.in } : {}) });
      return o.member ? tx.person.update({ where: { id: made.id }, data: { subdivisionId: svc.id } }) : made;
    });
    return p;
  };
  const grant = (p: { id: string }, rightCode: "AGENT_SOCIAL" | "GESTION_CANAUX_TECHNIQUES", qualityId: string) =>
    db.$transaction((tx) => ensureGrant(tx, { personId: p.id, rightCode, entityId: entity.id, qualityId }));

  const renard = await person("Renard", { role: "RAE", member: true });
  const collard = await person("Collard", { role: "CO_RAE" });
  const dumont = await person("Dumont", { role: "GL", in: as.id });
  await db.entity.update({ where: { id: entity.id }, data: { dpdPersonId: dumont.id } });
  await grant(dumont, "GESTION_CANAUX_TECHNIQUES", onss.id);
  const lemaire = await person("Lemaire", { role: "CO_GL", in: as.id });
  await person("Leroy", { role: "CO_GL", in: as.id });
  const wauters = await person("Wauters", { role: "GL", in: onss.id });
  await grant(wauters, "AGENT_SOCIAL", as.id);
  await person("Noël", { role: "TECHNICAL_USER", in: as.id });
  const martin = await person("Martin");
  await db.$transaction((tx) =>
    ensureRole(tx, { personId: martin.id, role: "SUBDIVISION_MANAGER", entityId: entity.id, qualityId: as.id, subdivisionId: svc.id }),
  );
  await grant(await person("Benali"), "AGENT_SOCIAL", as.id);
  await grant(await person("Servais", { member: true }), "AGENT_SOCIAL", as.id);
  return { as, onss, renard, collard, dumont, lemaire, wauters, martin };
}

/** A page's rows as the table above writes them. */
function rows(r: Awaited<ReturnType<typeof loadQualityManagement>>) {
  return Object.fromEntries(
    r.people.map((p) => [p.lastName, [p.may.block && "B", p.may.rights && "R", p.isManagedAbove && "↑"].filter(Boolean).join(" ") || "—"]),
  );
}

describe("quality page: each row offers only what rank allows (lib/access/hierarchy.ts)", () => {
  it("per persona, the rows the actor may act on, and why not on the others", async () => {
    const s = await rankScene();
    const page = async (actorId: string, qualityId = s.as.id) => rows(await loadQualityManagement(await actorOf(actorId), qualityId, 1));

    expect(await page(s.renard.id)).toEqual({
      Benali: "B",
      Dumont: "B",
      Lemaire: "B",
      Leroy: "B",
      Martin: "B",
      Noël: "B",
      Renard: "—",
      Servais: "B",
      Wauters: "B",
    });
    expect(await page(s.collard.id)).toEqual({
      Benali: "B",
      Dumont: "B",
      Lemaire: "B",
      Leroy: "B",
      Martin: "B",
      Noël: "B",
      Renard: "↑",
      Servais: "B",
      Wauters: "B",
    });
    expect(await page(s.dumont.id)).toEqual({
      Benali: "B R",
      Dumont: "—",
      Lemaire: "B R",
      Leroy: "B R",
      Martin: "B R",
      Noël: "B R",
      Renard: "↑",
      Servais: "B R",
      Wauters: "R ↑",
    });
    expect(await page(s.lemaire.id)).toEqual({
      Benali: "B R",
      Dumont: "↑",
      Lemaire: "—",
      Leroy: "↑",
      Martin: "B R",
      Noël: "B R",
      Renard: "↑",
      Servais: "B R",
      Wauters: "R ↑",
    });
    expect(await page(s.martin.id)).toEqual({ Renard: "↑", Servais: "B R" });

    expect(await page(s.renard.id, s.onss.id)).toEqual({ Dumont: "B R", Wauters: "B R" });
    expect(await page(s.wauters.id, s.onss.id)).toEqual({ Dumont: "R ↑", Wauters: "—" });
  });

  it("the person's page offers block and the second-factor reset only to someone who outranks them everywhere", async () => {
    const s = await rankScene();
    const above = async (actorId: string, personId: string) => (await loadPersonPage(await actorOf(actorId), personId)).isManagedAbove;
    // The co-RAE on the RAE, the co-GL on its GL (the DPD), the GL of ONSS on the DPD: refused for rank.
    expect(await above(s.collard.id, s.renard.id)).toBe(true);
    expect(await above(s.lemaire.id, s.dumont.id)).toBe(true);
    expect(await above(s.wauters.id, s.dumont.id)).toBe(true);
    // The RAE on the DPD, the DPD on a co-GL, the co-RAE on the DPD: allowed.
    expect(await above(s.renard.id, s.dumont.id)).toBe(false);
    expect(await above(s.dumont.id, s.lemaire.id)).toBe(false);
    expect(await above(s.collard.id, s.dumont.id)).toBe(false);
    // One's own page: neither the buttons nor the text (the page has no actions for oneself).
    expect(await above(s.lemaire.id, s.lemaire.id)).toBe(false);
  });
});

// The roles panel (« Gestionnaires et utilisateur technique »): « Retirer » on a co-GL or the
// technical user. Written by hand from DOMAIN.md (« Who may act on whom ») and
// docs/access-management.md: the GL and co-GL name and remove co-GLs and the technical user, the RAE
// level too; nobody acts on themselves nor on someone ranked equal or above in the quality, except
// that fellow co-GLs remove each other (« nommer/supprimer co-GL ») and so do fellow co-RAEs' co-GL
// roles; the GL is replaced by the RAE, never removed. Ranks in Action Sociale: RAE 100, co-RAE 90,
// GL 70 (the DPD's flag counts at entity level only), co-GL 60, technical user 45.
//
//   Dumont  GL of AS and the DPD          Leroy   co-GL of AS
//   Lemaire co-GL of AS                   Masson  co-GL of AS and co-RAE (90 in AS)
//   Noël    co-GL of AS and its technical user (60 in AS)
//
// X = « Retirer » offered and accepted, ↑ = « Géré par un responsable de niveau supérieur » (the
// server refuses for rank), — = nothing (oneself: refused as such; the GL: replaced, never removed)
//                      RAE   co-RAE  GL/DPD  Lemaire  Masson
//   GL Dumont          —     —       —       —        —
//   co-GL Lemaire      X     X       X       —        X
//   co-GL Leroy        X     X       X       X        X
//   co-GL Masson       X     X       ↑       ↑        —       (co-RAE: 90; a fellow co-RAE's peer)
//   co-GL Noël         X     X       X       X        X       (a fellow co-GL)
//   technical Noël     X     X       X       ↑        X       (Noël is co-GL too: 60, no peers here)
async function rolesScene() {
  const { entity, quality: as } = await createCentre();
  const tag = randomUUID().slice(0, 8);
  const person = (lastName: string, roles: ("RAE" | "CO_RAE" | "GL" | "CO_GL" | "TECHNICAL_USER")[]) =>
    db.$transaction(async (tx) => {
      const p = await ensurePerson(tx, { entityId: entity.id, email: `${lastName.toLowerCase()}-${tag}@it.cpas.be`, firstName: "Test", lastName });
      for (const role of roles) {
        await ensureRole(tx, { personId: p.id, role, entityId: entity.id, ...(role === "RAE" || role === "CO_RAE" ? {} : { qualityId: as.id }) });
      }
      return p;
    });
  const renard = await person("Renard", ["RAE"]);
  const collard = await person("Collard", ["CO_RAE"]);
  const dumont = await person("Dumont", ["GL"]);
  await db.entity.update({ where: { id: entity.id }, data: { dpdPersonId: dumont.id } });
  const lemaire = await person("Lemaire", ["CO_GL"]);
  await person("Leroy", ["CO_GL"]);
  const masson = await person("Masson", ["CO_GL", "CO_RAE"]);
  await person("Noël", ["CO_GL", "TECHNICAL_USER"]);
  return { as, renard, collard, dumont, lemaire, masson };
}

const ROLE_ROWS = ["GL Dumont", "CO_GL Lemaire", "CO_GL Leroy", "CO_GL Masson", "CO_GL Noël", "TECHNICAL_USER Noël"];

describe("quality page: the roles panel offers « Retirer » only where removeQualityRole accepts it", () => {
  const cases = [
    ["RAE", "renard", { "GL Dumont": "—", "CO_GL Lemaire": "X", "CO_GL Leroy": "X", "CO_GL Masson": "X", "CO_GL Noël": "X", "TECHNICAL_USER Noël": "X" }],
    ["co-RAE", "collard", { "GL Dumont": "—", "CO_GL Lemaire": "X", "CO_GL Leroy": "X", "CO_GL Masson": "X", "CO_GL Noël": "X", "TECHNICAL_USER Noël": "X" }],
    ["GL (DPD)", "dumont", { "GL Dumont": "—", "CO_GL Lemaire": "X", "CO_GL Leroy": "X", "CO_GL Masson": "↑", "CO_GL Noël": "X", "TECHNICAL_USER Noël": "X" }],
    ["co-GL", "lemaire", { "GL Dumont": "—", "CO_GL Lemaire": "—", "CO_GL Leroy": "X", "CO_GL Masson": "↑", "CO_GL Noël": "X", "TECHNICAL_USER Noël": "↑" }],
    [
      "co-GL and co-RAE",
      "masson",
      { "GL Dumont": "—", "CO_GL Lemaire": "X", "CO_GL Leroy": "X", "CO_GL Masson": "—", "CO_GL Noël": "X", "TECHNICAL_USER Noël": "X" },
    ],
  ] as const;

  it.each(cases)("as the %s: the panel, and what the server answers to each row", async (_label, who, expected) => {
    const s = await rolesScene();
    const actor = await actorOf(s[who].id);
    const data = await loadQualityManagement(actor, s.as.id, 1);
    const panel = data.roles.filter((r) => !r.subdivisionId);
    const key = (r: (typeof panel)[number]) => `${r.role} ${r.person.lastName}`;
    expect(Object.fromEntries(panel.map((r) => [key(r), r.may.remove ? "X" : r.isManagedAbove ? "↑" : "—"]))).toEqual(expected);

    // The server's own answer to the same rows (French text), refusals first: they change nothing.
    const answers: Record<string, string> = {};
    const ordered = [...panel].sort(
      (a, b) => Number(expected[key(a) as keyof typeof expected] === "X") - Number(expected[key(b) as keyof typeof expected] === "X"),
    );
    for (const r of ordered) answers[key(r)] = await frenchError(removeQualityRole({ actor, meta, roleId: r.id }));
    const SELF = "Vous ne pouvez pas modifier vos propres rôles, droits ou statut.";
    const RANK =
      "Cette personne a un rôle égal ou supérieur au vôtre (RAE, co-RAE, DPD, GL ou co-GL) : seul un responsable de niveau supérieur peut modifier ses rôles, ses droits ou son statut.";
    const GL = "Le gestionnaire local ne peut pas être retiré, seulement remplacé : la qualité doit toujours avoir un GL.";
    expect(answers).toEqual(
      Object.fromEntries(
        ROLE_ROWS.map((row) => {
          const cell = expected[row as keyof typeof expected];
          return [row, row === "GL Dumont" ? GL : cell === "X" ? "accepted" : cell === "↑" ? RANK : SELF];
        }),
      ),
    );
  });
});

// The access review: « Conserver » and « Retirer » on each right under review. Written by hand from
// docs/access-management.md (« every right in force becomes an item for its managers (not for the
// holder) ») and the rank rule: the GL and co-GL of the quality and the subdivision (co-)manager in
// their subdivision decide — not the RAE level, who has no such duty; nobody on their own right;
// « Retirer » takes a right away, so only from someone the actor outranks where the right lives
// (its quality, and the holder's subdivision). Ranks in Action Sociale: co-RAE 90 everywhere, GL 70,
// co-GL 60; Martin manages « Service social » (30 there, 0 elsewhere); users 0.
//
// Each holds AGENT_SOCIAL in AS.  Servais: user, member of the subdivision.  Martin: not a member.
// K = « Conserver », R = « Retirer », ↑ = « Géré par un responsable de niveau supérieur »
//                  RAE  co-RAE  GL/DPD  co-GL Lemaire  Martin (subdivision)
//   Benali         —    —       K R     K R            —
//   Collard co-RAE —    —       K ↑     K ↑            —
//   Dumont GL/DPD  —    —       —       K ↑            —
//   Lemaire co-GL  —    —       K R     —              —
//   Leroy co-GL    —    —       K R     K ↑            —       (peers do not take rights)
//   Martin         —    —       K R     K R            —       (his own)
//   Servais        —    —       K R     K R            K R
async function reviewScene() {
  const { entity, quality: as } = await createCentre();
  const tag = randomUUID().slice(0, 8);
  const svc = await db.subdivision.create({ data: { qualityId: as.id, name: "Service social" } });
  const person = (lastName: string, o: { role?: "RAE" | "CO_RAE" | "GL" | "CO_GL" | "SUBDIVISION_MANAGER"; member?: boolean; right?: boolean }) =>
    db.$transaction(async (tx) => {
      const p = await ensurePerson(tx, { entityId: entity.id, email: `${lastName.toLowerCase()}-${tag}@it.cpas.be`, firstName: "Test", lastName });
      if (o.role) {
        const scope =
          o.role === "RAE" || o.role === "CO_RAE" ? {} : { qualityId: as.id, ...(o.role === "SUBDIVISION_MANAGER" ? { subdivisionId: svc.id } : {}) };
        await ensureRole(tx, { personId: p.id, role: o.role, entityId: entity.id, ...scope });
      }
      if (o.member) await tx.person.update({ where: { id: p.id }, data: { subdivisionId: svc.id } });
      if (o.right) await ensureGrant(tx, { personId: p.id, rightCode: "AGENT_SOCIAL", entityId: entity.id, qualityId: as.id });
      return p;
    });
  const renard = await person("Renard", { role: "RAE" });
  const collard = await person("Collard", { role: "CO_RAE", right: true });
  const dumont = await person("Dumont", { role: "GL", right: true });
  await db.entity.update({ where: { id: entity.id }, data: { dpdPersonId: dumont.id } });
  const lemaire = await person("Lemaire", { role: "CO_GL", right: true });
  await person("Leroy", { role: "CO_GL", right: true });
  const martin = await person("Martin", { role: "SUBDIVISION_MANAGER", right: true });
  await person("Benali", { right: true });
  await person("Servais", { member: true, right: true });
  await startAccessReview({ actor: await actorOf(dumont.id), meta, qualityId: as.id, deadline: new Date(Date.now() + 7 * 86_400_000) });
  return { as, renard, collard, dumont, lemaire, martin };
}

describe("quality page: the access review offers « Conserver » / « Retirer » only where decideReviewItem accepts them", () => {
  const none = { Benali: "—", Collard: "—", Dumont: "—", Lemaire: "—", Leroy: "—", Martin: "—", Servais: "—" };
  const cases = [
    ["RAE", "renard", none],
    ["co-RAE", "collard", none],
    ["GL (DPD)", "dumont", { Benali: "K R", Collard: "K ↑", Dumont: "—", Lemaire: "K R", Leroy: "K R", Martin: "K R", Servais: "K R" }],
    ["co-GL", "lemaire", { Benali: "K R", Collard: "K ↑", Dumont: "K ↑", Lemaire: "—", Leroy: "K ↑", Martin: "K R", Servais: "K R" }],
    // The subdivision manager sees only the items of his subdivision's people (Servais), as in the
    // users' list: not the names and rights of the rest of the quality.
    ["subdivision manager", "martin", { Servais: "K R" }],
  ] as const;

  it.each(cases)("as the %s: the items, and what the server answers to each decision", async (_label, who, expected) => {
    const s = await reviewScene();
    const actor = await actorOf(s[who].id);
    const { result, queries } = await countQueries(() => loadQualityManagement(actor, s.as.id, 1));
    // As before the review items knew their holders' rank: the statements of the page without a
    // review (get-dashboard.integration.test.ts: 11 for a DPD, 10 without the SoD rules for anyone
    // else) and the review's rights with their holders 2 — whose standings come in the statement
    // that reads the listed people's (people-relations.ts).
    expect(queries).toBe(who === "dumont" ? 13 : 12);
    const items = result.review!.items;
    const cell = (i: (typeof items)[number]) => [i.may.keep && "K", i.may.revoke && "R", i.isManagedAbove && "↑"].filter(Boolean).join(" ") || "—";
    expect(Object.fromEntries(items.map((i) => [i.grant!.person.lastName, cell(i)]))).toEqual(expected);

    // The server's answers to both decisions on every item (a decision only marks the item).
    const OWN = "Vous ne pouvez pas réviser vos propres droits.";
    const FORBIDDEN = "Vous n'avez pas l'autorisation d'effectuer cette action.";
    const RANK =
      "Cette personne a un rôle égal ou supérieur au vôtre (RAE, co-RAE, DPD, GL ou co-GL) : seul un responsable de niveau supérieur peut modifier ses rôles, ses droits ou son statut.";
    const answers: Record<string, string> = {};
    for (const i of items) {
      const keep = await frenchError(decideReviewItem({ actor, meta, itemId: i.id, decision: "KEEP" }));
      const revoke = await frenchError(decideReviewItem({ actor, meta, itemId: i.id, decision: "REVOKE" }));
      answers[i.grant!.person.lastName] = `${keep} / ${revoke}`;
    }
    // On one's own right the server says so — after the permission: the RAE level and Martin (his
    // right lies outside his subdivision) are told they may not decide at all.
    const refused = (name: string) => (name === s[who].lastName && (who === "dumont" || who === "lemaire") ? OWN : FORBIDDEN);
    expect(answers).toEqual(
      Object.fromEntries(
        Object.entries(expected).map(([name, c]) => [
          name,
          c === "K R" ? "accepted / accepted" : c === "K ↑" ? `accepted / ${RANK}` : `${refused(name)} / ${refused(name)}`,
        ]),
      ),
    );
  });
});
