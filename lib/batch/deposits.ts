import "server-only";

import { createHash } from "node:crypto";

import { z } from "zod";

import type { Actor } from "@/lib/access/actor";
import { auditContext, authorize } from "@/lib/access/manage/command";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { open, seal } from "@/lib/crypto/keys";
import { db, type Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { toBrusselsDate } from "@/lib/c607/calendar-date";
import { AppError, notFound } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import type { RequestMeta } from "@/lib/http/request-context";

import { generateSshKeyPair } from "./credentials";
import { buildFileNames, cancellationName, checkFileSet, MAX_PARTS } from "./file-names";
import { nextSequence } from "./file-sequence";
import { listFiles, readFile, SftpError, type SftpTarget, uploadInOrder } from "./sftp-client";
import { verifyFs } from "./verify-signature";

// Depositing a sending on the batch channel from the portal (seed 004, section 4): the portal is
// then the centre's SFTP client. It holds its own SSH key for the channel (generated here, sealed at
// rest; the public part is what the centre registers in Chaman). The FS signatures are made by the
// centre with its qualified certificate, outside the portal: the portal never holds that key, but
// it checks every FS against its FI and the channel's certificate before sending anything.

export const MAX_DEPOSIT_BYTES = 20 * 1024 * 1024;

// The date and the sequence of the file names are the portal's: today in Belgium, and the next
// free number for this sender, date and environment (file-sequence.ts).
export const ZDeposit = z.object({
  channelId: z.uuid({ error: msg("batch.errors.unknownChannel") }),
  code: z
    .string({ error: msg("batch.errors.serviceCodeRequired") })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{2,12}$/, { error: msg("batch.errors.serviceCodeFormat") }),
  environment: z.enum(["R", "T"], { error: msg("batch.errors.environmentRT") }),
});
export type TDeposit = z.infer<typeof ZDeposit>;

async function channelForActor(tx: Tx, actor: Actor, channelId: string) {
  const channel = await tx.technicalChannel.findFirst({ where: { id: channelId, entityId: actor.entityId } });
  if (!channel) throw notFound();
  authorize(actor, "quality.manage_channels", { entityId: actor.entityId, qualityId: channel.qualityId });
  const quality = await tx.quality.findUniqueOrThrow({ where: { id: channel.qualityId }, select: { senderNumber: true } });
  return { ...channel, senderNumber: quality.senderNumber };
}

/**
 * The portal's own SSH key for the channel: a new ed25519 pair; the private part is sealed, the
 * public part replaces the channel's SSH key (to register in Chaman). Audited with both fingerprints.
 */
export async function generatePortalKey(o: { actor: Actor; meta: RequestMeta; channelId: string }) {
  const { pair, publicKey } = generateSshKeyPair("portail-cpas");
  return db.$transaction(async (tx) => {
    const channel = await channelForActor(tx, o.actor, o.channelId);
    if (channel.kind !== "SFTP") throw new AppError("UNPROCESSABLE", msg("batch.errors.portalKeySftpOnly"));
    await tx.technicalChannel.update({
      where: { id: channel.id },
      data: { sshPublicKey: publicKey.normalized, sshKeyFingerprint: publicKey.fingerprint, portalKeySealed: seal(pair.private) },
    });
    await writeAuditEvent(tx, auditContext(o.actor, o.meta), {
      action: "channel.portal_key_generated",
      targetType: "TechnicalChannel",
      targetId: channel.id,
      before: { sshKeyFingerprint: channel.sshKeyFingerprint },
      after: { sshKeyFingerprint: publicKey.fingerprint },
    });
    return { publicKey: `${publicKey.normalized} portail-cpas`, fingerprint: publicKey.fingerprint };
  });
}

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Where and as whom the portal connects for this channel; refused when deposits are not configured. */
export function sftpTarget(channel: { technicalUsername: string; portalKeySealed: string | null }): SftpTarget {
  const hostKey = env().BATCH_SFTP_HOST_KEY;
  if (!hostKey) throw new AppError("UNAVAILABLE", msg("batch.errors.depositNotConfigured"));
  if (!channel.portalKeySealed) {
    throw new AppError("UNPROCESSABLE", msg("batch.errors.portalKeyFirst"));
  }
  return {
    host: env().BATCH_SFTP_HOST,
    port: env().BATCH_SFTP_PORT,
    hostKeySha256: hostKey,
    username: channel.technicalUsername,
    privateKey: open(channel.portalKeySealed),
  };
}

/** Every FS against its FI (verify-signature.ts); the first refusal stops the deposit, nothing sent. */
async function checkSignatures(fi: Uint8Array[], fs: Uint8Array[], certificateDer: Uint8Array) {
  for (const [i, part] of fi.entries()) {
    const refusal = await verifyFs({ fi: part, fs: fs[i]!, channelCertificateDer: certificateDer });
    if (refusal) {
      const message = msg("batch.errors.fsRefused", { part: i + 1, reason: refusal.reason, acrf: refusal.acrf });
      throw new AppError("UNPROCESSABLE", message, { fs: [msg("batch.errors.fsRefusedField", { part: i + 1 })] });
    }
  }
}

/**
 * A deposit's state: DEPOSITED (FI, FS and GO written: the social security processes it), HELD (FI
 * and FS written without the GO: waits for « Lancer le traitement (GO) » or « Annuler l'envoi
 * (TD) »), FAILED (the upload stopped: some files may be on the server), CANCELLED (its TD written).
 */
export type DepositState = "DEPOSITED" | "HELD" | "FAILED" | "CANCELLED";

/**
 * Sends one sending: every FI part (and its FS in production), then the empty GO, in that order,
 * to IN or INTEST; with `launch: false`, without the GO (the sending is HELD until its GO or its
 * TD). The deposit is recorded either way (DEPOSITED, HELD or FAILED, with the reason) and
 * audited; a failure also answers 503 with the reason.
 */
export async function depositSending(o: { actor: Actor; meta: RequestMeta; input: TDeposit; fi: Uint8Array[]; fs: Uint8Array[]; launch?: boolean }) {
  const launch = o.launch ?? true;
  const channel = await db.$transaction((tx) => channelForActor(tx, o.actor, o.input.channelId));
  if (!channel.isActive) throw new AppError("UNPROCESSABLE", msg("batch.errors.channelSuspended"));
  if (channel.kind !== "SFTP" || !channel.portalKeySealed) {
    throw new AppError("UNPROCESSABLE", msg("batch.errors.portalKeyFirst"));
  }
  const { senderNumber } = channel;
  if (!senderNumber) throw new AppError("UNPROCESSABLE", msg("batch.errors.noSenderNumber"));
  const parts = o.fi.length;
  if (parts < 1) throw new AppError("BAD_REQUEST", msg("batch.errors.needFi"), { fi: [msg("batch.errors.needFiField")] });
  if (parts > MAX_PARTS)
    throw new AppError("BAD_REQUEST", msg("batch.errors.tooManyParts", { max: MAX_PARTS }), {
      fi: [msg("batch.errors.tooManyPartsField", { max: MAX_PARTS })],
    });
  if (o.fi.some((f) => f.byteLength === 0)) throw new AppError("BAD_REQUEST", msg("batch.errors.emptyFi"), { fi: [msg("batch.errors.emptyFiField")] });
  if (o.input.environment === "R" && o.fs.length !== parts) {
    throw new AppError("BAD_REQUEST", msg("batch.errors.fsCount", { parts }), {
      fs: [msg("batch.errors.fsCountField")],
    });
  }
  if (o.input.environment === "T" && o.fs.length > 0) {
    throw new AppError("BAD_REQUEST", msg("batch.errors.noFsInTest"), { fs: [msg("batch.errors.noFsInTestField")] });
  }
  const date = toBrusselsDate(new Date());
  const errors = checkFileSet({ code: o.input.code, senderNumber, date, sequence: 1, environment: o.input.environment, parts });
  if (errors.length > 0) throw new AppError("BAD_REQUEST", msg("batch.errors.fixFields"), Object.fromEntries(errors.map((e) => [e.field, [e.message]])));
  if (o.input.environment === "R") await checkSignatures(o.fi, o.fs, channel.certificateDer);
  const target = sftpTarget(channel);
  // Given in its own transaction, before anything is sent: never reused, even if the upload fails.
  const sequence = await db.$transaction((tx) => nextSequence(tx, { senderNumber, date, environment: o.input.environment }));
  const set = { code: o.input.code, senderNumber, date, sequence, environment: o.input.environment, parts };

  const names = buildFileNames(set);
  const files = [
    ...names.fi.map((name, i) => ({ name, bytes: o.fi[i]! })),
    ...names.fs.map((name, i) => ({ name, bytes: o.fs[i]! })),
    ...(launch ? [{ name: names.go, bytes: new Uint8Array() }] : []),
  ];
  const summary = files.map((f) => ({ name: f.name, size: f.bytes.byteLength, sha256: sha256(f.bytes) }));
  let failure: SftpError | null = null;
  try {
    await uploadInOrder(
      target,
      files.map((f) => ({ path: `/${names.directory}/${f.name}`, bytes: f.bytes })),
    );
  } catch (e) {
    if (!(e instanceof SftpError)) throw e;
    failure = e;
  }
  const deposit = await db.$transaction(async (tx) => {
    const row = await tx.batchDeposit.create({
      data: {
        entityId: o.actor.entityId,
        channelId: channel.id,
        environment: o.input.environment,
        setName: names.go,
        files: summary,
        status: (failure ? "FAILED" : launch ? "DEPOSITED" : "HELD") satisfies DepositState,
        error: failure?.message ?? null,
        createdById: o.actor.personId,
      },
      select: { id: true, setName: true, status: true },
    });
    await writeAuditEvent(tx, auditContext(o.actor, o.meta), {
      action: failure ? "batch.deposit_failed" : launch ? "batch.deposited" : "batch.deposited_without_go",
      targetType: "BatchDeposit",
      targetId: row.id,
      after: { channelId: channel.id, directory: names.directory, files: summary, ...(failure ? { reason: failure.reason } : {}) },
    });
    return row;
  });
  if (failure) throw new AppError("UNAVAILABLE", failure.message);
  return { ...deposit, directory: names.directory, files: summary };
}

// A sending deposited without its GO is launched (GO) or cancelled (TD) later; a FAILED one may be
// cancelled (TD) since some of its FI/FS may be on the server. Source: socialsecurity.be « Créer les
// fichiers FI, FS et GO » v13 (GO « le fichier vide qui lance le traitement », TD « le fichier vide
// qui annule le traitement », named like the GO) and digital_sign/aspects/schema.htm (the GO marks
// the end of the transfer of the FI and FS). See docs/batch-channel.md « TD ».
//
// Transaction-safe: the deposit's row is locked (SELECT … FOR UPDATE) while its state is checked,
// the empty file written over SFTP and the new state and its audit event recorded, so a GO and a TD
// (or two TDs) pressed at the same moment are done one after the other and the second is refused.
// A refused write changes nothing (the transaction records nothing) and is audited apart.

const FILE_DIRECTORY = { R: "IN", T: "INTEST" } as const;
/** Failures before any file was written (wrong server, key refused): such a deposit left nothing to cancel. */
const NOTHING_WRITTEN = [msg("batch.sftp.HOST_KEY"), msg("batch.sftp.AUTH")];

/** Whether the page offers « Lancer le traitement (GO) » / « Annuler l'envoi (TD) » for a deposit. */
export function depositActions(d: { status: string; error: string | null }): { launch: boolean; cancel: boolean } {
  return {
    launch: d.status === "HELD",
    cancel: d.status === "HELD" || (d.status === "FAILED" && !NOTHING_WRITTEN.includes(d.error ?? "")),
  };
}

export const ZDepositId = z.object({ depositId: z.uuid({ error: msg("batch.errors.unknownDeposit") }) });

async function finishSending(o: { actor: Actor; meta: RequestMeta; depositId: string; file: "GO" | "TD" }) {
  const outcome = await db.$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "BatchDeposit" WHERE id = ${o.depositId}::uuid AND "entityId" = ${o.actor.entityId}::uuid FOR UPDATE`;
      if (locked.length === 0) throw notFound();
      const deposit = await tx.batchDeposit.findUniqueOrThrow({ where: { id: o.depositId } });
      const channel = await channelForActor(tx, o.actor, deposit.channelId);
      const state = deposit.status as DepositState;
      if (state === "CANCELLED") throw new AppError("CONFLICT", msg("batch.errors.alreadyCancelled"));
      if (state === "DEPOSITED") throw new AppError("CONFLICT", msg(o.file === "TD" ? "batch.errors.tdAfterGo" : "batch.errors.alreadyLaunched"));
      if (state === "FAILED" && o.file === "GO") throw new AppError("CONFLICT", msg("batch.errors.goAfterFailure"));
      if (state === "FAILED" && !depositActions(deposit).cancel) throw new AppError("CONFLICT", msg("batch.errors.nothingToCancel"));
      if (!channel.isActive) throw new AppError("UNPROCESSABLE", msg("batch.errors.channelSuspended"));
      const target = sftpTarget(channel);
      const directory = FILE_DIRECTORY[deposit.environment as "R" | "T"];
      const name = o.file === "GO" ? deposit.setName : cancellationName(deposit.setName);
      try {
        await uploadInOrder(target, [{ path: `/${directory}/${name}`, bytes: new Uint8Array() }]);
      } catch (e) {
        if (!(e instanceof SftpError)) throw e;
        return { failure: e, deposit, directory, name };
      }
      const sent = { name, size: 0, sha256: sha256(new Uint8Array()) };
      const status: DepositState = o.file === "GO" ? "DEPOSITED" : "CANCELLED";
      const files = [...(Array.isArray(deposit.files) ? deposit.files : []), sent];
      await tx.batchDeposit.update({ where: { id: deposit.id }, data: { status, files } });
      await writeAuditEvent(tx, auditContext(o.actor, o.meta), {
        action: o.file === "GO" ? "batch.launched" : "batch.cancelled",
        targetType: "BatchDeposit",
        targetId: deposit.id,
        before: { status: deposit.status },
        after: { status, directory, file: name },
      });
      return { failure: null, deposit: { ...deposit, status }, directory, name };
    },
    // The SFTP connection may take up to 15 s to fail: the lock is held for that long at most.
    { timeout: 40_000 },
  );
  if (outcome.failure) {
    await db.$transaction((tx) =>
      writeAuditEvent(tx, auditContext(o.actor, o.meta), {
        action: o.file === "GO" ? "batch.launch_failed" : "batch.cancel_failed",
        targetType: "BatchDeposit",
        targetId: outcome.deposit.id,
        after: { directory: outcome.directory, file: outcome.name, reason: outcome.failure.reason },
      }),
    );
    throw new AppError("UNAVAILABLE", outcome.failure.message);
  }
  return { id: outcome.deposit.id, setName: outcome.deposit.setName, status: outcome.deposit.status, directory: outcome.directory, file: outcome.name };
}

/** « Lancer le traitement (GO) »: writes the empty GO of a sending deposited without it. */
export const launchSending = (o: { actor: Actor; meta: RequestMeta; depositId: string }) => finishSending({ ...o, file: "GO" });

/**
 * « Annuler l'envoi (TD) »: writes the empty TD of a sending that has no GO (HELD, or FAILED with
 * files possibly on the server). Refused once the GO is written: the processing has started.
 */
export const cancelSending = (o: { actor: Actor; meta: RequestMeta; depositId: string }) => finishSending({ ...o, file: "TD" });

// Acknowledgements (seed 004: "accusés de réception dans OUT / OUTTEST"): the return files of the
// social security (a triplet FO/FS/GO under its sender number 999999, DOMAIN.md) and any file
// naming this sender's number, listed and read back on demand (never at page load).

export const ACK_DIRECTORY = { R: "OUT", T: "OUTTEST" } as const;
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;
/** FO.<type>.999999.<YYYYMMDD>.<sequence>.<R|T> and its FS. and GO. (batch directives, files from the social security). */
export const RETURN_FILE = /^(FO|FS|GO)\.([A-Z0-9]{2,12})\.999999\.(\d{8})\.(\d{1,5})\.([RT])$/;
const isOurs = (name: string, senderNumber: string) => SAFE_NAME.test(name) && (RETURN_FILE.test(name) || name.includes(`.${senderNumber}.`));
export const ZAcknowledgements = z.object({
  channelId: z.uuid({ error: msg("batch.errors.unknownChannel") }),
  environment: z.enum(["R", "T"], { error: msg("batch.errors.environmentShort") }),
});

export async function acknowledgementChannel(actor: Actor, channelId: string) {
  const channel = await db.$transaction((tx) => channelForActor(tx, actor, channelId));
  if (!channel.senderNumber) throw new AppError("UNPROCESSABLE", msg("batch.errors.noSenderNumber"));
  return { channel, senderNumber: channel.senderNumber, target: sftpTarget(channel) };
}

export const unavailable = (e: unknown) => {
  if (e instanceof SftpError) return new AppError(e.reason === "READ" ? "NOT_FOUND" : "UNAVAILABLE", e.message);
  return e;
};

export async function listAcknowledgements(o: { actor: Actor; channelId: string; environment: "R" | "T" }) {
  const { senderNumber, target } = await acknowledgementChannel(o.actor, o.channelId);
  const files = await listFiles(target, `/${ACK_DIRECTORY[o.environment]}`).catch((e: unknown) => {
    throw unavailable(e);
  });
  return files
    .filter((f) => isOurs(f.name, senderNumber))
    .sort((a, b) => b.modifiedAt.getTime() - a.modifiedAt.getTime())
    .slice(0, 200);
}

export async function downloadAcknowledgement(o: { actor: Actor; meta: RequestMeta; channelId: string; environment: "R" | "T"; name: string }) {
  if (!SAFE_NAME.test(o.name)) throw new AppError("BAD_REQUEST", msg("batch.errors.badFileName"));
  const { channel, senderNumber, target } = await acknowledgementChannel(o.actor, o.channelId);
  if (!isOurs(o.name, senderNumber)) throw notFound();
  const bytes = await readFile(target, `/${ACK_DIRECTORY[o.environment]}/${o.name}`, MAX_DEPOSIT_BYTES).catch((e: unknown) => {
    throw unavailable(e);
  });
  await db.$transaction((tx) =>
    writeAuditEvent(tx, auditContext(o.actor, o.meta), {
      action: "batch.acknowledgement_downloaded",
      targetType: "TechnicalChannel",
      targetId: channel.id,
      after: { name: o.name, size: bytes.byteLength, sha256: sha256(bytes) },
    }),
  );
  return { name: o.name, bytes };
}
