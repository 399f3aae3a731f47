import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { answerRequest, calculateRequest, createRequest, sendRequest, takeRequest } from "@/lib/c607/requests";
import { cpasAgent, newKey, onemCollaborator, sampleContent } from "@/lib/c607/requests/test-fixtures";
import { db } from "@/lib/db/client";
import { mailExpiringRights } from "@/lib/jobs/mail-expiring-rights";
import { mailOnemDeadlines } from "@/lib/jobs/mail-onem-deadlines";
import { sendDailyDigests } from "@/lib/jobs/send-daily-digests";
import { mailSettings } from "@/lib/mail/settings";
import { makeTestCertificate, startTestSmtpServer, waitForMail, type TestSmtpServer } from "@/tests/mail/smtp-test-server";
import { ensureGrant, ensureRole } from "@/lib/seed/builders";
import { createCentre, createPerson } from "@/tests/fixtures/people";

import { mailWorkNotification } from "./notify-work";
import { startBackgroundWorker, type BackgroundWorker } from "./worker";

// Issue 12: work notifications, written in the domain change's transaction, sent over real SMTP.
process.env.NEXTAUTH_URL = "https://portail.it.cpas.be";

let smtp: TestSmtpServer;
let worker: BackgroundWorker;
beforeAll(async () => {
  const certificate = makeTestCertificate();
  smtp = await startTestSmtpServer({ certificate });
  const mail = mailSettings({
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    SMTP_ALLOW_INSECURE: "false",
    SMTP_TLS_CA_FILE: certificate.caFile,
    MAIL_FROM: "portail@it.cpas.be",
    NEXTAUTH_URL: "https://portail.it.cpas.be",
  });
  worker = await startBackgroundWorker({ connectionString: process.env.DATABASE_URL!, mail, pollInterval: 300 });
});
afterAll(async () => {
  await worker.stop();
  await smtp.stop();
});

describe("C60.7 answered", () => {
  it("mails the agent who wrote the request: its reference and a link, never the worker's national number", async () => {
    const { ctx: cpas } = await cpasAgent();
    const onem = await onemCollaborator();
    const created = await createRequest({ ctx: cpas, input: { clientKey: newKey(), content: sampleContent({ shift: 400 }) } });
    const sent = await sendRequest({ ctx: cpas, id: created.id, input: { version: created.version } });
    const taken = await takeRequest({ ctx: onem, id: created.id, input: { version: sent.version } });
    const calculated = await calculateRequest({ ctx: onem, id: created.id, input: { version: taken.version } });
    await answerRequest({ ctx: onem, id: created.id, input: { version: calculated.version, decision: "VALIDATE" } });

    const agent = await db.person.findUniqueOrThrow({ where: { id: cpas.actor.personId } });
    const request = await db.c607Request.findUniqueOrThrow({ where: { id: created.id } });
    const mail = await waitForMail(
      () => smtp.received,
      (all) => all.find((m) => m.envelopeTo.includes(agent.email)),
    );
    expect(mail.parsed.subject).toMatch(/^Demande C60\.7 : réponse de l'ONEM — CPAS intégration/);
    expect(mail.parsed.text).toContain(request.reference);
    expect(mail.parsed.text).toContain(`https://portail.it.cpas.be/c607/${created.id}`);
    expect(mail.raw).not.toMatch(/85\.?07\.?30-?033\.?28|85073003328/);
    expect(mail.raw).not.toContain("Dupont");
  });
});

describe("the recipient's language (issue 13)", () => {
  it("writes each recipient's mail in their own Person.language: Dutch for one, French for the other", async () => {
    const { entity } = await createCentre();
    const dutch = await createPerson(entity.id, { label: "nederlandstalig" });
    const french = await createPerson(entity.id, { label: "francophone" });
    await db.person.update({ where: { id: dutch.id }, data: { language: "nl" } });
    await db.$transaction((tx) =>
      mailWorkNotification(tx, {
        kind: "fileexchange_received",
        entityId: entity.id,
        recipientIds: [dutch.id, french.id],
        title: "verslag.pdf",
        path: "/fileexchange",
      }),
    );
    const inDutch = await waitForMail(
      () => smtp.received,
      (all) => all.find((m) => m.envelopeTo.includes(dutch.email)),
    );
    expect(inDutch.parsed.subject).toMatch(/^FileExchange: bestand ontvangen — /);
    expect(inDutch.parsed.text).toContain("Er werd een bestand ontvangen: verslag.pdf.");
    expect(inDutch.parsed.text).toContain("Dit bericht wordt automatisch door het portaal verstuurd: antwoord er niet op.");
    const inFrench = await waitForMail(
      () => smtp.received,
      (all) => all.find((m) => m.envelopeTo.includes(french.email)),
    );
    expect(inFrench.parsed.subject).toMatch(/^FileExchange : fichier reçu — /);
    expect(inFrench.parsed.text).toContain("Un fichier a été reçu : verslag.pdf.");
  });
});

describe("preferences", () => {
  it("at once, in the daily digest, or not at all — per person and kind", async () => {
    const { entity } = await createCentre();
    const now = await createPerson(entity.id, { label: "tout-de-suite" });
    const digest = await createPerson(entity.id, { label: "resume" });
    const off = await createPerson(entity.id, { label: "jamais" });
    const blocked = await createPerson(entity.id, { label: "bloque" });
    await db.person.update({ where: { id: blocked.id }, data: { status: "BLOCKED" } });
    await db.mailPreference.createMany({
      data: [
        { personId: digest.id, kind: "fileexchange_received", delivery: "DIGEST" },
        { personId: off.id, kind: "fileexchange_received", delivery: "OFF" },
      ],
    });
    const other = await createCentre();
    const stranger = await createPerson(other.entity.id, { label: "autre-centre" });
    const ids = [now.id, digest.id, off.id, blocked.id, stranger.id];
    for (const title of ["rapport-1.pdf", "rapport-2.pdf"]) {
      await db.$transaction((tx) =>
        mailWorkNotification(tx, { kind: "fileexchange_received", entityId: entity.id, recipientIds: ids, title, path: "/fileexchange" }),
      );
    }
    const queued = await db.outboxMail.findMany({ where: { personId: { in: ids } } });
    // Only the active person of the centre who chose « at once »: the blocked one and another centre's person get nothing.
    expect(queued.map((q) => q.personId)).toEqual([now.id, now.id]);
    expect(await db.mailDigestItem.count({ where: { personId: digest.id, digestedAt: null } })).toBe(2);

    await sendDailyDigests();
    expect(await db.mailDigestItem.count({ where: { personId: digest.id, digestedAt: null } })).toBe(0);
    const mail = await waitForMail(
      () => smtp.received,
      (all) => all.find((m) => m.envelopeTo.includes(digest.email)),
    );
    expect(mail.parsed.subject).toMatch(/^Résumé du jour : 2 notifications/);
    expect(mail.parsed.text).toContain("Fichier reçu dans FileExchange : rapport-1.pdf");
    expect(mail.parsed.text).toContain("rapport-2.pdf");
    // A second run finds nothing left: the digest is never sent twice.
    await sendDailyDigests();
    expect(await db.outboxMail.count({ where: { personId: digest.id } })).toBe(1);
  });
});

describe("rights expiring", () => {
  it("tells the quality's GL and co-GL once, 14 days before the end; not the holder, not for a later end", async () => {
    const { entity, quality } = await createCentre();
    const gl = await createPerson(entity.id, { label: "gl" });
    const coGl = await createPerson(entity.id, { label: "cogl" });
    const holder = await createPerson(entity.id, { label: "titulaire" });
    const later = await createPerson(entity.id, { label: "plus-tard" });
    const slot = new Date("2031-03-02T05:55:00Z");
    await db.$transaction(async (tx) => {
      await ensureRole(tx, { personId: gl.id, role: "GL", entityId: entity.id, qualityId: quality.id });
      await ensureRole(tx, { personId: coGl.id, role: "CO_GL", entityId: entity.id, qualityId: quality.id });
      await ensureGrant(tx, { personId: holder.id, rightCode: "AGENT_SOCIAL", entityId: entity.id, qualityId: quality.id });
      await ensureGrant(tx, { personId: later.id, rightCode: "AGENT_SOCIAL", entityId: entity.id, qualityId: quality.id });
    });
    await db.rightGrant.updateMany({ where: { personId: holder.id }, data: { validUntil: new Date("2031-03-16T12:00:00Z") } });
    await db.rightGrant.updateMany({ where: { personId: later.id }, data: { validUntil: new Date("2031-03-20T12:00:00Z") } });

    await mailExpiringRights(slot);
    const rows = await db.outboxMail.findMany({ where: { entityId: entity.id, kind: "right_expiring" } });
    expect(rows.map((r) => r.personId).sort()).toEqual([gl.id, coGl.id].sort());
    // The next day's slot does not tell it again.
    await mailExpiringRights(new Date(slot.getTime() + 86_400_000));
    expect(await db.outboxMail.count({ where: { entityId: entity.id, kind: "right_expiring" } })).toBe(2);
    const mail = await waitForMail(
      () => smtp.received,
      (all) => all.find((m) => m.envelopeTo.includes(gl.email)),
    );
    expect(mail.parsed.text).toContain("« Agent Social » de titulaire Intégration, jusqu'au 16 mars 2031");
  });
});

describe("ONEM deadlines", () => {
  it("mails every collaborator the day before an untaken request's deadline, and only its taker the day after", async () => {
    const { ctx: cpas } = await cpasAgent();
    const onem = await onemCollaborator();
    const other = await onemCollaborator();
    const created = await createRequest({ ctx: cpas, input: { clientKey: newKey(), content: sampleContent({ shift: 500 }) } });
    await sendRequest({ ctx: cpas, id: created.id, input: { version: created.version } });
    await db.c607Request.update({ where: { id: created.id }, data: { deadline: new Date("2031-06-11T00:00:00Z") } });
    const mailsOf = (personId: string, kind: string) => db.outboxMail.count({ where: { personId, kind } });

    await mailOnemDeadlines(new Date("2031-06-10T05:50:00Z"));
    expect(await mailsOf(onem.actor.personId, "c607_deadline_near")).toBe(1);
    expect(await mailsOf(other.actor.personId, "c607_deadline_near")).toBe(1);

    const sent = await db.c607Request.findUniqueOrThrow({ where: { id: created.id } });
    await takeRequest({ ctx: onem, id: created.id, input: { version: sent.version } });
    await mailOnemDeadlines(new Date("2031-06-12T05:50:00Z"));
    expect(await mailsOf(onem.actor.personId, "c607_deadline_passed")).toBe(1);
    expect(await mailsOf(other.actor.personId, "c607_deadline_passed")).toBe(0);
    // The CPAS agent is never told the ONEM side's deadlines.
    expect(await db.outboxMail.count({ where: { personId: cpas.actor.personId, kind: { startsWith: "c607_deadline" } } })).toBe(0);
  });
});
