import "server-only";

import type { Actor } from "@/lib/access/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

/** What the actor may read: messages for them, and for an audience whose right they hold. */
function inboxWhere(actor: Actor) {
  const audiences = [...new Set(actor.rights.map((r) => r.code as string))];
  // GL and co-GL reach every application of their quality (seed 003), so they read its messages.
  if (actor.roles.some((r) => r.role === "GL" || r.role === "CO_GL")) audiences.push("AGENT_SOCIAL");
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

export async function countUnread({ actor }: { actor: Actor }): Promise<number> {
  return db.notification.count({
    where: { ...inboxWhere(actor), readAt: null },
  });
}

/** Marks one message read; another centre's or another person's message is a 404. */
export async function markNotificationRead({ actor, id }: { actor: Actor; id: string }): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError("NOT_FOUND", "Élément introuvable.");
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
    throw new AppError("NOT_FOUND", "Élément introuvable.");
  }
}
