import "server-only";

import type { Actor } from "@/lib/access/actor";
import { can } from "@/lib/access/can";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { stopAllAccess, stoppedSummary } from "@/lib/auth/stop-all-access";
import { db } from "@/lib/db/client";
import { AppError, forbidden } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import type { RequestMeta } from "@/lib/http/request-context";
import { mailSessionsEnded } from "@/lib/outbox/notify-domain";

export const ENDED_BY_DPD = "fermée par le DPD";

/**
 * The DPD ends every active session of a person of their centre (a lost laptop, a departure).
 * Only the DPD of the actor's own entity may (Actor.isDpd is computed from Entity.dpdPersonId),
 * and the person is looked up inside that entity only. Every way in stops with the sessions
 * (lib/auth/stop-all-access.ts): open sign-in challenges, pending invitations, and the person's API
 * tokens, which are revoked (a token on a lost laptop must not come back). One audit event names
 * the person and what was stopped; each session meets the sign-in page at its next request.
 */
export async function endPersonSessions(o: {
  actor: Actor;
  meta: RequestMeta;
  personEmail: string;
}): Promise<{ personName: string; count: number; tokens: number }> {
  if (!can(o.actor, "session.end_others", { entityId: o.actor.entityId })) throw forbidden();
  return db.$transaction(async (tx) => {
    const person = await tx.person.findFirst({
      where: { email: o.personEmail, entityId: o.actor.entityId },
      select: { id: true, firstName: true, lastName: true },
    });
    if (!person) {
      throw new AppError("NOT_FOUND", msg("sessions.errors.noSuchPerson"), { personEmail: [msg("sessions.errors.unknownAddress")] });
    }
    if (person.id === o.actor.personId) {
      throw new AppError("CONFLICT", msg("sessions.errors.ownSessions"));
    }
    const stopped = await stopAllAccess(tx, { personId: person.id, reason: ENDED_BY_DPD, kind: "sessions_ended" });
    await mailSessionsEnded(tx, { ...person, email: o.personEmail, entityId: o.actor.entityId });
    await writeAuditEvent(
      tx,
      { actorId: o.actor.personId, entityId: o.actor.entityId, ...o.meta },
      {
        action: "session.person_sessions_ended",
        targetType: "person",
        targetId: person.id,
        after: { ...stoppedSummary(stopped), reason: ENDED_BY_DPD },
      },
    );
    return { personName: `${person.firstName} ${person.lastName}`, count: stopped.sessions, tokens: stopped.tokens };
  });
}
