import "server-only";

import type { Actor } from "@/lib/access/actor";
import { auditContext, authorize } from "@/lib/access/manage/command";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import type { RequestMeta } from "@/lib/http/request-context";

/** The DPD sets the centre's idle timeout (BCSS: the session closes when the person steps away). */
export async function setSessionIdle(o: { actor: Actor; meta: RequestMeta; minutes: number }) {
  authorize(o.actor, "entity.manage_access_policy", { entityId: o.actor.entityId });
  return db.$transaction(async (tx) => {
    const before = await tx.entity.findUniqueOrThrow({ where: { id: o.actor.entityId }, select: { sessionIdleSeconds: true } });
    await tx.entity.update({ where: { id: o.actor.entityId }, data: { sessionIdleSeconds: o.minutes * 60 } });
    await writeAuditEvent(tx, auditContext(o.actor, o.meta), {
      action: "policy.session_idle_changed",
      targetType: "entity",
      targetId: o.actor.entityId,
      before: { minutes: before.sessionIdleSeconds / 60 },
      after: { minutes: o.minutes },
    });
  });
}
