import "server-only";

import { db } from "@/lib/db/client";

type Row = { id: string; occurredAt: number; action: string; actorId: string | null; ip: string | null; firstName: string | null; lastName: string | null };

/**
 * The centre's latest security events (sign-ins, failures, lockouts, sessions), with who did them:
 * ONE statement (issue 15; the names were a second round trip). A name is shown only for a person
 * of this centre; anyone else (or nobody) is « — ». Instants as epoch milliseconds (`timestamp`
 * columns hold UTC).
 */
export async function loadSecurityEvents(entityId: string, take: number) {
  const rows = await db.$queryRaw<Row[]>`
    SELECT a.id::text AS id, (extract(epoch from a."occurredAt") * 1000)::float8 AS "occurredAt", a.action,
      a."actorId"::text AS "actorId", a.ip, p."firstName", p."lastName"
    FROM "AuditEvent" a LEFT JOIN "Person" p ON p.id = a."actorId" AND p."entityId" = a."entityId"
    WHERE a."entityId" = ${entityId}::uuid AND a.action LIKE 'auth.%'
    ORDER BY a.id DESC LIMIT ${take}`;
  return rows.map((e) => ({
    id: e.id,
    occurredAt: new Date(e.occurredAt),
    action: e.action,
    actorId: e.actorId,
    ip: e.ip,
    actorName: e.firstName !== null ? `${e.firstName} ${e.lastName}` : "—",
  }));
}
