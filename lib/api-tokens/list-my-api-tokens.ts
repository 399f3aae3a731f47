import "server-only";

import type { Actor } from "@/lib/access/actor";
import { db } from "@/lib/db/client";

export type MyApiToken = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

/** The actor's own tokens (STYLE 6: the `where` is the actor's id), active first. Never the hash. */
export async function listMyApiTokens(actor: Actor): Promise<MyApiToken[]> {
  const rows = await db.apiToken.findMany({
    where: { personId: actor.personId },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  return rows.sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null));
}
