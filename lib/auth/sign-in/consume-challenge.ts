import "server-only";

import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import type { RequestMeta } from "@/lib/http/request-context";

import { createSession } from "../sessions";
import { hashChallengeToken } from "./challenge-token";

/** Turns a challenge that passed both factors into a session, once. Returns null otherwise. */
export async function consumeChallenge(opts: { token: string; meta: RequestMeta }): Promise<{ personId: string; sessionId: string } | null> {
  if (!opts.token || opts.token.length > 100) return null;
  return db.$transaction(async (tx) => {
    const challenge = await tx.loginChallenge.findUnique({ where: { tokenHash: hashChallengeToken(opts.token) }, include: { person: true } });
    if (!challenge || challenge.stage !== "SECOND_FACTOR_OK" || challenge.expiresAt < new Date()) return null;
    // Single use even under concurrency: only one update can flip usedAt from null.
    const claimed = await tx.loginChallenge.updateMany({ where: { id: challenge.id, usedAt: null }, data: { usedAt: new Date() } });
    if (claimed.count !== 1 || challenge.person.status !== "ACTIVE") return null;
    const sessionId = await createSession(tx, { personId: challenge.personId, ...opts.meta });
    await tx.person.update({ where: { id: challenge.personId }, data: { lastLoginAt: new Date(), failedLogins: 0, lockoutLevel: 0, lockedUntil: null } });
    await writeAuditEvent(
      tx,
      { actorId: challenge.personId, entityId: challenge.person.entityId, ...opts.meta },
      {
        action: "auth.sign_in",
        targetType: "session",
        targetId: sessionId.slice(0, 8),
      },
    );
    return { personId: challenge.personId, sessionId };
  });
}
