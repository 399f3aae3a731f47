import type { Db } from "@/lib/db/client";
import { msg } from "@/lib/i18n/message-ref";

import { chainKeyOf, GLOBAL_CHAIN, LEGACY_CHAIN } from "./chain-key";
import { GENESIS_HASH, hashEvent, type HashableEvent } from "./hash-event";

/**
 * `reason` (and `brokenAt` when no event is left) is a message reference (lib/i18n/message-ref.ts):
 * the reader's page or script says it in its language with `localize`.
 */
export type ChainResult = { chainKey: string; ok: true; checked: number } | { chainKey: string; ok: false; checked: number; brokenAt: string; reason: string };

/** A point of a chain: event `seq` with its `hash`, and how many events up to it are intact. */
export type ChainPoint = { seq: bigint; hash: string; checked: number };

/** An event as the verification reads it: what is hashed, and where it sits in its chain. */
export type ChainRow = HashableEvent & { id: bigint | string; seq: bigint; prevHash: string; hash: string };

/**
 * Reads up to `limit` events of a chain after position `afterSeq`, in sequence order. By default
 * through Prisma (prismaPageReader); `npm run audit:verify` reads raw rows with the pg driver
 * (lib/audit/pg-chain-reader.ts), which costs less than half the time per row at national size.
 */
export type ChainPageReader = (chainKey: string, afterSeq: bigint, limit: number) => Promise<ChainRow[]>;

export const prismaPageReader =
  (db: Db): ChainPageReader =>
  (chainKey, afterSeq, limit) =>
    db.auditEvent.findMany({ where: { chainKey, seq: { gt: afterSeq } }, orderBy: { seq: "asc" }, take: limit });

/**
 * Every chain, each walked on its own. At the top, for readers of the whole portal (the security
 * advisor's page, scripts): `checked` counts all valid events; when a chain is broken, `brokenAt`
 * and `reason` are those of the first broken chain (chain order below) and `broken` lists them all.
 */
export type ChainReport = (
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAt: string; reason: string; chainKey: string; broken: Extract<ChainResult, { ok: false }>[] }
) & { chains: ChainResult[] };

// The legacy chain first, then the system chain, then the centres.
function chainOrder(a: string, b: string): number {
  const rank = (k: string) => (k === LEGACY_CHAIN ? 0 : k === GLOBAL_CHAIN ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Walks every chain (those with a head row and those with events) and names the first broken link
 * of each. `onChain` hears each chain's result as it ends, with its last intact event when the
 * whole chain is intact (lib/audit/chain-checkpoint.ts records it).
 */
export async function verifyAuditChain(
  db: Db,
  pageSize = 2000,
  onChain?: (result: ChainResult, last: ChainPoint | null) => Promise<void>,
  read: ChainPageReader = prismaPageReader(db),
): Promise<ChainReport> {
  const [heads, keys] = await Promise.all([
    db.auditChainHead.findMany({ select: { chainKey: true } }),
    db.$queryRaw<{ chainKey: string }[]>`SELECT DISTINCT "chainKey" FROM "AuditEvent"`,
  ]);
  const all = [...new Set([...heads, ...keys].map((r) => r.chainKey))].sort(chainOrder);
  const chains: ChainResult[] = [];
  for (const chainKey of all) {
    const { result, last } = await walkChain(db, read, chainKey, pageSize);
    await onChain?.(result, last);
    chains.push(result);
  }
  const checked = chains.reduce((n, c) => n + c.checked, 0);
  const broken = chains.flatMap((c) => (c.ok ? [] : [c]));
  const first = broken[0];
  if (!first) return { ok: true, checked, chains };
  return { ok: false, checked, brokenAt: first.brokenAt, reason: first.reason, chainKey: first.chainKey, broken, chains };
}

/**
 * One chain in sequence order, in pages. Each event must follow the previous one (next number,
 * link to its hash), sit in its centre's chain and hash to what it stores; the head row must name
 * the last event, so a deleted tail is noticed too. `from` starts after a point already verified
 * (lib/audit/chain-checkpoint.ts); without it, from the chain's first event.
 */
export async function verifyChain(db: Db, chainKey: string, pageSize = 2000, from?: ChainPoint): Promise<ChainResult> {
  return (await walkChain(db, prismaPageReader(db), chainKey, pageSize, from)).result;
}

/** verifyChain, with the chain's last event when the chain is intact and not empty. */
async function walkChain(
  db: Db,
  read: ChainPageReader,
  chainKey: string,
  pageSize: number,
  from?: ChainPoint,
): Promise<{ result: ChainResult; last: ChainPoint | null }> {
  const isLegacy = chainKey === LEGACY_CHAIN;
  let prevHash = from?.hash ?? GENESIS_HASH;
  let seq = from?.seq ?? 0n;
  let lastId: string | null = null;
  let checked = from?.checked ?? 0;
  const broken = (brokenAt: string, reason: string) => ({ result: { chainKey, ok: false, checked, brokenAt, reason } as ChainResult, last: null });
  // The next page is read while this one is hashed (the database and Node work at the same time);
  // at most two pages are held, whatever the chain's length.
  let next = read(chainKey, seq, pageSize);
  for (;;) {
    const page = await next;
    if (page.length === pageSize) {
      next = read(chainKey, page[page.length - 1]!.seq, pageSize);
      next.catch(() => undefined); // a break found in this page returns before awaiting it
    }
    for (const row of page) {
      const id = row.id.toString();
      if (row.seq !== seq + 1n || row.prevHash !== prevHash) {
        return broken(id, msg("audit.chain.linkBroken"));
      }
      if (!isLegacy && chainKeyOf(row.entityId) !== chainKey) return broken(id, msg("audit.chain.wrongCentre"));
      const expected = hashEvent(
        prevHash,
        {
          occurredAt: row.occurredAt,
          actorId: row.actorId,
          entityId: row.entityId,
          action: row.action,
          targetType: row.targetType,
          targetId: row.targetId,
          before: row.before,
          after: row.after,
          ip: row.ip,
          userAgent: row.userAgent,
        },
        isLegacy ? undefined : { chainKey, seq: row.seq },
      );
      if (expected !== row.hash) return broken(id, msg("audit.chain.contentChanged"));
      prevHash = row.hash;
      seq = row.seq;
      lastId = id;
      checked += 1;
    }
    if (page.length < pageSize) break;
  }
  const head = await db.auditChainHead.findUnique({ where: { chainKey } });
  if (!head)
    return checked === 0
      ? { result: { chainKey, ok: true, checked }, last: null }
      : broken(lastId ?? msg("audit.chain.noEvent"), msg("audit.chain.headMissing"));
  if (head.seq !== seq || head.hash !== prevHash) {
    return broken(lastId ?? msg("audit.chain.noEvent"), msg("audit.chain.tailDeleted", { expected: Number(head.seq), found: Number(seq) }));
  }
  return { result: { chainKey, ok: true, checked }, last: checked > 0 ? { seq, hash: prevHash, checked } : null };
}
