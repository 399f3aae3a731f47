import "server-only";

import { randomBytes } from "node:crypto";

import { writeAuditEvent, type AuditContext } from "@/lib/audit/write-audit-event";
import { db, type Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { sessionHandle } from "@/lib/sessions/session-handle";

// Server-side sessions. The next-auth JWT only names a session row; the row decides. Revoking the
// row (sign-out, idle timeout, absolute lifetime, DPD action) ends the session on the next request.

const TOUCH_EVERY_MS = 10_000; // fewer writes: lastSeenAt moves at most every 10 s

export async function createSession(tx: Tx, opts: { personId: string; ip: string | null; userAgent: string | null }) {
  const id = randomBytes(32).toString("base64url");
  const now = new Date();
  await tx.session.create({
    data: { id, personId: opts.personId, ip: opts.ip, userAgent: opts.userAgent, expiresAt: new Date(now.getTime() + env().SESSION_MAX_HOURS * 3600_000) },
  });
  return id;
}

export type SessionCheck = { ok: true; personId: string } | { ok: false; reason: "inconnue" | "fermée" | "inactivité" | "durée maximale" | "compte bloqué" };

/** What a session row and its person say at `now`, before anything is written. */
export type SessionFacts = {
  revokedAt: Date | null;
  expiresAt: Date;
  lastSeenAt: Date;
  personStatus: string;
  sessionIdleSeconds: number;
};

/** Why a live session must end now (blocked account, maximum lifetime, idle timeout), or null. */
export function sessionEndReason(s: SessionFacts, now: number): Extract<SessionCheck, { ok: false }>["reason"] | null {
  return s.personStatus === "BLOCKED"
    ? "compte bloqué"
    : s.expiresAt.getTime() <= now
      ? "durée maximale"
      : s.lastSeenAt.getTime() + s.sessionIdleSeconds * 1000 <= now
        ? "inactivité"
        : null;
}

/**
 * After the checks of a session read by the caller (checkSession, or the one-statement actor load
 * of load-actor.ts): ends it when it must end, else records activity at most every 10 s.
 */
export async function settleSession(
  sessionId: string,
  s: SessionFacts & { personId: string; entityId: string },
  opts: { touch: boolean },
): Promise<SessionCheck> {
  if (s.revokedAt) return { ok: false, reason: "fermée" };
  const now = Date.now();
  const reason = sessionEndReason(s, now);
  if (reason) {
    await revokeSession(sessionId, reason, { actorId: s.personId, entityId: s.entityId });
    return { ok: false, reason };
  }
  if (opts.touch && now - s.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: new Date(now) } });
  }
  return { ok: true, personId: s.personId };
}

/** Validates a session id and records activity (`touch`: a page view or an explicit ping). */
export async function checkSession(sessionId: string, opts: { touch: boolean }): Promise<SessionCheck> {
  const s = await db.session.findUnique({
    where: { id: sessionId },
    include: { person: { select: { status: true, entityId: true, entity: { select: { sessionIdleSeconds: true } } } } },
  });
  if (!s) return { ok: false, reason: "inconnue" };
  return settleSession(
    sessionId,
    { ...s, personStatus: s.person.status, sessionIdleSeconds: s.person.entity.sessionIdleSeconds, entityId: s.person.entityId },
    opts,
  );
}

/** Ends a session once; the audit event names why. Ending an already-ended session does nothing. */
export async function revokeSession(sessionId: string, reason: string, ctx: AuditContext): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const r = await tx.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: reason } });
    if (r.count === 0) return false;
    const action = reason === "déconnexion" ? "auth.sign_out" : "auth.session_ended";
    // The session's handle (as /sessions shows it), never any part of its id, which is the bearer secret.
    await writeAuditEvent(tx, ctx, { action, targetType: "session", targetId: sessionHandle(sessionId), after: { reason } });
    return true;
  });
}
