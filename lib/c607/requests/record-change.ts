import "server-only";

import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { Tx } from "@/lib/db/client";
import { clipText } from "@/lib/i18n/clip-text";
import type { C607Status } from "@/lib/generated/prisma/enums";

import { auditContext, type C607Context } from "./context";

export type ChangeKind =
  | "created"
  | "updated"
  | "attachment_added"
  | "attachment_removed"
  | "sent"
  | "taken"
  | "complement_requested"
  | "derogation_accepted"
  | "derogation_refused"
  | "calculated"
  | "answered"
  | "copied";

/**
 * One change = one timeline event (C607Event, shown to the CPAS and ONEM) and one audit event,
 * in the caller's transaction: both exist or neither does. The audit event is filed under the
 * request's centre, also when ONEM acts. Summaries never carry the NISS.
 */
export async function recordChange(
  tx: Tx,
  o: {
    ctx: C607Context;
    requestId: string;
    entityId: string;
    kind: ChangeKind;
    fromStatus?: C607Status;
    toStatus?: C607Status;
    note?: string;
    summary?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.c607Event.create({
    data: {
      requestId: o.requestId,
      actorId: o.ctx.actor.personId,
      kind: o.kind,
      fromStatus: o.fromStatus,
      toStatus: o.toStatus,
      note: o.note === undefined ? undefined : clipText(o.note, 2000),
    },
  });
  await writeAuditEvent(tx, auditContext(o.ctx), {
    action: `c607.${o.kind}`,
    targetType: "C607Request",
    targetId: o.requestId,
    entityId: o.entityId,
    before: o.fromStatus ? { status: o.fromStatus } : undefined,
    after: { ...(o.toStatus ? { status: o.toStatus } : {}), ...o.summary },
  });
}
