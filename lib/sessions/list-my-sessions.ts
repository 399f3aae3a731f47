import "server-only";

import type { Actor } from "@/lib/access/actor";
import { db } from "@/lib/db/client";

import { describeUserAgent } from "./describe-user-agent";
import { sessionHandle } from "./session-handle";

export type MySession = {
  handle: string;
  device: string;
  ip: string | null;
  startedAt: Date;
  lastSeenAt: Date;
  isCurrent: boolean;
};

/**
 * The actor's sessions still in force: not ended, within their absolute lifetime and not idle past
 * the centre's timeout (such a row is ended at its next request anyway). One query.
 */
export async function listMySessions(actor: Actor): Promise<MySession[]> {
  const now = Date.now();
  const sessions = await db.session.findMany({
    where: { personId: actor.personId, revokedAt: null, expiresAt: { gt: new Date(now) } },
    orderBy: { lastSeenAt: "desc" },
    take: 100,
  });
  return sessions
    .filter((s) => s.id === actor.sessionId || s.lastSeenAt.getTime() + actor.sessionIdleSeconds * 1000 > now)
    .map((s) => ({
      handle: sessionHandle(s.id),
      device: describeUserAgent(s.userAgent),
      ip: s.ip,
      startedAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      isCurrent: s.id === actor.sessionId,
    }))
    .sort((a, b) => Number(b.isCurrent) - Number(a.isCurrent));
}
