import "server-only";

import { blindIndex } from "@/lib/crypto/keys";
import { db } from "@/lib/db/client";
import { checkNiss } from "@/lib/validation/niss";
import { hasUnsafeChars } from "@/lib/validation/safe-text";

import type { Actor } from "../actor";
import { authorize } from "./command";
import { loadPeopleRelations } from "./people-relations";

export const SEARCH_PAGE_SIZE = 50;

/**
 * RAE search across every quality of the entity: by name or e-mail (contains, case-insensitive)
 * or by an exact NISS through its blind index — the NISS itself is never compared in clear.
 * Three queries whatever the entity's size: the count, the page, its people's relations.
 */
export async function searchPeople(o: { actor: Actor; query: string; page?: number }) {
  authorize(o.actor, "entity.search_people", { entityId: o.actor.entityId });
  const q = o.query.trim();
  const niss = checkNiss(q);
  const where = {
    entityId: o.actor.entityId,
    ...(niss.ok
      ? { nissBlindIndex: blindIndex(niss.digits) }
      : hasUnsafeChars(q)
        ? { id: { in: [] } } // stored names and e-mails have no control characters; a NUL would be a 500
        : q
          ? {
              OR: [
                { lastName: { contains: q, mode: "insensitive" as const } },
                { firstName: { contains: q, mode: "insensitive" as const } },
                { email: { contains: q.toLowerCase() } },
              ],
            }
          : {}),
  };
  const page = Math.max(1, o.page ?? 1);
  const now = new Date();
  const foundRead = db.person.findMany({
    where,
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    skip: (page - 1) * SEARCH_PAGE_SIZE,
    take: SEARCH_PAGE_SIZE,
    select: { id: true, firstName: true, lastName: true, email: true, status: true },
  });
  // The page's subdivision, roles and rights in force (one statement, people-relations.ts) as soon
  // as the page is known, while the count — which tests every person of the centre, the page
  // stopping at its 50th — goes on beside it (issue 15).
  const [total, found, relations] = await Promise.all([
    db.person.count({ where }),
    foundRead,
    foundRead.then((rows) =>
      loadPeopleRelations(
        rows.map((p) => p.id),
        { now },
      ),
    ),
  ]);
  const people = found.map((p) => {
    const r = relations.get(p.id)!;
    return { ...p, subdivision: r.subdivision, roles: r.roles, grants: r.grants };
  });
  return { total, page, pageCount: Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)), people };
}
