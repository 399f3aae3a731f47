import "server-only";

import type { Actor } from "@/lib/access/actor";
import { db } from "@/lib/db/client";

import { assertSecurityLogAccess } from "./access";
import { buildSecurityLogWhere } from "./build-where";
import type { PageCursor, SecurityLogFilters } from "./filters";
import { EVENT_SELECT, presentEvents, type SecurityLogRow } from "./present-events";

export const PAGE_SIZE = 50;

export type SecurityLogPage = {
  rows: SecurityLogRow[];
  /** Cursor of the next (older) page, or null on the last page. */
  olderThan: string | null;
  /** Cursor of the previous (newer) page, or null on the first page. */
  newerThan: string | null;
};

/**
 * One page of the centre's security log, newest first. Keyset pagination on the event id: three
 * queries per page at most (people matched, events, names), however deep the page.
 */
export async function searchSecurityLog(o: { actor: Actor; filters: SecurityLogFilters; cursor?: PageCursor; pageSize?: number }): Promise<SecurityLogPage> {
  assertSecurityLogAccess(o.actor);
  const size = o.pageSize ?? PAGE_SIZE;
  const where = await buildSecurityLogWhere(db, o.actor, o.filters);
  const goingBack = o.cursor?.avant !== undefined && o.cursor.apres === undefined;
  const keyset = goingBack ? { id: { gt: o.cursor!.avant! } } : o.cursor?.apres !== undefined ? { id: { lt: o.cursor.apres } } : {};
  const fetched = await db.auditEvent.findMany({
    where: { AND: [where, keyset] },
    orderBy: { id: goingBack ? "asc" : "desc" },
    take: size + 1,
    select: EVENT_SELECT,
  });
  const hasMore = fetched.length > size;
  const events = fetched.slice(0, size);
  if (goingBack) events.reverse();
  const rows = await presentEvents(db, o.actor, events);
  const first = rows[0]?.id ?? null;
  const last = rows.at(-1)?.id ?? null;
  if (goingBack) return { rows, newerThan: hasMore ? first : null, olderThan: last };
  return { rows, newerThan: o.cursor?.apres !== undefined ? first : null, olderThan: hasMore ? last : null };
}
