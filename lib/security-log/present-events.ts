import "server-only";

import type { Actor } from "@/lib/access/actor";
import type { Db, Tx } from "@/lib/db/client";

import { describeTarget, summarizeChange } from "./describe-event";
import { QUALITY_LABELS } from "@/lib/access/catalogue";
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

/**
 * Names the actors and targets of a page of events in two queries, looking only inside the actor's
 * centre: someone from elsewhere (an ONEM collaborator acting on a C60.7 request) is not named.
 */
export async function presentEvents(client: Db | Tx, actor: Actor, events: RawEvent[]): Promise<SecurityLogRow[]> {
  const ids = new Set<string>();
  for (const e of events) {
    if (e.actorId) ids.add(e.actorId);
    if (e.targetId && UUID.test(e.targetId)) ids.add(e.targetId);
  }
  const [people, subdivisions] = ids.size
    ? await Promise.all([
        client.person.findMany({
          where: { id: { in: [...ids] }, entityId: actor.entityId },
          select: { id: true, firstName: true, lastName: true, email: true },
        }),
        client.subdivision.findMany({ where: { id: { in: [...ids] }, quality: { entityId: actor.entityId } }, select: { id: true, name: true } }),
      ])
    : [[], []];
  const byId = new Map(people.map((p) => [p.id, p]));
  // Targets by name: people and subdivisions of the centre, and its qualities (already on the actor).
  const names = new Map([
    ...people.map((p): [string, string] => [p.id, `${p.firstName} ${p.lastName}`]),
    ...subdivisions.map((s): [string, string] => [s.id, `subdivision « ${s.name} »`]),
    ...actor.qualities.map((q): [string, string] => [q.id, `qualité « ${QUALITY_LABELS[q.type]} »`]),
  ]);
  return events.map((e) => {
    const who = e.actorId ? byId.get(e.actorId) : undefined;
    return {
      id: e.id.toString(),
      occurredAt: e.occurredAt,
      action: e.action,
      label: actionLabel(e.action),
      actorName: who ? `${who.firstName} ${who.lastName}` : e.actorId ? "Personne extérieure au centre" : "—",
      actorEmail: who?.email ?? null,
      target: describeTarget(e, names),
      change: summarizeChange(e.before, e.after),
      ip: e.ip,
      userAgent: e.userAgent,
    };
  });
}
