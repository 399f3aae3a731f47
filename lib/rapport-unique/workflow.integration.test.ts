import { randomUUID } from "node:crypto";

import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/access/actor";
import { localize, localizeFieldErrors } from "@/lib/i18n/translator";
import { newTotpSecret } from "@/lib/auth/totp";
import { loadActor } from "@/lib/auth/load-actor";
import { createSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { countQueries } from "@/lib/db/query-counter";
import { isAppError } from "@/lib/errors/app-error";
import type { RightCode } from "@/lib/access/catalogue";
import { listInbox } from "@/lib/notifications/list-inbox";
import { ensureEntity, ensureGrant, ensureRole } from "@/lib/seed/builders";
import { createCentre, createPerson, randomBce } from "@/tests/fixtures/people";
import { readPdfText } from "@/tests/fixtures/read-pdf";

import type { RuContext } from "./access";
import { signedFormPdf, yearlySummaryPdf } from "./documents";
import { cpasOverview, formDetail, sppisOverview } from "./queries";
import { markReady, openCampaign, recordGrant, returnToMember, reviewForm, saveSection, signForm } from "./workflow";

// The whole Rapport unique workflow on the real PostgreSQL (issue 10). Amounts and outcomes are
// worked by hand in the comments from the 2025 definitions (lib/rapport-unique/definitions/2025.json)
// and the rules of docs/rapport-unique.md.

afterAll(() => db.$disconnect());

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
async function ctxOf(personId: string): Promise<RuContext> {
  const sessionId = await db.$transaction((tx) => createSession(tx, { personId, ip: null, userAgent: null }));
  const actor = (await loadActor(sessionId, { touch: false })) as Actor;
  return { actor, meta };
}
async function errorOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    // The French text a person reads (issue 13: messages are catalogue references).
    if (isAppError(e)) return { code: e.code, message: localize("fr", e.message), fieldErrors: localizeFieldErrors("fr", e.fieldErrors) };
    throw e;
  }
  throw new Error("expected an AppError");
}
/** The TOTP code of now; the last accepted step is cleared first, standing for the 30 s a person waits between two signatures. */
async function codeFor(person: { id: string; secret: string }) {
  await db.person.update({ where: { id: person.id }, data: { totpLastStep: null } });
  return generate({ secret: person.secret, epoch: Math.floor(Date.now() / 1000) });
}

let sppis: RuContext;
let campaignId: string;

async function centre() {
  const { entity, quality } = await createCentre();
  const person = async (label: string, right?: RightCode) => {
    const secret = newTotpSecret();
    const p = await createPerson(entity.id, { label, totpSecret: secret });
    if (right) await db.$transaction((tx) => ensureGrant(tx, { personId: p.id, rightCode: right, entityId: entity.id, qualityId: quality.id }));
    return { id: p.id, secret, name: `${label} Intégration`, ctx: await ctxOf(p.id) };
  };
  const people = {
    member: await person("Julie", "RU_MEMBRE_PERSONNEL"),
    secretary: await person("Ivan", "RU_SECRETAIRE"),
    president: await person("Hélène", "RU_PRESIDENT"),
    agent: await person("Fatima", "AGENT_SOCIAL"),
  };
  const glPerson = await createPerson(entity.id, { label: "gl" });
  await db.$transaction((tx) => ensureRole(tx, { personId: glPerson.id, role: "GL", entityId: entity.id, qualityId: quality.id }));
  const gl = await ctxOf(glPerson.id);
  const overview = await cpasOverview(people.member.ctx, 2025);
  const formId = (code: string) => overview.forms.find((f) => f.title === code || f.id === code)?.id;
  const ids = Object.fromEntries(
    (await db.ruForm.findMany({ where: { campaignId, entityId: entity.id }, select: { id: true, formCode: true } })).map((f) => [f.formCode, f.id]),
  ) as Record<string, string>;
  return { entity, quality, ...people, gl, ids, formId };
}

const grant = (bce: string, formCode: string, envelopeCode: string, amountCents: number) =>
  db.$transaction((tx) => recordGrant(tx, sppis, { campaignId, bce, formCode, envelopeCode, amountCents }));
const version = async (id: string) => (await db.ruForm.findUniqueOrThrow({ where: { id } })).version;
const hashOf = async (id: string) => (await db.ruForm.findUniqueOrThrow({ where: { id } })).contentHash!;
const food = (lines: [string, string, string][]) => ({ expenses: lines.map(([category, description, amount]) => ({ category, description, amount })) });

beforeAll(async () => {
  const org = await db.$transaction((tx) => ensureEntity(tx, { name: `SPP IS ${randomUUID().slice(0, 6)}`, bce: randomBce(), kind: "SPP_IS" }));
  const p = await createPerson(org.id, { label: "sppis" });
  await db.$transaction((tx) => ensureRole(tx, { personId: p.id, role: "SPPIS_COLLABORATOR", entityId: org.id }));
  sppis = await ctxOf(p.id);
  const existing = await db.ruCampaign.findUnique({ where: { year: 2025 } });
  campaignId = existing?.id ?? (await openCampaign({ ctx: sppis, input: { year: 2025, deadline: "2099-06-30" } })).id;
});

describe("Rapport unique — campaigns (SPP IS)", () => {
  it("opens a year only once, only with its definitions, with a deadline after the year", async () => {
    expect((await errorOf(openCampaign({ ctx: sppis, input: { year: 2025, deadline: "2026-06-30" } }))).code).toBe("CONFLICT");
    expect((await errorOf(openCampaign({ ctx: sppis, input: { year: 2031, deadline: "2032-06-30" } }))).message).toContain(
      "Aucune définition de formulaires n'existe pour l'année 2031",
    );
    expect((await errorOf(openCampaign({ ctx: sppis, input: { year: 2025, deadline: "2025-12-31" } }))).code).toBe("UNPROCESSABLE");
  });

  it("gives every centre one form per subsidy of the year (five in 2025)", async () => {
    const c = await centre();
    expect(Object.keys(c.ids).sort()).toEqual(["AIDE_ALIMENTAIRE", "FONDS_GAZ_ELECTRICITE", "FRAIS_PERSONNEL", "PARTICIPATION_ACTIVATION_SOCIALE", "PIIS"]);
  });
});

describe("Rapport unique — the whole cycle on « Aide alimentaire »", () => {
  it("encodes, refuses, signs twice, returns, corrects, signs again and is accepted", async () => {
    const c = await centre();
    const id = c.ids.AIDE_ALIMENTAIRE!;
    await grant(c.entity.bceNumber, "AIDE_ALIMENTAIRE", "AIDE_ALIMENTAIRE", 1_000_000); // 10 000,00 €

    // Text in an amount field: refused with the field named, nothing saved.
    const v1 = await version(id);
    const typo = await errorOf(
      saveSection({ ctx: c.member.ctx, input: { formId: id, version: v1, section: "AIDES", raw: food([["COLIS_DENREES", "Colis", "douze cents"]]) } }),
    );
    expect(typo.fieldErrors).toEqual({ "expenses.0.amount": [expect.stringContaining("Montant invalide")] });
    expect(await version(id)).toBe(v1);

    // An ineligible line is saved as a draft but blocks the signature, naming the line and why.
    const saved = await saveSection({
      ctx: c.member.ctx,
      input: {
        formId: id,
        version: v1,
        section: "AIDES",
        raw: food([
          ["COLIS_DENREES", "Colis", "7 000"],
          ["INVESTISSEMENT", "Frigo", "500,00"],
        ]),
      },
    });
    expect(saved.check.problems.map((p) => localize("fr", p.message))).toEqual([expect.stringContaining("Ligne 2 : « Investissement")]);
    const refused = await errorOf(markReady({ ctx: c.member.ctx, input: { formId: id, version: saved.version } }));
    expect(refused.message).toBe("Le formulaire ne peut pas aller en signature : 1 problème à corriger.");
    expect(Object.values(refused.fieldErrors!).flat()[0]).toContain("Ligne 2");

    // Fixed: 7 000,00 + 2 500,50 = 9 500,50 € of 10 000,00 € → 499,50 € not justified.
    const fixed = await saveSection({
      ctx: c.member.ctx,
      input: {
        formId: id,
        version: saved.version,
        section: "AIDES",
        raw: food([
          ["COLIS_DENREES", "Colis", "7 000"],
          ["BONS_ALIMENTAIRES", "Bons", "2 500,50"],
        ]),
      },
    });
    expect([fixed.check.justifiedCents, fixed.check.notJustifiedCents, fixed.check.ok]).toEqual([950_050, 49_950, true]);
    await markReady({ ctx: c.member.ctx, input: { formId: id, version: fixed.version } });
    // Both signers are mailed (issue 12's outbox, in the same transaction), the member is not.
    const toSign = await db.outboxMail.findMany({ where: { kind: "ru_to_sign", entityId: c.entity.id }, select: { personId: true } });
    expect(toSign.map((m) => m.personId).sort()).toEqual([c.secretary.id, c.president.id].sort());

    // The amount granted cannot change under the signers.
    expect((await errorOf(grant(c.entity.bceNumber, "AIDE_ALIMENTAIRE", "AIDE_ALIMENTAIRE", 2_000_000))).code).toBe("CONFLICT");

    // A member does not sign; a signer does not encode; a wrong code signs nothing and counts as a failure.
    expect(
      (await errorOf(signForm({ ctx: c.member.ctx, input: { formId: id, version: fixed.version, contentHash: await hashOf(id), code: "123456" } }))).code,
    ).toBe("FORBIDDEN");
    expect((await errorOf(saveSection({ ctx: c.secretary.ctx, input: { formId: id, version: fixed.version, section: "AIDES", raw: food([]) } }))).code).toBe(
      "FORBIDDEN",
    );
    const wrong = await errorOf(
      signForm({ ctx: c.secretary.ctx, input: { formId: id, version: fixed.version, contentHash: await hashOf(id), code: "000000" } }),
    );
    expect(wrong.fieldErrors?.code?.[0]).toContain("incorrect");
    expect((await db.person.findUniqueOrThrow({ where: { id: c.secretary.id } })).failedLogins).toBe(1);
    expect(await db.ruSignature.count({ where: { formId: id } })).toBe(0);

    // Secretary signs; then the member changes a line: the signature is voided and the secretary told.
    const s1 = await signForm({
      ctx: c.secretary.ctx,
      input: { formId: id, version: fixed.version, contentHash: await hashOf(id), code: await codeFor(c.secretary) },
    });
    expect(s1).toMatchObject({ sent: false });
    const changed = await saveSection({
      ctx: c.member.ctx,
      input: {
        formId: id,
        version: fixed.version,
        section: "AIDES",
        raw: food([
          ["COLIS_DENREES", "Colis", "7 000"],
          ["BONS_ALIMENTAIRES", "Bons", "2 600,50"],
        ]),
      },
    });
    expect(changed.voided).toBe(1);
    expect((await db.ruForm.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
    const inbox = await listInbox({ actor: c.secretary.ctx.actor });
    expect(inbox.messages.map((m) => localize("fr", m.title))).toContain("Rapport unique — votre signature de « Aide alimentaire » est annulée");

    // A signature on a stale version is refused.
    await markReady({ ctx: c.member.ctx, input: { formId: id, version: changed.version } });
    const stale = await errorOf(
      signForm({ ctx: c.president.ctx, input: { formId: id, version: fixed.version, contentHash: "0".repeat(64), code: await codeFor(c.president) } }),
    );
    expect(stale).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("a changé depuis que vous l'avez ouvert") });

    // Both sign: the second signature sends.
    const v = await version(id);
    await signForm({ ctx: c.president.ctx, input: { formId: id, version: v, contentHash: await hashOf(id), code: await codeFor(c.president) } });
    const sent = await signForm({ ctx: c.secretary.ctx, input: { formId: id, version: v, contentHash: await hashOf(id), code: await codeFor(c.secretary) } });
    expect(sent).toEqual({ id, sent: true, late: false });

    // The SPP IS sees it; a return needs a reason; returned, its content is hidden from the SPP IS.
    // Its title in the reviewer's language, from the campaign's definitions (read once per page).
    expect((await sppisOverview(sppis, 2025)).toReview.find((f) => f.id === id)).toMatchObject({ title: "Aide alimentaire" });
    expect((await errorOf(reviewForm({ ctx: sppis, input: { formId: id, version: await version(id), decision: "return", reason: "non" } }))).code).toBe(
      "UNPROCESSABLE",
    );
    await reviewForm({ ctx: sppis, input: { formId: id, version: await version(id), decision: "return", reason: "Joignez le détail des bons distribués." } });
    expect((await formDetail(sppis, id)).showContent).toBe(false);
    expect(await db.outboxMail.count({ where: { kind: "ru_returned", entityId: c.entity.id, personId: c.member.id } })).toBe(1);
    expect(await db.ruSignature.count({ where: { formId: id, voidedAt: null } })).toBe(0);

    // Corrected, signed again, accepted: 7 000,00 + 2 900,00 = 9 900,00 € of 10 000,00 € → 100,00 € to recover.
    const corrected = await saveSection({
      ctx: c.member.ctx,
      input: {
        formId: id,
        version: await version(id),
        section: "AIDES",
        raw: food([
          ["COLIS_DENREES", "Colis", "7 000"],
          ["BONS_ALIMENTAIRES", "Bons (détail joint)", "2 900"],
        ]),
      },
    });
    await markReady({ ctx: c.member.ctx, input: { formId: id, version: corrected.version } });
    const v2 = await version(id);
    await signForm({ ctx: c.secretary.ctx, input: { formId: id, version: v2, contentHash: await hashOf(id), code: await codeFor(c.secretary) } });
    await signForm({ ctx: c.president.ctx, input: { formId: id, version: v2, contentHash: await hashOf(id), code: await codeFor(c.president) } });
    await reviewForm({ ctx: sppis, input: { formId: id, version: await version(id), decision: "accept" } });
    const done = await db.ruForm.findUniqueOrThrow({ where: { id } });
    expect([done.status, done.justifiedCents, done.notJustifiedCents, done.carriedOverCents]).toEqual(["ACCEPTED", 990_000n, 10_000n, null]);

    // Timeline and audit trail agree, event for event.
    const events = await db.ruEvent.findMany({ where: { formId: id }, orderBy: { createdAt: "asc" } });
    const audit = await db.auditEvent.findMany({
      where: { targetType: "RuForm", targetId: id, action: { not: "rapport_unique.grant_recorded" } },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(events.map((e) => `rapport_unique.${e.kind}`));
    expect(events.map((e) => e.kind)).toEqual([
      "section_saved",
      "section_saved",
      "ready",
      "signed",
      "section_saved",
      "signatures_voided",
      "ready",
      "signed",
      "signed",
      "sent",
      "returned_by_sppis",
      "section_saved",
      "ready",
      "signed",
      "signed",
      "sent",
      "accepted",
    ]);

    // The signed PDF names both signers, the amounts and the content hash.
    const signatures = await db.ruSignature.findMany({ where: { formId: id, voidedAt: null } });
    const pdf = await readPdfText((await signedFormPdf(c.member.ctx, id)).bytes);
    expect(pdf).toContain("Ivan Intégration");
    expect(pdf).toContain("Hélène Intégration");
    expect(pdf).toContain("justifié 9 900,00 €");
    expect(pdf).toContain(signatures[0]!.contentHash);
    const summary = await readPdfText((await yearlySummaryPdf(c.member.ctx, 2025)).bytes);
    expect(summary).toContain("Aide alimentaire — Accepté par le SPP IS");
  });

  it("two signers at the same moment: both signatures count, the form is sent once", async () => {
    const c = await centre();
    const id = c.ids.PIIS!;
    await grant(c.entity.bceNumber, "PIIS", "PIIS", 5_000_000);
    const s = await saveSection({
      ctx: c.member.ctx,
      input: {
        formId: id,
        version: await version(id),
        section: "PERSONNEL",
        raw: { staff: [{ kind: "PERSON", label: "Référente", from: "2025-01-01", to: "2025-12-31", fte: "1", cost: "46 000" }] },
      },
    });
    await markReady({ ctx: c.member.ctx, input: { formId: id, version: s.version } });
    const v = await version(id);
    const h = await hashOf(id);
    const [a, b] = await Promise.all([
      signForm({ ctx: c.secretary.ctx, input: { formId: id, version: v, contentHash: h, code: await codeFor(c.secretary) } }),
      signForm({ ctx: c.president.ctx, input: { formId: id, version: v, contentHash: h, code: await codeFor(c.president) } }),
    ]);
    expect([a.sent, b.sent].sort()).toEqual([false, true]);
    expect(await db.ruSignature.count({ where: { formId: id, voidedAt: null } })).toBe(2);
    expect(await db.ruEvent.count({ where: { formId: id, kind: "sent" } })).toBe(1);
  });

  it("one person holding both roles cannot give both signatures", async () => {
    const c = await centre();
    await db.$transaction((tx) => ensureGrant(tx, { personId: c.secretary.id, rightCode: "RU_PRESIDENT", entityId: c.entity.id, qualityId: c.quality.id }));
    const both = await ctxOf(c.secretary.id);
    const id = c.ids.PIIS!;
    await grant(c.entity.bceNumber, "PIIS", "PIIS", 100);
    await markReady({ ctx: c.member.ctx, input: { formId: id, version: await version(id) } });
    const v = await version(id);
    await signForm({ ctx: both, input: { formId: id, version: v, contentHash: await hashOf(id), code: await codeFor(c.secretary), role: "SECRETAIRE" } });
    const again = await errorOf(
      signForm({ ctx: both, input: { formId: id, version: v, contentHash: await hashOf(id), code: await codeFor(c.secretary), role: "PRESIDENT" } }),
    );
    expect(again.message).toContain("la seconde signature doit venir d'une autre personne");
  });

  it("a signer returns the form to the member with a comment; nothing is sent", async () => {
    const c = await centre();
    const id = c.ids.PIIS!;
    await grant(c.entity.bceNumber, "PIIS", "PIIS", 100);
    await markReady({ ctx: c.member.ctx, input: { formId: id, version: await version(id) } });
    await returnToMember({ ctx: c.president.ctx, input: { formId: id, version: await version(id), reason: "Le coût de la référente manque." } });
    const f = await db.ruForm.findUniqueOrThrow({ where: { id } });
    expect([f.status, f.returnReason, f.sentAt]).toEqual(["DRAFT", "Le coût de la référente manque.", null]);
  });
});

describe("Rapport unique — who sees what", () => {
  it("nobody but the three roles of the centre and the SPP IS (sent forms only)", async () => {
    const c = await centre();
    const other = await centre();
    const id = c.ids.FRAIS_PERSONNEL!;
    // The centre's GL (the DPD for Action Sociale) and an Agent social see none of it.
    expect((await errorOf(formDetail(c.gl, id))).code).toBe("FORBIDDEN");
    expect((await errorOf(formDetail(c.agent.ctx, id))).code).toBe("FORBIDDEN");
    expect((await errorOf(cpasOverview(c.gl))).code).toBe("FORBIDDEN");
    // Another centre's member: as unknown as a missing id.
    expect((await errorOf(formDetail(other.member.ctx, id))).code).toBe("NOT_FOUND");
    // The SPP IS never sees a draft.
    expect((await errorOf(formDetail(sppis, id))).code).toBe("NOT_FOUND");
    // A CPAS member cannot review or record grants.
    expect((await errorOf(reviewForm({ ctx: c.member.ctx, input: { formId: id, version: 1, decision: "accept" } }))).code).toBe("NOT_FOUND");
    expect(
      (
        await errorOf(
          db.$transaction((tx) =>
            recordGrant(tx, c.member.ctx, { campaignId, bce: c.entity.bceNumber, formCode: "PIIS", envelopeCode: "PIIS", amountCents: 1 }),
          ),
        )
      ).code,
    ).toBe("NOT_FOUND");
  });

  it("the SPP IS overview counts per centre with a constant number of queries", async () => {
    const before = await countQueries(() => sppisOverview(sppis, 2025));
    for (let i = 0; i < 3; i++) await centre();
    const after = await countQueries(() => sppisOverview(sppis, 2025));
    expect(after.result.centres.length).toBeGreaterThanOrEqual(before.result.centres.length + 3);
    expect(after.queries).toBe(before.queries);
    expect(after.result.centres.every((r) => r.total === 5)).toBe(true);
  });
});

describe("Rapport unique — reminders", () => {
  it("tells the members 14 days before the deadline and the signers after 3 days of waiting, once each", async () => {
    const { remindRapportUnique } = await import("./reminders");
    const c = await centre();
    const id = c.ids.PIIS!;
    await grant(c.entity.bceNumber, "PIIS", "PIIS", 100);
    await markReady({ ctx: c.member.ctx, input: { formId: id, version: await version(id) } });
    // The campaign's deadline is 30 June 2099: on 17 June 2099 it is 13 days away. The form was marked ready 5 days ago.
    const readyAt = new Date(Date.now() - 5 * 86_400_000);
    await db.ruForm.update({ where: { id }, data: { readyAt } });
    const readyDay = readyAt.toISOString().slice(0, 10).split("-").reverse().join("/");
    const on = new Date("2099-06-17T08:00:00Z");
    expect(await remindRapportUnique(on)).toBeGreaterThanOrEqual(2);
    const titles = async (ctx: RuContext) => (await listInbox({ actor: ctx.actor })).messages.map((m) => localize("fr", m.title));
    expect(await titles(c.member.ctx)).toContain("Rapport unique 2025 — « PIIS — projet individualisé d'intégration sociale » à envoyer avant le 30/06/2099");
    // Issue 13: the same notice read by a member whose language is Dutch — the definition's Dutch title.
    const inDutch = (await listInbox({ actor: c.member.ctx.actor })).messages.map((m) => localize("nl", m.title));
    expect(inDutch).toContain("Uniek Verslag 2025 — ‘GPMI — geïndividualiseerd project voor maatschappelijke integratie’ te verzenden vóór 30/06/2099");
    expect(await titles(c.president.ctx)).toContain(
      `Rapport unique — « PIIS — projet individualisé d'intégration sociale » attend une signature depuis le ${readyDay}`,
    );
    const before = await db.notification.count({ where: { entityId: c.entity.id, kind: { startsWith: "rapport_unique." } } });
    await remindRapportUnique(on);
    expect(await db.notification.count({ where: { entityId: c.entity.id, kind: { startsWith: "rapport_unique." } } })).toBe(before);
  });
});

describe("Rapport unique — dashboards", () => {
  it("show each role's pending work, and what is late once the deadline has passed", async () => {
    const { pendingWork: work } = await import("./queries");
    // The labels are message references (issue 13): read in French, and checked in Dutch once.
    const pendingWork = async (actor: Actor, locale: "fr" | "nl" = "fr") => (await work(actor)).map((w) => ({ ...w, label: localize(locale, w.label) }));
    const c = await centre();
    const id = c.ids.PIIS!;
    await grant(c.entity.bceNumber, "PIIS", "PIIS", 100);
    await markReady({ ctx: c.member.ctx, input: { formId: id, version: await version(id) } });
    // Five forms: four to encode, one waiting for both signatures; the deadline (2099) is far.
    expect(await pendingWork(c.member.ctx.actor)).toEqual([
      { label: "Formulaires 2025 à encoder", count: 4, href: "/rapport-unique" },
      { label: "Formulaires renvoyés pour correction", count: 0, href: "/rapport-unique" },
    ]);
    expect(await pendingWork(c.secretary.ctx.actor)).toEqual([{ label: "Formulaires à signer", count: 1, href: "/rapport-unique" }]);
    expect(await pendingWork(c.secretary.ctx.actor, "nl")).toEqual([{ label: "Te ondertekenen formulieren", count: 1, href: "/rapport-unique" }]);
    expect(await pendingWork(c.gl.actor)).toEqual([]);
    // Issue 15: one statement for the latest campaign and its figures, whatever the role.
    expect((await countQueries(() => work(c.member.ctx.actor))).queries).toBe(1);
    expect((await countQueries(() => work(c.secretary.ctx.actor))).queries).toBe(1);
    expect((await countQueries(() => work(sppis.actor))).queries).toBe(1);
    const campaign = await db.ruCampaign.findUniqueOrThrow({ where: { year: 2025 } });
    await db.ruCampaign.update({ where: { id: campaign.id }, data: { deadline: new Date("2020-01-31T00:00:00Z") } });
    try {
      expect(await pendingWork(c.member.ctx.actor)).toContainEqual({ label: "Formulaires en retard (échéance dépassée)", count: 5, href: "/rapport-unique" });
      const sppisWork = await pendingWork(sppis.actor);
      expect(sppisWork.find((w) => w.label === "CPAS en retard (échéance dépassée)")!.count).toBeGreaterThanOrEqual(1);
    } finally {
      await db.ruCampaign.update({ where: { id: campaign.id }, data: { deadline: campaign.deadline } });
    }
  });
});
