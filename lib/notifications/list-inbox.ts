import "server-only";

import type { Actor } from "@/lib/access/actor";
import { canUseApplication } from "@/lib/access/application-scope";
import type { Action } from "@/lib/access/permissions";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";

// A team message is addressed to the holders of a right (`audience`); it reads as the application
// that right opens. Whoever can use that application of the centre reads it — holders of the right
// under the quality where it lives, and that quality's GL/co-GL — and nobody else (issue 9: a GL of
// Employeur ONSS does not read the Agent Social team's messages).
const AUDIENCE_APPLICATIONS: Record<string, Action> = {
  AGENT_SOCIAL: "app.c607",
  // Rapport unique (issue 10): the staff who encode, and the two signers.
  RU_MEMBRE_PERSONNEL: "app.rapport_unique.encode",
  RU_SIGNATAIRES: "app.rapport_unique.sign",
};

/** The audiences whose messages the actor reads: those whose application they can use. */
export function inboxAudiences(actor: Actor): string[] {
  return Object.entries(AUDIENCE_APPLICATIONS)
    .filter(([, action]) => canUseApplication(actor, action))
    .map(([audience]) => audience);
}

/** What the actor may read: messages for them, and for an audience whose application they can use. */
function inboxWhere(actor: Actor) {
  const audiences = inboxAudiences(actor);
  return {
    entityId: actor.entityId,
    OR: [{ personId: actor.personId }, { personId: null, audience: null }, { personId: null, audience: { in: audiences } }],
  };
}

export async function listInbox({ actor, take = 100 }: { actor: Actor; take?: number }) {
  const where = inboxWhere(actor);
  const [messages, unread] = await Promise.all([
    db.notification.findMany({ where, orderBy: { createdAt: "desc" }, take }),
    db.notification.count({ where: { ...where, readAt: null } }),
  ]);
  return { messages, unread };
}

/** Marks one message read; another centre's or another person's message is a 404. */
export async function markNotificationRead({ actor, id }: { actor: Actor; id: string }): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError("NOT_FOUND", msg("errors.notFound"));
  const { count } = await db.notification.updateMany({
    where: { id, readAt: null, ...inboxWhere(actor) },
    data: { readAt: new Date() },
  });
  if (
    count === 0 &&
    !(await db.notification.findFirst({
      where: { id, ...inboxWhere(actor) },
      select: { id: true },
    }))
  ) {
    throw new AppError("NOT_FOUND", msg("errors.notFound"));
  }
}
