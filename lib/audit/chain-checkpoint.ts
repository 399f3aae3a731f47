import type { Db } from "@/lib/db/client";

import { verifyAuditChain, verifyChain, type ChainPageReader, type ChainReport, type ChainResult } from "./verify-audit-chain";

// Issue 15: the security log verified its centre's whole chain at every view (8.6× /login at 2
// million events). A full verification — `npm run audit:verify`, the hourly jobs — records for
// each intact chain its last event (AuditChainCheckpoint); the page then verifies that event and
// everything after it. A full verification that finds a chain broken deletes its checkpoint, so
// the page walks the whole chain again and names the broken event, exactly as before.

/** Every chain from its first event (verifyAuditChain), recording how far each one is intact. */
export async function verifyAndCheckpoint(db: Db, read?: ChainPageReader): Promise<ChainReport> {
  return verifyAuditChain(
    db,
    2000,
    async (result, last) => {
      const chainKey = result.chainKey;
      if (!result.ok) {
        await db.auditChainCheckpoint.deleteMany({ where: { chainKey } });
        return;
      }
      if (!last) return; // an empty chain: nothing to start from
      const point = { seq: last.seq, hash: last.hash, checked: last.checked, verifiedAt: new Date() };
      await db.auditChainCheckpoint.upsert({ where: { chainKey }, create: { chainKey, ...point }, update: point });
    },
    read,
  );
}

export type IncrementalChainResult = ChainResult & {
  /** When the chain was last verified from its first event; null: it was, just now, by this call. */
  fullyVerifiedAt: Date | null;
};

/**
 * One chain as the security log shows it: from its checkpoint when it has one, else whole. The
 * checkpoint's event is verified again (its content hashes to what was recorded, its link to the
 * one before it is the one it stores) and must still carry the recorded hash; if not, the whole
 * chain is walked and the first broken event named. Events before the checkpoint are not read:
 * a change to them shows at the next full verification (at most an hour later with the hourly
 * jobs), which then deletes the checkpoint.
 */
export async function verifyChainIncrementally(db: Db, chainKey: string): Promise<IncrementalChainResult> {
  const checkpoint = await db.auditChainCheckpoint.findUnique({ where: { chainKey } });
  if (checkpoint) {
    const anchor = await db.auditEvent.findUnique({ where: { chainKey_seq: { chainKey, seq: checkpoint.seq } }, select: { hash: true, prevHash: true } });
    if (anchor && anchor.hash === checkpoint.hash) {
      // Start just before the checkpoint's event, trusting only what the full verification saw.
      const from = { seq: checkpoint.seq - 1n, hash: anchor.prevHash, checked: checkpoint.checked - 1 };
      const result = await verifyChain(db, chainKey, 2000, from);
      if (result.ok) return { ...result, fullyVerifiedAt: checkpoint.verifiedAt };
    }
  }
  // No checkpoint, its event gone or changed, or a break after it: the whole chain names the first broken event.
  return { ...(await verifyChain(db, chainKey)), fullyVerifiedAt: null };
}
