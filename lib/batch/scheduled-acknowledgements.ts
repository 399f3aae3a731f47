import "server-only";

import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { localize, translatorFor } from "@/lib/i18n/translator";

import { recordNewAcknowledgements } from "./acknowledgements";
import { ACK_DIRECTORY, sftpTarget } from "./deposits";

// Acknowledgements on a schedule (issue 14): the hourly jobs (lib/jobs/run-hourly-jobs.ts, one
// instance per round thanks to its lease) read OUTTEST and OUT of every active SFTP channel that
// has the portal's key, as « Relever les accusés » does on demand. A channel whose server cannot
// be read is recorded (audit event `batch.acknowledgements_fetch_failed`, with the reason in
// French, no actor) and the others are still read: one failure never stops the job.

export type ScheduledFetch = {
  channels: number;
  recorded: number;
  failures: { channelId: string; environment: "R" | "T"; reason: string }[];
};

const ENVIRONMENTS = ["T", "R"] as const;

export async function fetchAllAcknowledgements(): Promise<ScheduledFetch> {
  // Deposits not configured on this installation (no pinned host key): nothing to read, no noise.
  if (!env().BATCH_SFTP_HOST_KEY) return { channels: 0, recorded: 0, failures: [] };
  const candidates = await db.technicalChannel.findMany({
    where: { kind: "SFTP", isActive: true, portalKeySealed: { not: null } },
    select: { id: true, entityId: true, qualityId: true, technicalUsername: true, portalKeySealed: true },
    orderBy: { createdAt: "asc" },
  });
  const numbered = await db.quality.findMany({
    where: { id: { in: candidates.map((c) => c.qualityId) }, senderNumber: { not: null } },
    select: { id: true },
  });
  const channels = candidates.filter((c) => numbered.some((q) => q.id === c.qualityId));
  const result: ScheduledFetch = { channels: channels.length, recorded: 0, failures: [] };
  for (const channel of channels) {
    for (const environment of ENVIRONMENTS) {
      try {
        const target = sftpTarget(channel);
        const { recorded } = await recordNewAcknowledgements({ channel, target, environment, audit: { actorId: null, entityId: channel.entityId } });
        result.recorded += recorded.length;
      } catch (e) {
        // The audit trail keeps the reason as text, in French (the job has no reader): translatorFor, outside a request.
        const reason = e instanceof AppError ? localize("fr", e.message) : translatorFor("fr")("batch.errors.fetchUnexpected");
        result.failures.push({ channelId: channel.id, environment, reason });
        await db
          .$transaction((tx) =>
            writeAuditEvent(
              tx,
              { actorId: null, entityId: channel.entityId },
              {
                action: "batch.acknowledgements_fetch_failed",
                targetType: "TechnicalChannel",
                targetId: channel.id,
                after: { directory: ACK_DIRECTORY[environment], reason, scheduled: true },
              },
            ),
          )
          .catch(() => undefined); // the database itself failing: the job's own error report says so
      }
    }
  }
  return result;
}
