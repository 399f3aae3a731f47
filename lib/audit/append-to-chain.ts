import type { Tx } from "@/lib/db/client";

import { GENESIS_HASH, hashEvent, type HashableEvent } from "./hash-event";

type Head = { seq: bigint; hash: string };

/**
 * Locks the chain's head row (SELECT … FOR UPDATE) until the caller's transaction ends: writers of
 * the same chain queue here, writers of other chains do not. The first event of a chain creates
 * the row; a concurrent creator waits on the primary key, then finds it.
 */
async function lockHead(tx: Tx, chainKey: string): Promise<Head> {
  const select = () => tx.$queryRaw<Head[]>`SELECT seq, hash FROM "AuditChainHead" WHERE "chainKey" = ${chainKey} FOR UPDATE`;
  let rows = await select();
  if (rows.length === 0) {
    await tx.$executeRaw`INSERT INTO "AuditChainHead" ("chainKey", seq, hash) VALUES (${chainKey}, 0, ${GENESIS_HASH}) ON CONFLICT ("chainKey") DO NOTHING`;
    rows = await select();
  }
  const head = rows[0]!;
  return { seq: BigInt(head.seq), hash: head.hash };
}

/**
 * Appends events, in order, to one chain: three statements whatever their number (lock the head,
 * insert the events, move the head). The lock is held from here to the end of the transaction.
 */
export async function appendToChain(tx: Tx, chainKey: string, events: HashableEvent[]): Promise<void> {
  if (events.length === 0) return;
  const head = await lockHead(tx, chainKey);
  let prevHash = head.hash;
  let seq = head.seq;
  const rows = events.map((event) => {
    seq += 1n;
    const hash = hashEvent(prevHash, event, { chainKey, seq });
    const row = {
      ...event,
      before: event.before === null ? undefined : (event.before as object),
      after: event.after === null ? undefined : (event.after as object),
      chainKey,
      seq,
      prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
  await tx.auditEvent.createMany({ data: rows });
  await tx.auditChainHead.update({ where: { chainKey }, data: { seq, hash: prevHash, updatedAt: new Date() } });
}
