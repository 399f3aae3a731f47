import "server-only";

import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import type { RequestMeta } from "@/lib/http/request-context";
import { sessionHandle } from "@/lib/sessions/session-handle";

import { createSession } from "../sessions";
import { hashChallengeToken } from "./challenge-token";
import { notifyIfNewDevice } from "./notify-new-device";
import { lockOpenChallenge } from "./open-challenge";

/**
 * Turns a challenge that passed both factors into a session, once. Returns null otherwise, and
 * when the challenge was revoked or its person locked or blocked after the second factor.
 */
export async function consumeChallenge(opts: { token: string; meta: RequestMeta }): Promise<{ personId: string; sessionId: string } | null> {
  if (typeof opts.token !== "string" || !opts.token || opts.token.length > 100) return null;
  const found = await db.loginChallenge.findUnique({ where: { tokenHash: hashChallengeToken(opts.token) }, select: { id: true, personId: true } });
  if (!found) return null;
  return db.$transaction(async (tx) => {
    // Under the person's row lock (open-challenge.ts): a lock or block that committed first is seen.
    if (!(await lockOpenChallenge(tx, { challengeId: found.id, personId: found.personId, stage: "SECOND_FACTOR_OK" }))) return null;
    // Single use even under concurrency: only one update can flip usedAt from null.
    const claimed = await tx.loginChallenge.updateMany({ where: { id: found.id, usedAt: null, revokedAt: null }, data: { usedAt: new Date() } });
    if (claimed.count !== 1) return null;
    const person = await tx.person.update({
      where: { id: found.personId },
      data: { lastLoginAt: new Date(), failedLogins: 0, lockoutLevel: 0, lockedUntil: null },
      select: { id: true, entityId: true, email: true, firstName: true },
    });
    // Before this session exists: compared with the person's earlier sessions only.
    await notifyIfNewDevice(tx, { person, meta: opts.meta, at: new Date() });
    const sessionId = await createSession(tx, { personId: found.personId, ...opts.meta });
    await writeAuditEvent(
      tx,
      { actorId: found.personId, entityId: person.entityId, ...opts.meta },
      // The session's handle, never any part of its id: the id is the bearer secret (issue 9, finding 10).
      { action: "auth.sign_in", targetType: "session", targetId: sessionHandle(sessionId) },
    );
    return { personId: found.personId, sessionId };
  });
}
