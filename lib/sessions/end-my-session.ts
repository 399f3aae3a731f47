import "server-only";

import type { Actor } from "@/lib/access/actor";
import { revokeSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import type { RequestMeta } from "@/lib/http/request-context";

import { sessionHandle } from "./session-handle";

export const ENDED_BY_USER = "fermée par l'utilisateur";

/**
 * Ends one of the actor's own sessions, named by its handle. Only the actor's sessions are looked
 * at (STYLE 6): another person's handle is simply not found. The ended session meets the sign-in
 * page at its next request (lib/auth/sessions.ts checks the row on every request).
 */
export async function endMySession(o: { actor: Actor; meta: RequestMeta; handle: string }): Promise<void> {
  const mine = await db.session.findMany({ where: { personId: o.actor.personId, revokedAt: null }, select: { id: true } });
  const target = mine.find((s) => sessionHandle(s.id) === o.handle);
  if (!target) throw new AppError("NOT_FOUND", msg("sessions.errors.notFound"));
  if (target.id === o.actor.sessionId) {
    throw new AppError("CONFLICT", msg("sessions.errors.current"));
  }
  await revokeSession(target.id, ENDED_BY_USER, { actorId: o.actor.personId, entityId: o.actor.entityId, ...o.meta });
}
