import "server-only";

import type { Actor } from "@/lib/access/actor";
import { isSuspended } from "@/lib/auth/stop-all-access";
import { db } from "@/lib/db/client";

/**
 * What /jetons says of a token (issue 9: "suspended or revoked, and the UI says so"). A
 * suspension with an end (a lockout) lifts by itself; one without (a block) lasts until the holder
 * resumes the token.
 */
export type ApiTokenState =
  { kind: "active" } | { kind: "suspended"; since: Date; until: Date | null; reason: string | null } | { kind: "revoked"; at: Date; reason: string | null };

export type MyApiToken = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null; state: ApiTokenState };

/** The actor's own tokens (STYLE 6: the `where` is the actor's id), active first. Never the hash. */
export async function listMyApiTokens(actor: Actor, now = new Date()): Promise<MyApiToken[]> {
  const rows = await db.apiToken.findMany({
    where: { personId: actor.personId },
    select: {
      id: true,
      name: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      revokedReason: true,
      suspendedAt: true,
      suspendedUntil: true,
      suspendedReason: true,
    },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  return rows
    .map((r) => ({ id: r.id, name: r.name, createdAt: r.createdAt, lastUsedAt: r.lastUsedAt, revokedAt: r.revokedAt, state: stateOf(r, now) }))
    .sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null));
}

function stateOf(
  r: { revokedAt: Date | null; revokedReason: string | null; suspendedAt: Date | null; suspendedUntil: Date | null; suspendedReason: string | null },
  now: Date,
): ApiTokenState {
  if (r.revokedAt) return { kind: "revoked", at: r.revokedAt, reason: r.revokedReason };
  if (r.suspendedAt && isSuspended(r, now)) return { kind: "suspended", since: r.suspendedAt, until: r.suspendedUntil, reason: r.suspendedReason };
  return { kind: "active" };
}
