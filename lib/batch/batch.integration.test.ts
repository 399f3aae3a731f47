import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { META, personWith } from "@/lib/forem/testing/actors";
import { createCentre } from "@/tests/fixtures/people";

import { createChannel, listChannelQualities, setChannelActive, setChannelServices, type TCreateChannel } from "./channels";
import { createMandate, revokeMandate, ZCreateMandate } from "./mandates";
import { makeChannelCredentials } from "./testing";

afterAll(() => db.$disconnect());

async function codeOf(p: Promise<unknown>) {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  return isAppError(error) ? error.code : error;
}

/** A centre with an active « Employeur ONSS » quality, its GL, a holder of the channels right, and the GL of Action sociale. */
async function employer() {
  const { entity, quality: social } = await createCentre();
  const onss = await db.quality.create({ data: { entityId: entity.id, type: "EMPLOYEUR_ONSS", identifier: "012345678", isActive: true } });
  const [gl, manager, socialGl] = await Promise.all([
    personWith({ entityId: entity.id, qualityId: onss.id, label: "gl-onss", roles: ["GL"] }),
    personWith({ entityId: entity.id, qualityId: onss.id, label: "canaux", rights: ["GESTION_CANAUX_TECHNIQUES"] }),
    personWith({ entityId: entity.id, qualityId: social.id, label: "gl-as", roles: ["GL"] }),
  ]);
  return { entity, onss, social, gl, manager, socialGl };
}

let creds: ReturnType<typeof makeChannelCredentials>;
beforeAll(() => {
  creds = makeChannelCredentials();
});

const sftp = (qualityId: string, o: Partial<TCreateChannel> = {}): TCreateChannel => ({
  qualityId,
  kind: "SFTP",
  accountName: "Logiciel salaires",
  services: ["FLA", "DMFA"],
  certificateName: "Certificat 2026",
  technicalUsername: `exp${randomUUID().slice(0, 8)}`,
  sshPublicKey: creds.sshPublicKey,
  ...o,
});

describe("batch channels (Chaman)", () => {
  it("the GL opens one SFTP and one FTP channel; the sender number comes with the first and stays", async () => {
    const e = await employer();
    const first = await createChannel({ actor: e.gl, meta: META, input: sftp(e.onss.id), certificate: creds.certificateDer });
    expect(first.senderNumber).toMatch(/^\d{6}$/);
    expect(Number(first.senderNumber)).toBeGreaterThanOrEqual(100_001);
    expect(await codeOf(createChannel({ actor: e.gl, meta: META, input: sftp(e.onss.id), certificate: creds.certificateDer }))).toBe("CONFLICT");
    const ftp = await createChannel({
      actor: e.manager,
      meta: META,
      input: sftp(e.onss.id, { kind: "FTP", sshPublicKey: undefined }),
      certificate: creds.certificateDer,
    });
    expect(ftp.senderNumber).toBe(first.senderNumber);

    const [listed] = await listChannelQualities(e.gl);
    expect(listed).toMatchObject({ id: e.onss.id, senderNumber: first.senderNumber });
    expect(listed!.channels.map((c) => c.kind)).toEqual(["SFTP", "FTP"]); // the enum's order
    const row = listed!.channels.find((c) => c.kind === "SFTP")!;
    expect(row).toMatchObject({ services: ["FLA", "DMFA"], sshKeyFingerprint: creds.sshFingerprint, isActive: true });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: first.id, action: "channel.created" } });
    expect(audit.after).toMatchObject({ senderNumber: first.senderNumber, sshKeyFingerprint: creds.sshFingerprint });
    expect(JSON.stringify(audit.after)).not.toContain("AAAA"); // the key itself stays out of the trail
  });

  it("gives two centres' first channels different sender numbers, even at the same moment", async () => {
    const [a, b] = await Promise.all([employer(), employer()]);
    const made = await Promise.all([a, b].map((e) => createChannel({ actor: e.gl, meta: META, input: sftp(e.onss.id), certificate: creds.certificateDer })));
    expect(new Set(made.map((m) => m.senderNumber)).size).toBe(2);
  });

  it("refuses bad credentials, another quality, another centre and people without the right, writing nothing", async () => {
    const e = await employer();
    const other = await employer();
    const before = await db.technicalChannel.count();
    const expired = makeChannelCredentials({ days: 1 });
    const calls: [string, Promise<unknown>][] = [
      [
        "expired",
        createChannel({ actor: e.gl, meta: META, input: sftp(e.onss.id), certificate: expired.certificateDer, now: new Date(Date.now() + 3 * 86_400_000) }),
      ],
      ["not a certificate", createChannel({ actor: e.gl, meta: META, input: sftp(e.onss.id), certificate: new TextEncoder().encode("bonjour") })],
      [
        "private key",
        createChannel({
          actor: e.gl,
          meta: META,
          input: sftp(e.onss.id, { sshPublicKey: "-----BEGIN OPENSSH PRIVATE KEY-----\nabc" }),
          certificate: creds.certificateDer,
        }),
      ],
      ["SFTP without key", createChannel({ actor: e.gl, meta: META, input: sftp(e.onss.id, { sshPublicKey: undefined }), certificate: creds.certificateDer })],
      ["GL of Action sociale on ONSS", createChannel({ actor: e.socialGl, meta: META, input: sftp(e.onss.id), certificate: creds.certificateDer })],
      ["GL of Action sociale on its quality", createChannel({ actor: e.socialGl, meta: META, input: sftp(e.social.id), certificate: creds.certificateDer })],
      ["another centre", createChannel({ actor: other.gl, meta: META, input: sftp(e.onss.id), certificate: creds.certificateDer })],
    ];
    const codes = Object.fromEntries(await Promise.all(calls.map(async ([k, p]) => [k, await codeOf(p)] as const)));
    expect(codes).toEqual({
      expired: "UNPROCESSABLE",
      "not a certificate": "UNPROCESSABLE",
      "private key": "UNPROCESSABLE",
      "SFTP without key": "BAD_REQUEST",
      "GL of Action sociale on ONSS": "FORBIDDEN",
      // Chaman lives in Employeur ONSS only (seed 004, « sous la bonne qualité »): the GL of Action
      // Sociale holds no channel right on its own quality, so it is refused before any check of the input.
      "GL of Action sociale on its quality": "FORBIDDEN",
      "another centre": "NOT_FOUND",
    });
    expect(await db.technicalChannel.count()).toBe(before);
    expect((await db.quality.findUniqueOrThrow({ where: { id: e.onss.id } })).senderNumber).toBeNull();
    expect(await listChannelQualities(e.socialGl)).toEqual([]);
  });

  it("changes permissions and suspends a channel, audited before/after; another centre gets 404", async () => {
    const e = await employer();
    const other = await employer();
    const ch = await createChannel({ actor: e.gl, meta: META, input: sftp(e.onss.id), certificate: creds.certificateDer });
    await setChannelServices({ actor: e.manager, meta: META, input: { channelId: ch.id, services: ["DIMONA"] } });
    await setChannelActive({ actor: e.gl, meta: META, channelId: ch.id, isActive: false });
    expect(await codeOf(setChannelActive({ actor: other.gl, meta: META, channelId: ch.id, isActive: true }))).toBe("NOT_FOUND");
    expect(await codeOf(setChannelServices({ actor: e.socialGl, meta: META, input: { channelId: ch.id, services: ["FLA"] } }))).toBe("FORBIDDEN");
    expect(await db.technicalChannel.findUniqueOrThrow({ where: { id: ch.id } })).toMatchObject({ services: ["DIMONA"], isActive: false });
    const events = await db.auditEvent.findMany({ where: { targetId: ch.id }, orderBy: { id: "asc" } });
    expect(events.map((a) => [a.action, a.before, a.after])).toEqual([
      ["channel.created", null, expect.anything()],
      ["channel.services_changed", { services: ["FLA", "DMFA"] }, { services: ["DIMONA"] }],
      ["channel.deactivated", { isActive: true }, { isActive: false }],
    ]);
  });
});

describe("mandates (MAHIS)", () => {
  const input = (qualityId: string, o: Record<string, unknown> = {}) =>
    ZCreateMandate.parse({ qualityId, service: "FLA", providerBce: "0212345668", providerName: "Secrétariat social Exemple", validFrom: "2026-01-01", ...o });

  it("one provider per service at a time; a revoked mandate frees the service", async () => {
    const e = await employer();
    const first = await createMandate({ actor: e.gl, meta: META, input: input(e.onss.id) });
    expect(
      await codeOf(createMandate({ actor: e.manager, meta: META, input: input(e.onss.id, { providerName: "Autre prestataire", validFrom: "2026-06-01" }) })),
    ).toBe("CONFLICT");
    // Another service, or a period that does not overlap, is fine.
    await createMandate({ actor: e.gl, meta: META, input: input(e.onss.id, { service: "DMFA" }) });
    const ended = await employer();
    await createMandate({ actor: ended.gl, meta: META, input: input(ended.onss.id, { validUntil: "2026-03-31" }) });
    await createMandate({ actor: ended.gl, meta: META, input: input(ended.onss.id, { validFrom: "2026-04-01" }) });

    await revokeMandate({ actor: e.gl, meta: META, mandateId: first.id });
    expect(await codeOf(revokeMandate({ actor: e.gl, meta: META, mandateId: first.id }))).toBe("UNPROCESSABLE");
    await createMandate({ actor: e.gl, meta: META, input: input(e.onss.id, { providerName: "Autre prestataire" }) });
    expect(await db.auditEvent.count({ where: { entityId: e.entity.id, action: { in: ["mandate.created", "mandate.revoked"] } } })).toBe(4);
  });

  it("refuses a bad BCE, reversed dates, strangers and other centres", async () => {
    const e = await employer();
    const other = await employer();
    expect(await codeOf(createMandate({ actor: e.gl, meta: META, input: input(e.onss.id, { providerBce: "0212345669" }) }))).toBe("BAD_REQUEST");
    expect(ZCreateMandate.safeParse({ ...input(e.onss.id), validUntil: "2025-12-31" }).success).toBe(false);
    expect(await codeOf(createMandate({ actor: e.socialGl, meta: META, input: input(e.onss.id) }))).toBe("FORBIDDEN");
    expect(await codeOf(createMandate({ actor: other.gl, meta: META, input: input(e.onss.id) }))).toBe("NOT_FOUND");
    const m = await createMandate({ actor: e.gl, meta: META, input: input(e.onss.id) });
    expect(await codeOf(revokeMandate({ actor: other.gl, meta: META, mandateId: m.id }))).toBe("NOT_FOUND");
    expect(await db.batchMandate.count({ where: { entityId: e.entity.id } })).toBe(1);
  });
});
