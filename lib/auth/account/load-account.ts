import "server-only";

import type { Actor } from "@/lib/access/actor";
import { db } from "@/lib/db/client";

const SIGN_INS = ["auth.sign_in", "auth.sign_in_failed", "auth.sign_in_refused", "auth.lockout"];

/** What « Mon compte » shows of the signed-in person: their own rows only, found by their own id. */
export async function loadAccount(actor: Actor) {
  const now = new Date();
  const [roles, grants, person, recoveryLeft, signIns, activeSessions] = await Promise.all([
    db.roleAssignment.findMany({
      where: { personId: actor.personId, revokedAt: null },
      orderBy: { grantedAt: "asc" },
      select: { id: true, role: true, isBlocked: true, quality: { select: { type: true } }, subdivision: { select: { name: true } } },
    }),
    db.rightGrant.findMany({
      where: { personId: actor.personId, revokedAt: null, OR: [{ validUntil: null }, { validUntil: { gt: now } }] },
      orderBy: { grantedAt: "asc" },
      select: { id: true, grantedAt: true, validUntil: true, rightCode: true, right: { select: { name: true } }, quality: { select: { type: true } } },
    }),
    db.person.findUniqueOrThrow({ where: { id: actor.personId }, select: { passwordChangedAt: true, totpEnabledAt: true } }),
    db.recoveryCode.count({ where: { personId: actor.personId, usedAt: null } }),
    // Sign-ins and their failures are recorded with the person as actor or as target.
    db.auditEvent.findMany({
      where: { action: { in: SIGN_INS }, OR: [{ actorId: actor.personId }, { targetId: actor.personId }] },
      orderBy: { occurredAt: "desc" },
      take: 10,
      select: { id: true, occurredAt: true, action: true, ip: true, userAgent: true },
    }),
    db.session.count({ where: { personId: actor.personId, revokedAt: null, expiresAt: { gt: now } } }),
  ]);
  return { roles, grants, person, recoveryLeft, signIns: signIns.map((e) => ({ ...e, id: e.id.toString() })), activeSessions };
}

export type Account = Awaited<ReturnType<typeof loadAccount>>;
