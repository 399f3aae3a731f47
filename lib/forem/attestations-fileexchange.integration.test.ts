import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { localize } from "@/lib/i18n/translator";
import { encryptBytes } from "@/lib/forem/crypto";

import { createAttestation } from "./attestations/create-attestation";
import { getAttestationPdf } from "./attestations/get-attestation-pdf";
import { listAttestations } from "./attestations/list-attestations";
import { ZCreateContract } from "./contracts/contract-schema";
import { createContract } from "./contracts/create-contract";
import { todayInBrussels } from "./dates";
import { downloadFile } from "./fileexchange/download-file";
import { listFileExchange } from "./fileexchange/list-files";
import { fileExchangeSettings, purgeExpiredTransfers, saveFileExchangeSettings, ZFileExchangeSettings } from "./fileexchange/partners";
import { sendFile } from "./fileexchange/send-file";
import { actorOf, centreWithStaff, META } from "./testing/actors";
import { uniqueNiss } from "./testing/make-niss";

afterAll(() => db.$disconnect());

async function expectCode(p: Promise<unknown>, code: string) {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error) && error.code).toBe(code);
}

let a: Awaited<ReturnType<typeof centreWithStaff>>;
let b: Awaited<ReturnType<typeof centreWithStaff>>;
beforeAll(async () => {
  [a, b] = await Promise.all([centreWithStaff(), centreWithStaff()]);
});

async function workerWithContracts(staff: typeof a) {
  const base = { niss: uniqueNiss(), firstName: "Léa", lastName: "Martin", regime: "FULL_TIME" };
  const c1 = await createContract({
    actor: staff.agent,
    meta: META,
    input: ZCreateContract.parse({ ...base, kind: "ART_60_7", startDate: "2024-03-01", plannedEndDate: "2025-02-28", actualEndDate: "2025-02-28" }),
  });
  await createContract({
    actor: staff.agent,
    meta: META,
    input: ZCreateContract.parse({ ...base, kind: "ART_61", employerName: "Boulangerie du Coin", startDate: "2025-06-01", plannedEndDate: "2026-05-31" }),
  });
  return c1.workerId;
}

describe("attestations", () => {
  it("numbers ATT-YYYY-NNNN per centre without gaps or duplicates under concurrency", async () => {
    const workerId = await workerWithContracts(a);
    const input = { workerId, place: "Namur", signatory: "Anne Directrice" };
    const made = await Promise.all(Array.from({ length: 6 }, () => createAttestation({ actor: a.agent, input, meta: META })));
    const year = todayInBrussels().slice(0, 4);
    expect(made.map((m) => m.number).sort()).toEqual([1, 2, 3, 4, 5, 6].map((n) => `ATT-${year}-000${n}`));
    // Centre B starts its own sequence.
    const other = await createAttestation({ actor: b.agent, input: { ...input, workerId: await workerWithContracts(b) }, meta: META });
    expect(other.number).toBe(`ATT-${year}-0001`);
    expect((await listAttestations({ actor: a.gl })).map((x) => x.number)).toHaveLength(6);
    expect(await db.auditEvent.count({ where: { targetId: { in: made.map((m) => m.id) }, action: "attestation.created" } })).toBe(6);
  });

  it("renders the PDF from the frozen periods, only for the same centre", async () => {
    const workerId = await workerWithContracts(a);
    const att = await createAttestation({
      actor: a.agent,
      input: { workerId, place: "Namur", signatory: "Anne Directrice", reason: "Engagement urgent" },
      meta: META,
    });
    expect(att.periods).toMatchObject({
      version: 1,
      worker: { lastName: "Martin" },
      periods: [
        { kind: "ART_60_7", isEnded: true, endDate: "2025-02-28" },
        { kind: "ART_61", isEnded: false, employerName: "Boulangerie du Coin" },
      ],
    });
    const pdf = await getAttestationPdf({ actor: a.agent, id: att.id, meta: META });
    expect((await PDFDocument.load(pdf.bytes)).getTitle()).toBe(`Attestation ${att.number}`);
    expect(pdf.fileName).toBe(`attestation-${att.number}.pdf`);
    await expectCode(getAttestationPdf({ actor: b.agent, id: att.id, meta: META }), "NOT_FOUND");
    await expectCode(getAttestationPdf({ actor: a.other, id: att.id, meta: META }), "NOT_FOUND");
    await expectCode(createAttestation({ actor: b.agent, input: { workerId, place: "X", signatory: "Y" }, meta: META }), "NOT_FOUND");
    await expectCode(createAttestation({ actor: a.rae, input: { workerId, place: "X", signatory: "Y" }, meta: META }), "NOT_FOUND");
  });
});

/** The centre's GL made its DPD (the CPAS rule), loaded again as an actor. */
async function dpdOf(staff: typeof a) {
  await db.entity.update({ where: { id: staff.entity.id }, data: { dpdPersonId: staff.gl.personId } });
  return actorOf(staff.gl.personId);
}

describe("FileExchange", () => {
  const cipher = async () => encryptBytes(new TextEncoder().encode("contenu confidentiel"), "mot-de-passe-long-2026");

  beforeAll(async () => {
    await saveFileExchangeSettings({ actor: await dpdOf(a), meta: META, input: { partnerEntityIds: [b.entity.id], retentionDays: 30 } });
  });

  it("sends only to the partners the DPD allowed; only the DPD changes the list, audited before/after", async () => {
    const third = await centreWithStaff();
    const bytes = await cipher();
    const toThird = { toEntityId: third.entity.id, fileName: "x.enc" };
    const refused = await sendFile({ actor: a.exchanger, input: toThird, bytes, meta: META }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isAppError(refused) && refused.code).toBe("UNPROCESSABLE");
    // Messages are catalogue references (issue 13): their French and Dutch text, written by hand.
    expect(isAppError(refused) && localize("fr", refused.message)).toBe(
      "Cette organisation n'est pas dans la liste des partenaires autorisés par le DPD de votre centre.",
    );
    expect(isAppError(refused) && localize("nl", refused.message)).toBe(
      "Deze organisatie staat niet op de lijst van partners die de DPO van uw centrum heeft toegestaan.",
    );
    expect((await listFileExchange({ actor: a.exchanger })).partners.map((p) => p.id)).toEqual([b.entity.id]);

    // Only the DPD; bad input changes nothing.
    const input = { partnerEntityIds: [b.entity.id, third.entity.id], retentionDays: 7 };
    await expectCode(saveFileExchangeSettings({ actor: a.exchanger, meta: META, input }), "FORBIDDEN");
    await expectCode(saveFileExchangeSettings({ actor: third.gl, meta: META, input }), "FORBIDDEN");
    const dpd = await dpdOf(a);
    await expectCode(saveFileExchangeSettings({ actor: dpd, meta: META, input: { ...input, partnerEntityIds: [a.entity.id] } }), "BAD_REQUEST");
    await expectCode(saveFileExchangeSettings({ actor: dpd, meta: META, input: { ...input, partnerEntityIds: [crypto.randomUUID()] } }), "BAD_REQUEST");
    expect(ZFileExchangeSettings.safeParse({ partnerEntityIds: [], retentionDays: 0 }).success).toBe(false);
    expect((await fileExchangeSettings(dpd)).retentionDays).toBe(30);

    await saveFileExchangeSettings({ actor: dpd, meta: META, input });
    const sent = await sendFile({ actor: a.exchanger, input: toThird, bytes, meta: META });
    expect((await listFileExchange({ actor: third.exchanger })).received.map((t) => t.id)).toContain(sent.id);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: a.entity.id, action: "file_exchange.settings_changed" }, orderBy: { id: "desc" } });
    expect(audit.before).toEqual({ partners: [b.entity.id], retentionDays: 30 });
    expect(audit.after).toEqual({ partners: [b.entity.id, third.entity.id].sort(), retentionDays: 7 });
    // Back to B only, as the other tests expect.
    await saveFileExchangeSettings({ actor: dpd, meta: META, input: { partnerEntityIds: [b.entity.id], retentionDays: 30 } });
  });

  it("purges a file's ciphertext after the sender's retention period; the register keeps it, the download says why", async () => {
    const sent = await sendFile({ actor: a.exchanger, input: { toEntityId: b.entity.id, fileName: "ancien.enc" }, bytes: await cipher(), meta: META });
    const fresh = await sendFile({ actor: a.exchanger, input: { toEntityId: b.entity.id, fileName: "recent.enc" }, bytes: await cipher(), meta: META });
    const now = new Date();
    await db.fileTransfer.update({ where: { id: sent.id }, data: { createdAt: new Date(now.getTime() - 31 * 86_400_000) } });
    await db.fileTransfer.update({ where: { id: fresh.id }, data: { createdAt: new Date(now.getTime() - 29 * 86_400_000) } });

    expect(await purgeExpiredTransfers(now)).toBeGreaterThanOrEqual(1);
    const [old, recent] = await Promise.all([sent.id, fresh.id].map((id) => db.fileTransfer.findUniqueOrThrow({ where: { id } })));
    expect(old).toMatchObject({ ciphertext: null, fileName: "ancien.enc", sha256: sent.sha256 });
    expect(old!.purgedAt).not.toBeNull();
    expect(recent!.ciphertext).not.toBeNull();
    expect(await db.auditEvent.findFirst({ where: { targetId: sent.id, action: "file_exchange.purged" } })).toMatchObject({
      actorId: null,
      entityId: a.entity.id,
    });
    expect(await db.auditEvent.count({ where: { targetId: fresh.id, action: "file_exchange.purged" } })).toBe(0);

    const gone = await downloadFile({ actor: b.exchanger, id: sent.id, meta: META }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isAppError(gone) && gone.code).toBe("GONE");
    expect(isAppError(gone) && localize("fr", gone.message)).toMatch(
      /^Ce fichier a été supprimé le \d{2}\/\d{2}\/\d{4} à la fin du délai de conservation fixé par le DPD du centre expéditeur : demandez-lui de le renvoyer\.$/,
    );
    expect(isAppError(gone) && localize("nl", gone.message)).toMatch(
      /^Dit bestand werd op \d{2}\/\d{2}\/\d{4} verwijderd aan het einde van de bewaartermijn die de DPO van het verzendende centrum heeft vastgesteld: vraag hem het opnieuw te verzenden\.$/,
    );
    expect((await listFileExchange({ actor: b.exchanger })).received.find((t) => t.id === sent.id)?.purgedAt).not.toBeNull();
    // A second round purges nothing more for this file.
    await purgeExpiredTransfers(now);
    expect(await db.auditEvent.count({ where: { targetId: sent.id, action: "file_exchange.purged" } })).toBe(1);
  });

  it("stores only OpenSSL ciphertext and delivers it to the partner's inbox", async () => {
    const input = { toEntityId: b.entity.id, fileName: "liste.xlsx.enc" };
    await expectCode(
      sendFile({ actor: a.exchanger, input, bytes: new TextEncoder().encode("PK\u0003\u0004 un classeur en clair........................"), meta: META }),
      "UNPROCESSABLE",
    );
    const bytes = await cipher();
    await expectCode(sendFile({ actor: a.exchanger, input, bytes: bytes.subarray(0, bytes.length - 3), meta: META }), "UNPROCESSABLE");
    await expectCode(sendFile({ actor: a.exchanger, input: { ...input, toEntityId: a.entity.id }, bytes, meta: META }), "BAD_REQUEST");

    const sent = await sendFile({ actor: a.exchanger, input: { ...input, note: "Liste du trimestre" }, bytes, meta: META });
    expect((await listFileExchange({ actor: a.exchanger })).sent.map((t) => t.id)).toContain(sent.id);
    const inbox = await listFileExchange({ actor: b.exchanger });
    expect(inbox.received.find((t) => t.id === sent.id)).toMatchObject({ fileName: "liste.xlsx.enc", downloadedAt: null, partnerName: a.entity.name });
    expect(inbox.sent.map((t) => t.id)).not.toContain(sent.id);

    const got = await downloadFile({ actor: b.exchanger, id: sent.id, meta: META });
    expect(Buffer.from(got.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect((await db.fileTransfer.findUniqueOrThrow({ where: { id: sent.id } })).downloadedAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { targetId: sent.id } })).toBe(2);
    // B has not allowed A: it cannot send back.
    await expectCode(sendFile({ actor: b.exchanger, input: { toEntityId: a.entity.id, fileName: "r.enc" }, bytes, meta: META }), "UNPROCESSABLE");
  });

  it("is reached only by holders of FileExchange, and only for their centre's files", async () => {
    const sent = await sendFile({ actor: a.exchanger, input: { toEntityId: b.entity.id, fileName: "x.enc" }, bytes: await cipher(), meta: META });
    const third = await centreWithStaff();
    await expectCode(downloadFile({ actor: third.exchanger, id: sent.id, meta: META }), "NOT_FOUND");
    await expectCode(downloadFile({ actor: b.agent, id: sent.id, meta: META }), "NOT_FOUND");
    await expectCode(listFileExchange({ actor: a.other }), "NOT_FOUND");
    await expectCode(listFileExchange({ actor: a.rae }), "NOT_FOUND");
    await expectCode(sendFile({ actor: a.agent, input: { toEntityId: b.entity.id, fileName: "x.enc" }, bytes: await cipher(), meta: META }), "NOT_FOUND");
    // The GL reaches the applications of their quality (seed 003).
    expect((await listFileExchange({ actor: a.gl })).sent.map((t) => t.id)).toContain(sent.id);
  });
});
