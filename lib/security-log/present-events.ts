import "server-only";

import type { Actor } from "@/lib/access/actor";
import { QUALITY_LABELS } from "@/lib/access/catalogue";
import type { Db, Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";

import { describeTarget, summarizeChange } from "./describe-event";
import { actionLabel } from "./event-types";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const EVENT_SELECT = {
  id: true,
  occurredAt: true,
  actorId: true,
  action: true,
  targetType: true,
  targetId: true,
  before: true,
  after: true,
  ip: true,
  userAgent: true,
} as const;

type RawEvent = {
  id: bigint;
  occurredAt: Date;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
};

export type SecurityLogRow = {
  id: string;
  occurredAt: Date;
  action: string;
  label: string;
  actorName: string;
  actorEmail: string | null;
  target: string;
  change: string;
  ip: string | null;
  userAgent: string | null;
};

/** Every id in an event: its actor, its target and any id inside its before/after. */
function collectIds(value: unknown, into: Set<string>): void {
  if (typeof value === "string") {
    if (UUID.test(value)) into.add(value);
  } else if (Array.isArray(value)) {
    for (const v of value) collectIds(v, into);
  } else if (value && typeof value === "object") {
    for (const v of Object.values(value)) collectIds(v, into);
  }
}

/**
 * Names the ids of a page of events in two queries side by side (whatever the page size), looking
 * only inside the actor's centre — except organisations, whose names every DPD sees in the
 * FileExchange settings. Someone from elsewhere (an ONEM collaborator acting on a C60.7 request) is
 * not named; an id nobody can name is left out of the details.
 */
/** `locale`: the reader's language (default: the actor's own). */
export async function presentEvents(client: Db | Tx, actor: Actor, events: RawEvent[], locale: Locale = actor.language): Promise<SecurityLogRow[]> {
  const set = new Set<string>();
  for (const e of events) collectIds([e.actorId, e.targetId, e.before, e.after], set);
  const ids = [...set];
  const entityId = actor.entityId;
  const [people, named] = ids.length
    ? await Promise.all([
        client.person.findMany({ where: { id: { in: ids }, entityId }, select: { id: true, firstName: true, lastName: true, email: true } }),
        // Everything else a person can recognise, in one query: subdivisions, workers, C60.7
        // references, attestation numbers and contracts of the centre; organisations by name.
        client.$queryRaw<{ id: string; name: string }[]>`
          WITH ids(id) AS (VALUES ${Prisma.join(ids.map((id) => Prisma.sql`(${id}::uuid)`))})
          SELECT s.id::text AS id, s.name AS name FROM "Subdivision" s JOIN "Quality" q ON q.id = s."qualityId"
            WHERE s.id IN (SELECT id FROM ids) AND q."entityId" = ${entityId}::uuid
          UNION ALL SELECT w.id::text, w."firstName" || ' ' || w."lastName" FROM "Worker" w
            WHERE w.id IN (SELECT id FROM ids) AND w."entityId" = ${entityId}::uuid
          UNION ALL SELECT r.id::text, r.reference FROM "C607Request" r
            WHERE r.id IN (SELECT id FROM ids) AND r."entityId" = ${entityId}::uuid
          UNION ALL SELECT a.id::text, a.number FROM "Attestation" a
            WHERE a.id IN (SELECT id FROM ids) AND a."entityId" = ${entityId}::uuid
          UNION ALL SELECT c.id::text, w."firstName" || ' ' || w."lastName" || ', début ' || to_char(c."startDate", 'DD/MM/YYYY')
            FROM "Contract" c JOIN "Worker" w ON w.id = c."workerId"
            WHERE c.id IN (SELECT id FROM ids) AND c."entityId" = ${entityId}::uuid
          UNION ALL SELECT e.id::text, e.name FROM "Entity" e WHERE e.id IN (SELECT id FROM ids)`,
      ])
    : [[], []];
  const byId = new Map(people.map((p) => [p.id, p]));
  const names = new Map<string, string>([
    ...named.map((n): [string, string] => [n.id, n.name]),
    ...people.map((p): [string, string] => [p.id, `${p.firstName} ${p.lastName}`]),
    ...actor.qualities.map((q): [string, string] => [q.id, QUALITY_LABELS[q.type]]),
  ]);
  return events.map((e) => {
    const who = e.actorId ? byId.get(e.actorId) : undefined;
    return {
      id: e.id.toString(),
      occurredAt: e.occurredAt,
      action: e.action,
      label: actionLabel(e.action, locale),
      actorName: who ? `${who.firstName} ${who.lastName}` : e.actorId ? messagesFor(locale).securityLog.words.outsider : "—",
      actorEmail: who?.email ?? null,
      target: describeTarget(e, names, locale),
      change: summarizeChange(e.before, e.after, { action: e.action, names, locale }),
      ip: e.ip,
      userAgent: e.userAgent,
    };
  });
}
