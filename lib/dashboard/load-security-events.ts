import "server-only";

import { db } from "@/lib/db/client";

/** The centre's latest security events (sign-ins, failures, lockouts, sessions), with who did them. */
export async function loadSecurityEvents(entityId: string, take: number) {
  const events = await db.auditEvent.findMany({
    where: { entityId, action: { startsWith: "auth." } },
    orderBy: { id: "desc" },
    take,
    select: { id: true, occurredAt: true, action: true, actorId: true, ip: true, after: true },
  });
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => id !== null))];
  const people = actorIds.length
    ? await db.person.findMany({ where: { id: { in: actorIds }, entityId }, select: { id: true, firstName: true, lastName: true } })
    : [];
  const names = new Map(people.map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
  return events.map((e) => ({ ...e, id: e.id.toString(), actorName: e.actorId ? (names.get(e.actorId) ?? "—") : "—" }));
}
