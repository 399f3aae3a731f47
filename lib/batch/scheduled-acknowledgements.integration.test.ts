import { writeFileSync } from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { META, personWith } from "@/lib/forem/testing/actors";
import { runHourlyJobs } from "@/lib/jobs/run-hourly-jobs";
import { createCentre } from "@/tests/fixtures/people";
import { startBatchSshd } from "@/tests/fixtures/batch-sshd";
import type { LoopbackSshd } from "@/tests/sftp/loopback-sshd";

import { createChannel } from "./channels";
import { depositSending, generatePortalKey } from "./deposits";
import { fetchAllAcknowledgements } from "./scheduled-acknowledgements";
import { makeChannelCredentials } from "./testing";
import { makeSigner, type TestSigner } from "./testing-signatures";

// Issue 14: the hourly jobs read the acknowledgements of every channel the portal deposits on,
// against a real sshd on loopback. One channel's server refuses the portal's key: that failure is
// recorded (audited, no actor) and the other channel is still read; the job never throws.

let sshd: LoopbackSshd;
let signer: TestSigner;

async function openChannel(label: string, username: string) {
  const { entity } = await createCentre();
  const onss = await db.quality.create({ data: { entityId: entity.id, type: "EMPLOYEUR_ONSS", identifier: "012345678", isActive: true } });
  const actor = await personWith({ entityId: entity.id, qualityId: onss.id, label, roles: ["GL"] });
  const creds = makeChannelCredentials();
  const channel = await createChannel({
    actor,
    meta: META,
    input: {
      qualityId: onss.id,
      kind: "SFTP",
      accountName: label,
      services: ["DMFA"],
      certificateName: "Cert",
      technicalUsername: username,
      sshPublicKey: creds.sshPublicKey,
    },
    certificate: signer.certificateDer,
  });
  const key = await generatePortalKey({ actor, meta: META, channelId: channel.id });
  return { entityId: entity.id, actor, channel, publicKey: key.publicKey };
}

beforeAll(async () => {
  sshd = await startBatchSshd();
  signer = makeSigner({ subject: "/C=BE/O=CPAS/CN=Canal batch" });
}, 60_000);
afterAll(async () => {
  await sshd?.stop();
  signer?.dispose();
  await db.$disconnect();
});

describe("acknowledgements read by the hourly jobs (real sshd on loopback)", () => {
  it("records the new ACRF of a channel, records the other channel's refused connection, and never throws", async () => {
    const good = await openChannel("gl-accuses-planifies", sshd.username);
    sshd.authorize(good.publicKey);
    const refused = await openChannel("gl-cle-non-enregistree", `inconnu${Date.now()}`); // its key is not on the server
    const deposit = await depositSending({
      actor: good.actor,
      meta: META,
      input: { channelId: good.channel.id, code: "DMFA", environment: "T" },
      fi: [new TextEncoder().encode("<FLA>partie 1</FLA>")],
      fs: [],
    });
    const stem = deposit.setName.slice(3); // DMFA.<sender>.<date>.<seq>.T.1
    const date = stem.split(".")[2];
    const ack = `ACRF.999999.${date}.00007.T`;
    writeFileSync(
      path.join(sshd.root, "OUTTEST", `FO.${ack}`),
      `<?xml version="1.0" encoding="UTF-8"?><ACRF><Form><Identification>ACRF001</Identification><FileReference><FileName>FI.${stem}.1</FileName></FileReference><ReceptionResult><ResultCode>1</ResultCode></ReceptionResult></Form></ACRF>`,
    );
    writeFileSync(path.join(sshd.root, "OUTTEST", `GO.${ack}`), "");

    await db.rateLimitBucket.deleteMany({ where: { key: "jobs:hourly" } }); // this round's lease is free
    const round = await runHourlyJobs();
    expect(round.ran).toBe(true);

    const recorded = await db.batchAcknowledgement.findMany({ where: { channelId: good.channel.id } });
    expect(recorded.map((a) => ({ fileName: a.fileName, outcome: a.outcome, depositId: a.depositId }))).toEqual([
      { fileName: `FO.${ack}`, outcome: "RECEIVED", depositId: deposit.id },
    ]);
    const audit = await db.auditEvent.findMany({ where: { entityId: good.entityId, action: "batch.acknowledgement_recorded" } });
    expect(audit.map((e) => e.actorId)).toEqual([null]);

    const failures = await db.auditEvent.findMany({
      where: { entityId: refused.entityId, action: "batch.acknowledgements_fetch_failed" },
      orderBy: { seq: "asc" },
    });
    expect(failures.map((e) => (e.after as { directory: string }).directory).sort()).toEqual(["OUT", "OUTTEST"]);
    expect((failures[0]!.after as { reason: string }).reason).toBe(
      "Le serveur SFTP a refusé la clé du portail pour cet utilisateur technique : vérifiez que la clé publique du portail est enregistrée dans Chaman.",
    );
    expect(await db.batchAcknowledgement.count({ where: { channelId: refused.channel.id } })).toBe(0);

    // The next round reads nothing twice; a suspended channel is not read at all.
    await db.technicalChannel.update({ where: { id: refused.channel.id }, data: { isActive: false } });
    const again = await fetchAllAcknowledgements();
    expect(again.recorded).toBe(0);
    expect(again.failures.filter((f) => f.channelId === refused.channel.id)).toEqual([]);
    expect(await db.batchAcknowledgement.count({ where: { channelId: good.channel.id } })).toBe(1);
  });
});
