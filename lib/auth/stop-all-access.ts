import "server-only";

import type { Tx } from "@/lib/db/client";

// Sessions, tokens and lockout as one state (issue 9): a lockout, a block or the DPD's "end all
// sessions" stops every way in at once, in the caller's transaction, so nothing started before
// the change survives it. docs/security.md, "Sessions, tokens and lockout: one state".
//
// - every open session ends (the next request meets the sign-in page);
// - every open sign-in challenge is revoked: a challenge that already passed the password (or
//   even the second factor) cannot finish the sign-in, and takes no more guesses;
// - every pending invitation is revoked: nobody can activate the account by that link;
// - the API tokens are suspended (locked: until the lock ends; blocked: until the holder resumes
//   them from /jetons once unblocked) or revoked (sessions_ended: the DPD ends everything when a
//   device is lost or someone leaves; a token on that device must not come back by itself).
//
// The caller writes the audit event of its own decision and records the counts returned here.

export type StopKind = "blocked" | "sessions_ended" | "locked";

export async function stopAllAccess(
  tx: Tx,
  o: { personId: string; reason: string; kind: StopKind },
): Promise<{ sessions: number; challenges: number; tokens: number; invitations: number }> {
  // The person's row lock (the caller may hold it already): a sign-in finishing at this moment
  // either sees the revocation or completes first and its new session ends here (sign-in/open-challenge.ts).
  await tx.$queryRaw`SELECT id FROM "Person" WHERE id = ${o.personId}::uuid FOR UPDATE`;
  const now = new Date();
  const sessions = await tx.session.updateMany({ where: { personId: o.personId, revokedAt: null }, data: { revokedAt: now, revokedReason: o.reason } });
  const challenges = await tx.loginChallenge.updateMany({
    where: { personId: o.personId, usedAt: null, revokedAt: null },
    data: { revokedAt: now, revokedReason: o.reason },
  });
  const invitations = await tx.invitation.updateMany({ where: { personId: o.personId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
  return { sessions: sessions.count, challenges: challenges.count, invitations: invitations.count, tokens: await stopTokens(tx, o, now) };
}

async function stopTokens(tx: Tx, o: { personId: string; reason: string; kind: StopKind }, now: Date): Promise<number> {
  const open = { personId: o.personId, revokedAt: null };
  if (o.kind === "sessions_ended") {
    return (await tx.apiToken.updateMany({ where: open, data: { revokedAt: now, revokedReason: o.reason } })).count;
  }
  if (o.kind === "blocked") {
    return (await tx.apiToken.updateMany({ where: open, data: { suspendedAt: now, suspendedUntil: null, suspendedReason: o.reason } })).count;
  }
  // Locked: until the lock ends, read from the row the caller has just written. A suspension
  // without end (a block) is never shortened by a lockout.
  const person = await tx.person.findUniqueOrThrow({ where: { id: o.personId }, select: { lockedUntil: true } });
  const until = person.lockedUntil && person.lockedUntil > now ? person.lockedUntil : now;
  const r = await tx.apiToken.updateMany({
    where: { ...open, OR: [{ suspendedAt: null }, { suspendedUntil: { not: null } }] },
    data: { suspendedAt: now, suspendedUntil: until, suspendedReason: o.reason },
  });
  return r.count;
}

/**
 * What an audit event records of a stop. The audit masks any key that looks like a secret
 * ("token" among them), so the count of API tokens is recorded as `apiAccess`.
 */
export function stoppedSummary(s: { sessions: number; challenges: number; tokens: number; invitations: number }) {
  return { sessions: s.sessions, challenges: s.challenges, invitations: s.invitations, apiAccess: s.tokens };
}

/** Whether a token's suspension is still in force (one without end lasts until the holder resumes it). */
export function isSuspended(t: { suspendedAt: Date | null; suspendedUntil: Date | null }, now: Date): boolean {
  return t.suspendedAt !== null && (t.suspendedUntil === null || t.suspendedUntil > now);
}
