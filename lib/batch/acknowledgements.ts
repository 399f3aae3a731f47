import "server-only";

import type { Actor } from "@/lib/access/actor";
import { auditContext } from "@/lib/access/manage/command";
import { type AuditContext, writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RequestMeta } from "@/lib/http/request-context";
import { msg } from "@/lib/i18n/message-ref";

import { parseAcknowledgement, type ParsedAcknowledgement } from "./acknowledgement-xml";
import { ACK_DIRECTORY, acknowledgementChannel, RETURN_FILE, sha256, unavailable } from "./deposits";
import { parseFileName } from "./file-names";
import { listFiles, readFile, type SftpTarget } from "./sftp-client";
import { checkReturnSignature, type ReturnSignature } from "./verify-signature";

// Acknowledgements as statuses (issue 14): the ACRF and NOTI return files in OUT / OUTTEST are read
// on demand, parsed (acknowledgement-xml.ts), matched to the deposit whose file name they quote, and
// kept once per channel and file name, each recording audited. A return file counts once its GO is
// there (the social security writes FO and FS first, like a sender). The return file's own FS is
// checked with the certificate it carries and that certificate's chain built to the accepted CAs
// of BATCH_TRUST_ANCHORS_FILE (verify-signature.ts). Labels, problems and signature notes are
// stored as catalogue references and read in the reader's language.

export const MAX_ACKNOWLEDGEMENT_BYTES = 5 * 1024 * 1024;

export type Outcome = "RECEIVED" | "REFUSED_AT_RECEPTION" | "ACCEPTED" | "REFUSED" | "MALFORMED" | "HOSTILE";

function outcomeOf(parsed: ParsedAcknowledgement): Outcome {
  if (parsed.kind === "ACRF") return parsed.forms.every((f) => f.accepted) ? "RECEIVED" : "REFUSED_AT_RECEPTION";
  if (parsed.kind === "NOTI") return parsed.forms.every((f) => f.accepted) ? "ACCEPTED" : "REFUSED";
  return parsed.kind;
}

function detailsOf(parsed: ParsedAcknowledgement) {
  if (parsed.kind === "ACRF") return parsed.forms.flatMap((f) => f.errors);
  if (parsed.kind === "NOTI") return parsed.forms.flatMap((f) => f.anomalies);
  return [{ problem: parsed.problem }];
}

/** The deposit a quoted name belongs to: the GO of the same set (FI, FS or GO quoted), in this channel and environment. */
async function matchDeposit(channelId: string, environment: string, quoted: string | null) {
  if (!quoted) return null;
  const parsed = parseFileName(quoted);
  const setName = parsed ? `GO.${quoted.split(".").slice(1, 7).join(".")}` : quoted;
  const deposit = await db.batchDeposit.findFirst({ where: { channelId, environment, setName }, select: { id: true } });
  return deposit?.id ?? null;
}

/**
 * Reads the return files not read yet in OUT (R) or OUTTEST (T), records each one with its outcome
 * and the deposit it answers. Returns what was recorded now (already recorded files are skipped).
 */
export async function fetchAcknowledgements(o: { actor: Actor; meta: RequestMeta; channelId: string; environment: "R" | "T" }) {
  const { channel, target } = await acknowledgementChannel(o.actor, o.channelId);
  return recordNewAcknowledgements({ channel, target, environment: o.environment, audit: auditContext(o.actor, o.meta) });
}

/**
 * The reading itself, for a person (above) or for the hourly job (scheduled-acknowledgements.ts,
 * audited without an actor). Throws AppError when the server cannot be read.
 */
export async function recordNewAcknowledgements(o: {
  channel: { id: string; entityId: string };
  target: SftpTarget;
  environment: "R" | "T";
  audit: AuditContext;
}) {
  const { channel, target } = o;
  const directory = ACK_DIRECTORY[o.environment];
  const files = await listFiles(target, `/${directory}`).catch((e: unknown) => {
    throw unavailable(e);
  });
  const names = new Set(files.map((f) => f.name));
  const complete = files
    .map((f) => ({ name: f.name, size: f.size, m: RETURN_FILE.exec(f.name) }))
    .filter((f) => f.m && f.m[1] === "FO" && (f.m[2] === "ACRF" || f.m[2] === "NOTI") && names.has(`GO${f.name.slice(2)}`));
  const known = await db.batchAcknowledgement.findMany({
    where: { channelId: channel.id, fileName: { in: complete.map((f) => f.name) } },
    select: { fileName: true },
  });
  const fresh = complete.filter((f) => !known.some((k) => k.fileName === f.name));

  const recorded = [];
  for (const file of fresh) {
    const kind = file.m![2] as "ACRF" | "NOTI";
    // An oversized file is recorded as such, unread: one bad file never blocks the others.
    const isTooLarge = file.size > MAX_ACKNOWLEDGEMENT_BYTES;
    const bytes = isTooLarge
      ? new Uint8Array()
      : await readFile(target, `/${directory}/${file.name}`, MAX_ACKNOWLEDGEMENT_BYTES).catch((e: unknown) => {
          throw unavailable(e);
        });
    const fsName = `FS${file.name.slice(2)}`;
    const fsSize = files.find((f) => f.name === fsName)?.size;
    const signature: ReturnSignature = isTooLarge
      ? { status: "UNCHECKED", note: msg("batch.returnSignature.notRead") }
      : await checkReturnSignature({
          fo: bytes,
          fs:
            fsSize === undefined || fsSize > MAX_ACKNOWLEDGEMENT_BYTES
              ? null
              : await readFile(target, `/${directory}/${fsName}`, MAX_ACKNOWLEDGEMENT_BYTES).catch((e: unknown) => {
                  throw unavailable(e);
                }),
        });
    const parsed: ParsedAcknowledgement = isTooLarge
      ? { kind: "MALFORMED", problem: msg("batch.ackProblem.tooLarge", { size: file.size }) }
      : parseAcknowledgement(bytes, kind);
    const quotedName = parsed.kind === "ACRF" || parsed.kind === "NOTI" ? (parsed.forms[0]?.quotedName ?? null) : null;
    const depositId = await matchDeposit(channel.id, o.environment, quotedName);
    const outcome = outcomeOf(parsed);
    const data = {
      entityId: channel.entityId,
      channelId: channel.id,
      depositId,
      environment: o.environment,
      fileName: file.name,
      kind,
      outcome,
      quotedName,
      resultCode: parsed.kind === "ACRF" || parsed.kind === "NOTI" ? (parsed.forms[0]?.resultCode ?? null) : null,
      details: detailsOf(parsed),
      signatureStatus: signature.status,
      signatureNote: signature.note,
      size: isTooLarge ? file.size : bytes.byteLength,
      sha256: sha256(bytes),
    };
    try {
      const row = await db.$transaction(async (tx) => {
        const created = await tx.batchAcknowledgement.create({ data, select: { id: true, fileName: true, outcome: true, depositId: true } });
        await writeAuditEvent(tx, o.audit, {
          action: "batch.acknowledgement_recorded",
          targetType: "BatchAcknowledgement",
          targetId: created.id,
          after: { fileName: file.name, kind, outcome, depositId, quotedName, size: data.size, sha256: data.sha256, signature: signature.status },
        });
        return created;
      });
      recorded.push(row);
    } catch (e) {
      if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")) throw e; // read at the same moment by another request: recorded once
    }
  }
  return { directory, recorded };
}
