import type { Db } from "@/lib/db/client";

import { GENESIS_HASH, hashEvent } from "./hash-event";

export type ChainReport = { ok: true; checked: number } | { ok: false; checked: number; brokenAt: string; reason: string };

/** Walks the whole chain in id order, in pages, and names the first event that does not match. */
export async function verifyAuditChain(db: Db, pageSize = 2000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let cursor: bigint | undefined;
  let checked = 0;
  for (;;) {
    const page = await db.auditEvent.findMany({
      where: cursor === undefined ? {} : { id: { gt: cursor } },
      orderBy: { id: "asc" },
      take: pageSize,
    });
    for (const row of page) {
      if (row.prevHash !== prevHash) {
        return { ok: false, checked, brokenAt: row.id.toString(), reason: "lien vers l'événement précédent rompu (ligne supprimée ou insérée)" };
      }
      const expected = hashEvent(prevHash, {
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
      });
      if (expected !== row.hash) {
        return { ok: false, checked, brokenAt: row.id.toString(), reason: "contenu modifié (empreinte différente)" };
      }
      prevHash = row.hash;
      checked += 1;
    }
    if (page.length < pageSize) return { ok: true, checked };
    cursor = page[page.length - 1]!.id;
  }
}
