import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/access/actor";
import { db } from "@/lib/db/client";
import { toBrusselsDate } from "@/lib/c607/calendar-date";
import { isAppError } from "@/lib/errors/app-error";
import { META, personWith } from "@/lib/forem/testing/actors";
import { localize } from "@/lib/i18n/translator";
import { createCentre } from "@/tests/fixtures/people";
import { onssChannelOnSshd, startBatchSshd } from "@/tests/fixtures/batch-sshd";
import type { LoopbackSshd } from "@/tests/sftp/loopback-sshd";

import { fetchAcknowledgements } from "./acknowledgements";
import { listChannelQualities, setChannelActive } from "./channels";
import { depositStatus } from "./deposit-status";
import { depositSending, downloadAcknowledgement, generatePortalKey, listAcknowledgements } from "./deposits";
import { nextSequence } from "./file-sequence";
import { makeSigner, signFs, type TestSigner } from "./testing-signatures";

// Deposits against a real OpenSSH server on 127.0.0.1 (tests/sftp/loopback-sshd.ts): what lands in
// INTEST/IN is read back from the server's own folder.

let sshd: LoopbackSshd;
let gl: Actor;
let channelId: string;
let senderNumber: string;
let signer: TestSigner;

async function codeOf(p: Promise<unknown>) {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  return isAppError(error) ? error.code : error;
}

beforeAll(async () => {
  sshd = await startBatchSshd();
  signer = makeSigner({ subject: "/C=BE/O=CPAS/CN=Canal batch" }); // the qualified certificate registered on the channel
  ({ gl, channelId, senderNumber } = await onssChannelOnSshd(sshd, { label: "gl-onss", accountName: "Dépôts du portail", certificate: signer.certificateDer }));
}, 60_000);
afterAll(async () => {
  await sshd?.stop();
  signer?.dispose();
  await db.$disconnect();
});

const input = (o: Partial<{ environment: "R" | "T" }> = {}) => ({ channelId, code: "DMFA", environment: "T" as const, ...o });
// The portal dates a sending of today in Belgium and gives the next sequence number.
const ymd = () => toBrusselsDate(new Date()).replaceAll("-", "");
const fi = (text: string) => new TextEncoder().encode(text);

describe("batch deposits from the portal (real sshd on loopback)", () => {
  it("needs the portal's key, registered on the server, before anything is sent", async () => {
    expect(await codeOf(depositSending({ actor: gl, meta: META, input: input(), fi: [fi("<a/>")], fs: [] }))).toBe("UNPROCESSABLE");
    const key = await generatePortalKey({ actor: gl, meta: META, channelId });
    expect(key.publicKey).toMatch(/^ssh-ed25519 \S+ portail-cpas$/);
    // Not yet registered on the server: refused by sshd, recorded as failed, nothing written.
    const refused = await depositSending({ actor: gl, meta: META, input: input(), fi: [fi("<a/>")], fs: [] }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isAppError(refused) && [refused.code, localize("fr", refused.message)]).toEqual([
      "UNAVAILABLE",
      expect.stringContaining("a refusé la clé du portail") as string,
    ]);
    expect(readdirSync(path.join(sshd.root, "INTEST"))).toEqual([]);
    const failed = await db.batchDeposit.findFirstOrThrow({ where: { channelId, status: "FAILED" } });
    expect(localize("fr", failed.error ?? "")).toContain("Chaman");
    sshd.authorize(key.publicKey);

    // The sealed private key is stored, never the key in clear, and the trail keeps fingerprints.
    const row = await db.technicalChannel.findUniqueOrThrow({ where: { id: channelId } });
    expect(row.portalKeySealed).not.toContain("PRIVATE KEY");
    expect(row.sshKeyFingerprint).toBe(key.fingerprint);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: channelId, action: "channel.portal_key_generated" } });
    expect(JSON.stringify([audit.before, audit.after])).not.toContain("PRIVATE");
  });

  it("deposits FI parts then the empty GO in INTEST, and records what was sent", async () => {
    const sent = await depositSending({ actor: gl, meta: META, input: input(), fi: [fi("<partie1/>"), fi("<partie2/>")], fs: [] });
    // Sequence 00001 of the test environment went to the refused attempt above: never given again.
    const stem = `DMFA.${senderNumber}.${ymd()}.00002.T.2`;
    expect(sent).toMatchObject({ status: "DEPOSITED", directory: "INTEST", setName: `GO.${stem}` });
    const dir = path.join(sshd.root, "INTEST");
    expect(readdirSync(dir).sort()).toEqual([`FI.${stem}.1`, `FI.${stem}.2`, `GO.${stem}`]);
    expect(readFileSync(path.join(dir, `FI.${stem}.2`), "utf8")).toBe("<partie2/>");
    expect(statSync(path.join(dir, `GO.${stem}`)).size).toBe(0);
    expect(sent.files.map((f) => f.name)).toEqual([`FI.${stem}.1`, `FI.${stem}.2`, `GO.${stem}`]); // the order sent
    expect(await db.auditEvent.count({ where: { targetId: sent.id, action: "batch.deposited" } })).toBe(1);
  });

  it("in production sends each FI with its FS to IN, and refuses a sending without its signatures", async () => {
    expect(await codeOf(depositSending({ actor: gl, meta: META, input: input({ environment: "R" }), fi: [fi("<a/>")], fs: [] }))).toBe("BAD_REQUEST");
    expect(await codeOf(depositSending({ actor: gl, meta: META, input: input(), fi: [fi("<a/>")], fs: [fi("sig")] }))).toBe("BAD_REQUEST");
    const parts = [fi("<partie1/>"), fi("<partie2/>")];
    const signatures = parts.map((p) => signFs(p, signer));
    await depositSending({ actor: gl, meta: META, input: input({ environment: "R" }), fi: parts, fs: signatures });
    const stem = `DMFA.${senderNumber}.${ymd()}.00001.R.2`; // production counts apart from test
    expect(readdirSync(path.join(sshd.root, "IN")).sort()).toEqual([`FI.${stem}.1`, `FI.${stem}.2`, `FS.${stem}.1`, `FS.${stem}.2`, `GO.${stem}`]);
    expect(new Uint8Array(readFileSync(path.join(sshd.root, "IN", `FS.${stem}.2`)))).toEqual(signatures[1]); // sent as given
  });

  it("checks every FS against its FI and the channel's certificate before sending anything (openssl-made signatures)", async () => {
    const parts = [fi("<partie1/>"), fi("<partie2/>")];
    const stranger = makeSigner({ subject: "/C=BE/O=Autre/CN=Autre" });
    const expired = makeSigner({ subject: "/C=BE/O=CPAS/CN=Canal batch", expired: true });
    const before = { files: readdirSync(path.join(sshd.root, "IN")).length, rows: await db.batchDeposit.count({ where: { channelId } }) };
    const refusal = async (fs: Uint8Array[]) => {
      const error = await depositSending({ actor: gl, meta: META, input: input({ environment: "R" }), fi: parts, fs }).then(
        () => null,
        (e: unknown) => e,
      );
      return isAppError(error) ? [error.code, localize("fr", error.message)] : error;
    };
    try {
      // Part 2's FS is the signature of part 1: another FI.
      expect(await refusal([signFs(parts[0]!, signer), signFs(parts[0]!, signer)])).toEqual([
        "UNPROCESSABLE",
        expect.stringMatching(/partie 2 refusée : .*signature d'un autre fichier.*ACRF, code 125/) as string,
      ]);
      expect(await refusal(parts.map((p) => signFs(p, stranger)))).toEqual([
        "UNPROCESSABLE",
        expect.stringMatching(/partie 1 refusée : .*autre certificat que celui du canal.*ACRF, code 153/) as string,
      ]);
      expect(await refusal([signFs(parts[0]!, signer), fi("n'importe quoi")])).toEqual(["UNPROCESSABLE", expect.stringContaining("Base64") as string]);
      // The channel's certificate has expired since it was registered (its row now holds a 2020 certificate).
      const row = await db.technicalChannel.findUniqueOrThrow({ where: { id: channelId } });
      await db.technicalChannel.update({ where: { id: channelId }, data: { certificateDer: new Uint8Array(expired.certificateDer) } });
      try {
        expect(await refusal(parts.map((p) => signFs(p, expired)))).toEqual(["UNPROCESSABLE", expect.stringContaining("a expiré le 01/01/2021") as string]);
      } finally {
        await db.technicalChannel.update({ where: { id: channelId }, data: { certificateDer: row.certificateDer } });
      }
    } finally {
      stranger.dispose();
      expired.dispose();
    }
    // Nothing reached the server, nothing was recorded as deposited.
    expect(readdirSync(path.join(sshd.root, "IN"))).toHaveLength(before.files);
    expect(await db.batchDeposit.count({ where: { channelId } })).toBe(before.rows);
  });

  it("gives two deposits made at the same moment different sequence numbers, and never reuses one (even a refused attempt's)", async () => {
    const [a, b] = await Promise.all([
      depositSending({ actor: gl, meta: META, input: input(), fi: [fi("<a/>")], fs: [] }),
      depositSending({ actor: gl, meta: META, input: input(), fi: [fi("<b/>")], fs: [] }),
    ]);
    const sequenceOf = (setName: string) => setName.split(".")[4];
    expect([sequenceOf(a.setName), sequenceOf(b.setName)].sort()).toEqual(["00003", "00004"]);
    expect(readdirSync(path.join(sshd.root, "INTEST"))).toEqual(
      expect.arrayContaining([`GO.DMFA.${senderNumber}.${ymd()}.00003.T.1`, `GO.DMFA.${senderNumber}.${ymd()}.00004.T.1`]),
    );
    // The counter the portal keeps (one row per sender, date and environment): signature refusals took no number.
    expect(await db.batchFileSequence.findMany({ where: { senderNumber }, orderBy: { environment: "asc" } })).toEqual([
      { senderNumber, date: ymd(), environment: "R", lastValue: 1 },
      { senderNumber, date: ymd(), environment: "T", lastValue: 4 },
    ]);
    const names = (await db.batchDeposit.findMany({ where: { channelId }, select: { setName: true } })).map((d) => d.setName);
    expect(new Set(names).size).toBe(names.length);
  });

  it("gives ten numbers asked in ten concurrent transactions once each", async () => {
    const sender = "999001";
    const got = await Promise.all(
      Array.from({ length: 10 }, () => db.$transaction((tx) => nextSequence(tx, { senderNumber: sender, date: "2026-11-25", environment: "T" }))),
    );
    expect(got.sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await db.$transaction((tx) => nextSequence(tx, { senderNumber: sender, date: "2026-11-25", environment: "R" }))).toBe(1); // per environment
    expect(await db.$transaction((tx) => nextSequence(tx, { senderNumber: sender, date: "2026-11-26", environment: "T" }))).toBe(1); // per date
  });

  it("never talks to a server that shows another host key", async () => {
    const before = readdirSync(path.join(sshd.root, "INTEST")).length;
    const { env } = await import("@/lib/env");
    const previous = env().BATCH_SFTP_HOST_KEY;
    // lib/env caches the configuration: read the pinned key through the module the code uses.
    Object.assign(env(), { BATCH_SFTP_HOST_KEY: `SHA256:${"A".repeat(43)}` });
    try {
      const refused = await depositSending({ actor: gl, meta: META, input: input(), fi: [fi("<a/>")], fs: [] }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isAppError(refused) && localize("fr", refused.message)).toContain("clé d'hôte attendue");
    } finally {
      Object.assign(env(), { BATCH_SFTP_HOST_KEY: previous });
    }
    expect(readdirSync(path.join(sshd.root, "INTEST"))).toHaveLength(before);
  });

  it("lists this sender's acknowledgements in OUTTEST and OUT, and downloads one, audited", async () => {
    // What the social-security server would leave: an answer for this sender, one for another.
    const mine = `ACK.DMFA.${senderNumber}.20261125.3.T.2`;
    writeFileSync(path.join(sshd.root, "OUTTEST", mine), "<accuse>OK</accuse>");
    writeFileSync(path.join(sshd.root, "OUTTEST", "ACK.DMFA.999999.20261125.1.T.1"), "<accuse>autre</accuse>");
    writeFileSync(path.join(sshd.root, "OUT", `ACK.DMFA.${senderNumber}.20261125.5.R.1`), "<accuse>prod</accuse>");
    expect((await listAcknowledgements({ actor: gl, channelId, environment: "T" })).map((f) => [f.name, f.size])).toEqual([[mine, 19]]);
    expect((await listAcknowledgements({ actor: gl, channelId, environment: "R" })).map((f) => f.name)).toEqual([`ACK.DMFA.${senderNumber}.20261125.5.R.1`]);

    const got = await downloadAcknowledgement({ actor: gl, meta: META, channelId, environment: "T", name: mine });
    expect(new TextDecoder().decode(got.bytes)).toBe("<accuse>OK</accuse>");
    expect(await db.auditEvent.findFirst({ where: { targetId: channelId, action: "batch.acknowledgement_downloaded" } })).toMatchObject({
      after: { name: mine, size: 19 },
    });
    // Another sender's file, a path, a missing file: refused without reading anything else.
    expect(await codeOf(downloadAcknowledgement({ actor: gl, meta: META, channelId, environment: "T", name: "ACK.DMFA.999999.20261125.1.T.1" }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(downloadAcknowledgement({ actor: gl, meta: META, channelId, environment: "T", name: `../OUT/ACK.DMFA.${senderNumber}.x` }))).toBe(
      "BAD_REQUEST",
    );
    expect(await codeOf(downloadAcknowledgement({ actor: gl, meta: META, channelId, environment: "T", name: `ACK.${senderNumber}.absent.` }))).toBe(
      "NOT_FOUND",
    );
  });

  it("refuses a suspended channel, another centre and people without the right", async () => {
    const other = await createCentre();
    const stranger = await personWith({ entityId: other.entity.id, qualityId: other.quality.id, label: "autre", roles: ["GL"] });
    expect(await codeOf(depositSending({ actor: stranger, meta: META, input: input(), fi: [fi("<a/>")], fs: [] }))).toBe("NOT_FOUND");
    expect(await codeOf(generatePortalKey({ actor: stranger, meta: META, channelId }))).toBe("NOT_FOUND");
    expect(await codeOf(listAcknowledgements({ actor: stranger, channelId, environment: "T" }))).toBe("NOT_FOUND");
    await setChannelActive({ actor: gl, meta: META, channelId, isActive: false });
    expect(await codeOf(depositSending({ actor: gl, meta: META, input: input(), fi: [fi("<a/>")], fs: [] }))).toBe("UNPROCESSABLE");
    await setChannelActive({ actor: gl, meta: META, channelId, isActive: true });
  });

  it("reads ACRF and NOTI files dropped into OUTTEST as the statuses of the deposits they quote, once each, audited", async () => {
    const send = () => depositSending({ actor: gl, meta: META, input: input(), fi: [fi("<envoi/>")], fs: [] });
    const [received, refusedAtReception, accepted] = [await send(), await send(), await send()];
    const fiOf = (d: { setName: string }) => `FI.${d.setName.slice(3)}.1`;
    const out = path.join(sshd.root, "OUTTEST");
    let seq = 0;
    // What the social security leaves: FO then its FS (signed by openssl) and, last, the GO (sender 999999).
    const smals = makeSigner({ subject: "/C=BE/O=Smals/CN=Batch" });
    const drop = (type: "ACRF" | "NOTI", xml: string, o: { go?: boolean } = {}) => {
      const stem = `${type}.999999.${ymd()}.${String(++seq).padStart(5, "0")}.T`;
      writeFileSync(path.join(out, `FO.${stem}`), xml);
      writeFileSync(path.join(out, `FS.${stem}`), stem.includes(".00002.") ? "c2lnbmF0dXJl" : signFs(fi(xml), smals));
      if (o.go !== false) writeFileSync(path.join(out, `GO.${stem}`), "");
      return `FO.${stem}`;
    };
    const acrf = (name: string, result: string) =>
      `<?xml version="1.0" encoding="UTF-8"?><ACRF><Form><Identification>ACRF001</Identification><FileReference><FileName>${name}</FileName></FileReference><ReceptionResult>${result}</ReceptionResult></Form></ACRF>`;
    const noti = (name: string, anomalies: string) =>
      `<Notification><Form><FileReference><FileName>${name}</FileName></FileReference><HandlingResult><ResultCode>1</ResultCode>${anomalies}</HandlingResult></Form></Notification>`;
    const blocking =
      "<AnomalyReport><ErrorID>00012-004</ErrorID><AnomalyClass>B</AnomalyClass><AnomalyLabel>Zone obligatoire absente</AnomalyLabel></AnomalyReport>";
    const warning = "<AnomalyReport><ErrorID>00020-001</ErrorID><AnomalyClass>W</AnomalyClass><AnomalyLabel>Donnée inhabituelle</AnomalyLabel></AnomalyReport>";

    drop("ACRF", acrf(fiOf(received), "<ResultCode>1</ResultCode>"));
    drop("ACRF", acrf(fiOf(refusedAtReception), "<ResultCode>0</ResultCode><ErrorID>ACRF-125</ErrorID><ErrorID>ACRF-777</ErrorID>"));
    drop("ACRF", acrf(fiOf(accepted), "<ResultCode>1</ResultCode>"));
    drop("NOTI", noti(accepted.setName, warning));
    const bomb = drop("ACRF", `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><ACRF>&b;</ACRF>`);
    const broken = drop("NOTI", "<Notification><Form>");
    const huge = drop("ACRF", `<ACRF>${" ".repeat(5 * 1024 * 1024)}</ACRF>`); // over 5 MB: recorded unread
    const pending = drop("NOTI", noti(received.setName, blocking), { go: false }); // its GO is not there yet

    const first = await fetchAcknowledgements({ actor: gl, meta: META, channelId, environment: "T" });
    smals.dispose();
    // Each return file's own FS: sound (openssl signed it), or not a signature at all (the second one).
    const signatures = await db.batchAcknowledgement.findMany({
      where: { channelId },
      orderBy: { fileName: "asc" },
      select: { fileName: true, signatureStatus: true },
    });
    expect(signatures.map((a) => a.signatureStatus)).toEqual(["VALID", "INVALID", "VALID", "VALID", "UNCHECKED", "VALID", "VALID"]); // ACRF 1, 2, 3, 5, 7 (over 5 MB: unread), then NOTI 4, 6
    expect(first.recorded).toHaveLength(7);
    expect(first.recorded.map((r) => r.fileName)).not.toContain(pending);
    const statusOf = async (id: string) => {
      const [q] = await listChannelQualities(gl);
      const d = q!.deposits.find((x) => x.id === id)!;
      return { status: depositStatus(d, d.acknowledgements), details: d.acknowledgements.map((a) => a.details) };
    };
    expect((await statusOf(received.id)).status).toBe("reçu (accusé de réception positif : sera traité)");
    const refusedAt = await statusOf(refusedAtReception.id);
    expect(refusedAt.status).toBe("refusé à la réception");
    // The labels are stored as catalogue references and read in the reader's language.
    const labels = (locale: "fr" | "nl") => (refusedAt.details[0] as { code: string; label: string }[]).map((d) => [d.code, localize(locale, d.label)]);
    expect(labels("fr")).toEqual([
      ["125", "Signature (FS) invalide"],
      ["777", "Code inconnu du portail : voyez la liste des erreurs ACRF de la sécurité sociale"],
    ]);
    expect(labels("nl")).toEqual([
      ["125", "Ongeldige handtekening (FS)"],
      ["777", "Code onbekend voor het portaal: zie de lijst van de ACRF-fouten van de sociale zekerheid"],
    ]);
    expect((await statusOf(accepted.id)).status).toBe("accepté"); // a warning does not refuse
    const [q] = await listChannelQualities(gl);
    expect(q!.unmatchedAcknowledgements.map((a) => [a.fileName, a.outcome]).sort()).toEqual(
      [
        [bomb, "HOSTILE"],
        [broken, "MALFORMED"],
        [huge, "MALFORMED"],
      ].sort(),
    );

    // The notification's GO arrives: the blocking anomaly refuses the sending; what was read is not read twice.
    writeFileSync(path.join(out, `GO${pending.slice(2)}`), "");
    const second = await fetchAcknowledgements({ actor: gl, meta: META, channelId, environment: "T" });
    expect(second.recorded.map((r) => [r.fileName, r.outcome, r.depositId])).toEqual([[pending, "REFUSED", received.id]]);
    expect(await statusOf(received.id)).toMatchObject({
      status: "refusé (anomalies bloquantes)",
      details: expect.arrayContaining([[{ errorId: "00012-004", anomalyClass: "B", label: "Zone obligatoire absente" }]]) as unknown,
    });
    expect((await fetchAcknowledgements({ actor: gl, meta: META, channelId, environment: "T" })).recorded).toEqual([]);
    expect(await db.auditEvent.count({ where: { action: "batch.acknowledgement_recorded", entityId: gl.entityId } })).toBe(8);

    const other = await createCentre();
    const stranger = await personWith({ entityId: other.entity.id, qualityId: other.quality.id, label: "autre-accuses", roles: ["GL"] });
    expect(await codeOf(fetchAcknowledgements({ actor: stranger, meta: META, channelId, environment: "T" }))).toBe("NOT_FOUND");
  });
});
