import "server-only";

import type { Actor } from "@/lib/access/actor";
import type { Db, Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

import { EVENT_GROUPS, type EventGroup } from "./event-types";
import { brusselsDayEnd, brusselsDayStart, type SecurityLogFilters } from "./filters";

const MAX_MATCHED_PEOPLE = 200;

/**
 * The people of the actor's centre whose name or e-mail matches every word typed. Scoped in the
 * query (STYLE 6): a person of another centre is never matched, so their events never show.
 */
async function matchPeople(client: Db | Tx, entityId: string, q: string): Promise<string[]> {
  const words = q.split(/\s+/).filter(Boolean).slice(0, 5);
  const people = await client.person.findMany({
    where: {
      entityId,
      AND: words.map((w) => ({
        OR: [
          { firstName: { contains: w, mode: "insensitive" as const } },
          { lastName: { contains: w, mode: "insensitive" as const } },
          { email: { contains: w.toLowerCase() } },
        ],
      })),
    },
    select: { id: true },
    take: MAX_MATCHED_PEOPLE,
  });
  return people.map((p) => p.id);
}

function groupWhere(group: EventGroup): Prisma.AuditEventWhereInput {
  const or: Prisma.AuditEventWhereInput[] = [];
  if (group.actions?.length) or.push({ action: { in: [...group.actions] } });
  for (const prefix of group.prefixes ?? []) or.push({ action: { startsWith: prefix } });
  return { OR: or };
}

/**
 * The `where` of a search, always starting from the actor's own centre: the entity comes from the
 * server-side session, never from the request. One query at most (the person lookup).
 */
export async function buildSecurityLogWhere(client: Db | Tx, actor: Actor, f: SecurityLogFilters): Promise<Prisma.AuditEventWhereInput> {
  const and: Prisma.AuditEventWhereInput[] = [{ entityId: actor.entityId }];
  if (f.du || f.au) {
    and.push({ occurredAt: { ...(f.du ? { gte: brusselsDayStart(f.du) } : {}), ...(f.au ? { lt: brusselsDayEnd(f.au) } : {}) } });
  }
  if (f.type) and.push(groupWhere(EVENT_GROUPS[f.type]));
  if (f.q) {
    const ids = await matchPeople(client, actor.entityId, f.q);
    // No match: no event (a failed sign-in with an unknown address belongs to no centre).
    and.push(ids.length ? { OR: [{ actorId: { in: ids } }, { targetId: { in: ids } }] } : { id: { lt: 0 } });
  }
  return { AND: and };
}
