import "server-only";

import { z } from "zod";

import type { Actor } from "@/lib/access/actor";
import { can } from "@/lib/access/can";
import { auditContext, authorize, findQuality } from "@/lib/access/manage/command";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db, type Tx } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import type { RequestMeta } from "@/lib/http/request-context";
import { safeText } from "@/lib/validation/safe-text";

import { CredentialError, readCertificate, readSshPublicKey } from "./credentials";
import { BATCH_SERVICE_CODES, CHANNEL_QUALITY } from "./services";

// Chaman (seed 004): the batch channels of the quality « Employeur ONSS ». Managed by its GL and
// co-GL and by holders of « Gestion des canaux techniques » in that quality (permission
// quality.manage_channels). One SFTP and one FTP channel per quality; the quality's sender number
// (numéro d'expéditeur) is given with its first channel and never changes.

const services = z.array(z.enum(BATCH_SERVICE_CODES, { error: msg("batch.errors.unknownService") })).min(1, { error: msg("batch.errors.servicesMin") });

/** Each service once, in the catalogue's order (the order Chaman lists them). */
const inCatalogueOrder = (codes: readonly string[]) => BATCH_SERVICE_CODES.filter((c) => codes.includes(c));

export const ZCreateChannel = z.object({
  qualityId: z.uuid({ error: msg("batch.errors.unknownQuality") }),
  kind: z.enum(["SFTP", "FTP"], { error: msg("batch.errors.channelKind") }),
  accountName: safeText({ min: 2, max: 80, label: msg("batch.fields.accountName") }),
  services,
  certificateName: safeText({ min: 2, max: 80, label: msg("batch.fields.certificateName") }),
  technicalUsername: z
    .string({ error: msg("batch.errors.usernameRequired") })
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$/, { error: msg("batch.errors.usernameFormat") }),
  sshPublicKey: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z
      .string()
      .max(20_000, { error: msg("batch.errors.sshKeyTooLong") })
      .optional(),
  ),
});
export type TCreateChannel = z.infer<typeof ZCreateChannel>;

export const ZChannelServices = z.object({ channelId: z.uuid({ error: msg("batch.errors.unknownChannel") }), services });
export const ZChannelId = z.object({ channelId: z.uuid({ error: msg("batch.errors.unknownChannel") }) });

const MAX_CERTIFICATE_BYTES = 64 * 1024;
const FIRST_SENDER_NUMBER = 100_001;

/** A quality of the actor's centre that the actor may manage channels for, and that may have them. */
export async function channelQuality(tx: Tx, actor: Actor, qualityId: string) {
  const quality = await findQuality(tx, actor, qualityId);
  authorize(actor, "quality.manage_channels", { entityId: actor.entityId, qualityId: quality.id });
  if (quality.type !== CHANNEL_QUALITY) throw new AppError("UNPROCESSABLE", msg("batch.errors.channelQualityOnly"));
  if (!quality.isActive) throw new AppError("UNPROCESSABLE", msg("batch.errors.qualityInactive"));
  return quality;
}

async function channelOfActor(tx: Tx, actor: Actor, channelId: string) {
  const channel = await tx.technicalChannel.findFirst({ where: { id: channelId, entityId: actor.entityId } });
  if (!channel) throw notFound();
  authorize(actor, "quality.manage_channels", { entityId: actor.entityId, qualityId: channel.qualityId });
  return channel;
}

/** The next free sender number, under a transaction-wide lock so two first channels never share one. */
async function assignSenderNumber(tx: Tx, qualityId: string): Promise<string> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('cpas-sender-number'))`;
  const current = await tx.quality.findUniqueOrThrow({ where: { id: qualityId }, select: { senderNumber: true } });
  if (current.senderNumber) return current.senderNumber;
  const [row] = await tx.$queryRaw<{ max: number | null }[]>`SELECT max("senderNumber")::int AS max FROM "Quality"`;
  const next = String(Math.max(FIRST_SENDER_NUMBER, (row?.max ?? 0) + 1));
  await tx.quality.update({ where: { id: qualityId }, data: { senderNumber: next } });
  return next;
}

function credentials(input: TCreateChannel, certificate: Uint8Array, now: Date) {
  if (certificate.byteLength === 0)
    throw new AppError("BAD_REQUEST", msg("batch.errors.certificateMissing"), { certificate: [msg("batch.errors.certificateRequired")] });
  if (certificate.byteLength > MAX_CERTIFICATE_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", msg("batch.errors.certificateTooLarge"), { certificate: [msg("batch.errors.certificateMax")] });
  try {
    return { cert: readCertificate(certificate, now), ssh: input.sshPublicKey ? readSshPublicKey(input.sshPublicKey) : null };
  } catch (e) {
    if (e instanceof CredentialError) {
      throw new AppError("UNPROCESSABLE", e.message, { [e.field]: [e.message] });
    }
    throw e;
  }
}

/** Adds the quality's SFTP (or FTP) account. The sender number comes with the first channel. */
export async function createChannel(o: { actor: Actor; meta: RequestMeta; input: TCreateChannel; certificate: Uint8Array; now?: Date }) {
  const now = o.now ?? new Date();
  // Who and where first: a person without the right is refused whatever the files they sent.
  await db.$transaction((tx) => channelQuality(tx, o.actor, o.input.qualityId));
  const { cert, ssh } = credentials(o.input, o.certificate, now);
  if (o.input.kind === "SFTP" && !ssh)
    throw new AppError("BAD_REQUEST", msg("batch.errors.sftpNeedsKey"), { sshPublicKey: [msg("batch.errors.sshKeyRequired")] });
  return db.$transaction(async (tx) => {
    const quality = await channelQuality(tx, o.actor, o.input.qualityId);
    const existing = await tx.technicalChannel.findUnique({ where: { qualityId_kind: { qualityId: quality.id, kind: o.input.kind } }, select: { id: true } });
    if (existing) {
      throw new AppError("CONFLICT", msg("batch.errors.channelExists", { kind: o.input.kind }));
    }
    const taken = await tx.technicalChannel.findUnique({ where: { technicalUsername: o.input.technicalUsername }, select: { id: true } });
    if (taken) throw new AppError("CONFLICT", msg("batch.errors.usernameTaken"), { technicalUsername: [msg("batch.errors.alreadyUsed")] });
    const senderNumber = await assignSenderNumber(tx, quality.id);
    const channel = await tx.technicalChannel.create({
      data: {
        entityId: o.actor.entityId,
        qualityId: quality.id,
        kind: o.input.kind,
        accountName: o.input.accountName,
        services: inCatalogueOrder(o.input.services),
        certificateName: o.input.certificateName,
        certificateDer: new Uint8Array(cert.der),
        certificateSubject: cert.subject,
        certificateFingerprint: cert.fingerprint256,
        certificateValidTo: cert.validTo,
        technicalUsername: o.input.technicalUsername,
        sshPublicKey: ssh?.normalized ?? null,
        sshKeyFingerprint: ssh?.fingerprint ?? null,
        createdById: o.actor.personId,
      },
      select: { id: true, kind: true },
    });
    await writeAuditEvent(tx, auditContext(o.actor, o.meta), {
      action: "channel.created",
      targetType: "TechnicalChannel",
      targetId: channel.id,
      after: {
        qualityId: quality.id,
        kind: o.input.kind,
        accountName: o.input.accountName,
        services: inCatalogueOrder(o.input.services),
        technicalUsername: o.input.technicalUsername,
        certificateFingerprint: cert.fingerprint256,
        sshKeyFingerprint: ssh?.fingerprint ?? null,
        senderNumber,
      },
    });
    return { ...channel, senderNumber };
  });
}

/** Changes the secure permissions (services) the channel is open for. */
export async function setChannelServices(o: { actor: Actor; meta: RequestMeta; input: z.infer<typeof ZChannelServices> }) {
  return db.$transaction(async (tx) => {
    const channel = await channelOfActor(tx, o.actor, o.input.channelId);
    const services = inCatalogueOrder(o.input.services);
    await tx.technicalChannel.update({ where: { id: channel.id }, data: { services } });
    await writeAuditEvent(tx, auditContext(o.actor, o.meta), {
      action: "channel.services_changed",
      targetType: "TechnicalChannel",
      targetId: channel.id,
      before: { services: channel.services },
      after: { services },
    });
  });
}

/** Suspends or resumes a channel (the account, its username and sender number are kept). */
export async function setChannelActive(o: { actor: Actor; meta: RequestMeta; channelId: string; isActive: boolean }) {
  return db.$transaction(async (tx) => {
    const channel = await channelOfActor(tx, o.actor, o.channelId);
    if (channel.isActive === o.isActive) return;
    await tx.technicalChannel.update({ where: { id: channel.id }, data: { isActive: o.isActive } });
    await writeAuditEvent(tx, auditContext(o.actor, o.meta), {
      action: o.isActive ? "channel.reactivated" : "channel.deactivated",
      targetType: "TechnicalChannel",
      targetId: channel.id,
      before: { isActive: channel.isActive },
      after: { isActive: o.isActive },
    });
  });
}

/** The Chaman page: the « Employeur ONSS » qualities the actor manages, with channels, mandates, deposits and acknowledgements. Five queries. */
export async function listChannelQualities(actor: Actor) {
  const qualities = await db.quality.findMany({
    where: { entityId: actor.entityId, type: CHANNEL_QUALITY },
    select: { id: true, identifier: true, isActive: true, senderNumber: true },
  });
  const managed = qualities.filter((q) => can(actor, "quality.manage_channels", { entityId: actor.entityId, qualityId: q.id }));
  const ids = managed.map((q) => q.id);
  const [channels, mandates] = await Promise.all([
    db.technicalChannel.findMany({
      where: { qualityId: { in: ids } },
      orderBy: { kind: "asc" },
      select: {
        id: true,
        qualityId: true,
        kind: true,
        accountName: true,
        services: true,
        certificateName: true,
        certificateSubject: true,
        certificateFingerprint: true,
        certificateValidTo: true,
        certificateDer: true,
        technicalUsername: true,
        sshKeyFingerprint: true,
        portalKeySealed: true,
        isActive: true,
        createdAt: true,
      },
    }),
    db.batchMandate.findMany({ where: { qualityId: { in: ids } }, orderBy: [{ service: "asc" }, { validFrom: "desc" }] }),
  ]);
  const deposits = await db.batchDeposit.findMany({
    where: { channelId: { in: channels.map((c) => c.id) } },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, channelId: true, environment: true, setName: true, status: true, error: true, createdAt: true, files: true },
  });
  const acknowledgements = await db.batchAcknowledgement.findMany({
    where: { channelId: { in: channels.map((c) => c.id) } },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true,
      channelId: true,
      depositId: true,
      fileName: true,
      kind: true,
      outcome: true,
      quotedName: true,
      details: true,
      signatureNote: true,
      createdAt: true,
    },
  });
  // The sealed key never leaves this function: the page only learns whether there is one.
  // The certificate (public) goes to the signing island, which compares its key with the PKCS#12's.
  const shown = channels.map(({ portalKeySealed, certificateDer, ...c }) => ({
    ...c,
    certificateBase64: Buffer.from(certificateDer).toString("base64"),
    hasPortalKey: portalKeySealed !== null,
  }));
  return managed.map((q) => ({
    ...q,
    channels: shown.filter((c) => c.qualityId === q.id),
    mandates: mandates.filter((m) => m.qualityId === q.id),
    deposits: deposits
      .filter((d) => shown.some((c) => c.id === d.channelId && c.qualityId === q.id))
      .map((d) => ({ ...d, acknowledgements: acknowledgements.filter((a) => a.depositId === d.id) })),
    unmatchedAcknowledgements: acknowledgements.filter((a) => a.depositId === null && shown.some((c) => c.id === a.channelId && c.qualityId === q.id)),
  }));
}
