import type { Tx } from "@/lib/db/client";

import { GENESIS_HASH, hashEvent, type HashableEvent } from "./hash-event";
import { redactSummary } from "./redact-summary";

export type AuditContext = {
  actorId: string | null;
  entityId: string | null;
  ip?: string | null;
  userAgent?: string | null;
};

export type AuditInput = {
  action: string;
  targetType?: string;
  targetId?: string;
  before?: unknown;
  after?: unknown;
  /** Overrides the context's entity (e.g. an ONEM collaborator acting on a CPAS request). */
  entityId?: string | null;
};

// One chain for the whole portal: the advisory lock serialises writers across connections and
// server instances, so two transactions never both extend the same previous hash.
const AUDIT_LOCK_KEY = 4_242_001;

/** Appends one event. Call it inside the transaction that makes the change it records. */
export async function writeAuditEvent(tx: Tx, ctx: AuditContext, input: AuditInput): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const event: HashableEvent = {
    occurredAt: new Date(),
    actorId: ctx.actorId,
    entityId: input.entityId !== undefined ? input.entityId : ctx.entityId,
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    before: redactSummary(input.before),
    after: redactSummary(input.after),
    ip: ctx.ip ?? null,
    userAgent: ctx.userAgent?.slice(0, 300) ?? null,
  };
  await tx.auditEvent.create({
    data: {
      ...event,
      before: event.before === null ? undefined : (event.before as object),
      after: event.after === null ? undefined : (event.after as object),
      prevHash,
      hash: hashEvent(prevHash, event),
    },
  });
}
