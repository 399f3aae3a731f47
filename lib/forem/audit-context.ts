import "server-only";

import type { Actor } from "@/lib/access/actor";
import type { AuditContext } from "@/lib/audit/write-audit-event";
import type { RequestMeta } from "@/lib/http/request-context";

export function auditContext(actor: Actor, meta: RequestMeta): AuditContext {
  return { actorId: actor.personId, entityId: actor.entityId, ip: meta.ip, userAgent: meta.userAgent };
}
