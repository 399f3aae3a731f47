import type { Tx } from "@/lib/db/client";

import { appendToChain } from "./append-to-chain";
import { chainKeyOf } from "./chain-key";
import type { HashableEvent } from "./hash-event";
import { maskTargetId, maskText } from "./mask-text";
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

type Pending = { chainKey: string; event: HashableEvent }[];
// Transactions running inside deferAuditEvents(): their events wait here until the end.
const deferred = new WeakMap<object, Pending>();

/** The stored event: masked here, at the single write point, so no caller can forget. */
function toEvent(ctx: AuditContext, input: AuditInput): HashableEvent {
  return {
    occurredAt: new Date(),
    actorId: ctx.actorId,
    entityId: input.entityId !== undefined ? input.entityId : ctx.entityId,
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId === undefined ? null : maskTargetId(input.targetType, input.targetId),
    before: redactSummary(input.before),
    after: redactSummary(input.after),
    ip: ctx.ip ?? null,
    userAgent: ctx.userAgent ? maskText(ctx.userAgent.slice(0, 300)) : null,
  };
}

/**
 * Appends one event to the chain of its centre. Call it inside the transaction that makes the
 * change it records: the event exists if and only if the change does. The chain's lock is held
 * until that transaction ends — inside a long transaction, use deferAuditEvents().
 */
export async function writeAuditEvent(tx: Tx, ctx: AuditContext, input: AuditInput): Promise<void> {
  const event = toEvent(ctx, input);
  const chainKey = chainKeyOf(event.entityId);
  const pending = deferred.get(tx);
  if (pending) {
    pending.push({ chainKey, event });
    return;
  }
  await appendToChain(tx, chainKey, [event]);
}

/**
 * Runs `work` with every writeAuditEvent(tx, …) it makes (its callees' too) held back, then writes
 * them all in one short step at its end: the chain is locked only for the last statements before
 * commit, not for the whole of a long transaction (a 1,000-row import). Chains are locked in key
 * order, so two such transactions touching the same chains cannot deadlock. Each event keeps the
 * time it was recorded at; its position in the chain is the order of commit.
 */
export async function deferAuditEvents<T>(tx: Tx, work: () => Promise<T>): Promise<T> {
  if (deferred.has(tx)) return work();
  const pending: Pending = [];
  deferred.set(tx, pending);
  let result: T;
  try {
    result = await work();
  } finally {
    deferred.delete(tx);
  }
  const byChain = new Map<string, HashableEvent[]>();
  for (const p of pending) {
    const events = byChain.get(p.chainKey) ?? [];
    events.push(p.event);
    byChain.set(p.chainKey, events);
  }
  for (const key of [...byChain.keys()].sort()) await appendToChain(tx, key, byChain.get(key)!);
  return result;
}
