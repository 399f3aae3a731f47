import { randomBytes } from "node:crypto";

import { afterAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { createCentre, createPerson } from "@/tests/fixtures/people";

import { rotateKeys } from "./rotate-keys";
import { blindIndexWithKey, openWithKey, sealWithKey } from "./secret-box";

afterAll(() => db.$disconnect());

describe("key rotation", () => {
  it("re-seals national numbers, TOTP secrets, channel and REST client keys and rebuilds the blind index, resumably", async () => {
    const from = { data: Buffer.from(process.env.PORTAL_DATA_KEY!, "base64"), index: Buffer.from(process.env.PORTAL_INDEX_KEY!, "base64") };
    const to = { data: randomBytes(32), index: randomBytes(32) };
    const { entity } = await createCentre();
    const person = await createPerson(entity.id, { totpSecret: "JBSWY3DPEHPK3PXP" });
    await db.person.update({
      where: { id: person.id },
      data: { nissEncrypted: sealWithKey("85073003328", from.data), nissBlindIndex: blindIndexWithKey("85073003328", from.index) },
    });
    const worker = await db.worker.create({
      data: {
        entityId: entity.id,
        firstName: "W",
        lastName: "K",
        nissEncrypted: sealWithKey("17073003384", from.data),
        nissBlindIndex: blindIndexWithKey("17073003384", from.index),
      },
    });

    const channel = await db.technicalChannel.create({
      data: {
        entityId: entity.id,
        qualityId: person.id, // any id: the row only carries a sealed key here
        kind: "SFTP",
        accountName: "Dépôts",
        services: ["FLA"],
        certificateName: "Cert",
        certificateDer: new Uint8Array([0x30, 0x00]),
        certificateSubject: "CN=x",
        certificateFingerprint: "00",
        certificateValidTo: new Date(),
        technicalUsername: `rot${randomBytes(4).toString("hex")}`,
        portalKeySealed: sealWithKey("-----BEGIN OPENSSH PRIVATE KEY-----", from.data),
        createdById: person.id,
      },
    });

    // A REST client's RSA key (issue 14), sealed as the channel's SSH key.
    const restClient = await db.restClient.create({
      data: {
        entityId: entity.id,
        qualityId: person.id, // any id: the row only carries a sealed key here
        name: `Rotation ${randomBytes(4).toString("hex")}`,
        tokenUrl: "https://services.socialsecurity.be/REST/oauth/v5/token",
        keySealed: sealWithKey("-----BEGIN PRIVATE KEY-----", from.data),
        certificateDer: new Uint8Array([0x30, 0x00]),
        certificateFingerprint: "00",
        certificateValidTo: new Date(),
        createdById: person.id,
      },
    });

    // A mail waiting in the outbox (issue 12): its body holds a link, sealed until sent.
    const mail = await db.outboxMail.create({
      data: { entityId: entity.id, kind: "password_reset", toAddress: "a@it.cpas.be", subject: "S", bodySealed: sealWithKey('{"text":"lien"}', from.data) },
    });

    const counts = await rotateKeys(db, { from, to });
    expect(counts.outboxBodies).toBeGreaterThanOrEqual(1);
    expect(openWithKey((await db.outboxMail.findUniqueOrThrow({ where: { id: mail.id } })).bodySealed!, to.data)).toBe('{"text":"lien"}');
    expect(counts.channelKeys).toBeGreaterThanOrEqual(1);
    expect(openWithKey((await db.technicalChannel.findUniqueOrThrow({ where: { id: channel.id } })).portalKeySealed!, to.data)).toBe(
      "-----BEGIN OPENSSH PRIVATE KEY-----",
    );
    expect(counts.restClientKeys).toBeGreaterThanOrEqual(1);
    const rest = await db.restClient.findUniqueOrThrow({ where: { id: restClient.id } });
    expect(openWithKey(rest.keySealed, to.data)).toBe("-----BEGIN PRIVATE KEY-----");
    expect(() => openWithKey(rest.keySealed, from.data)).toThrow();
    expect(counts.people).toBeGreaterThanOrEqual(1);
    expect(counts.workers).toBeGreaterThanOrEqual(1);

    const p = await db.person.findUniqueOrThrow({ where: { id: person.id }, omit: { totpSecretEnc: false } });
    expect(openWithKey(p.nissEncrypted!, to.data)).toBe("85073003328");
    expect(() => openWithKey(p.nissEncrypted!, from.data)).toThrow();
    expect(p.nissBlindIndex).toBe(blindIndexWithKey("85073003328", to.index));
    expect(openWithKey(p.totpSecretEnc!, to.data)).toBe("JBSWY3DPEHPK3PXP");
    const w = await db.worker.findUniqueOrThrow({ where: { id: worker.id } });
    expect(w.nissBlindIndex).toBe(blindIndexWithKey("17073003384", to.index));

    // A second run (as after an interruption) finds everything already on the new key.
    await rotateKeys(db, { from, to });
    expect(openWithKey((await db.worker.findUniqueOrThrow({ where: { id: worker.id } })).nissEncrypted, to.data)).toBe("17073003384");
    expect(await db.auditEvent.count({ where: { action: "system.keys_rotated" } })).toBeGreaterThanOrEqual(2);

    // Put the run's shared database back on its own keys for the other test files.
    await rotateKeys(db, { from: to, to: from });
  });
});
