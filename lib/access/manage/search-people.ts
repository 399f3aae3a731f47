import "server-only";

import { blindIndex } from "@/lib/crypto/keys";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PersonStatus } from "@/lib/generated/prisma/enums";
import { checkNiss } from "@/lib/validation/niss";
import { hasUnsafeChars } from "@/lib/validation/safe-text";

import type { Actor } from "../actor";
import { authorize } from "./command";
import { loadPeopleRelations } from "./people-relations";

export const SEARCH_PAGE_SIZE = 50;

/**
 * `column` contains `words` whatever the case: the very test of `ILIKE '%words%'` (PostgreSQL's
 * ILIKE lowers the text and the pattern with the column's collation, then compares them as LIKE
 * does), but with the pattern lowered once per statement instead of once per row. Issue 15: over
 * a centre of 5,000 people and three columns, ILIKE cost 13 ms and this 4 ms (`EXPLAIN ANALYZE`,
 * docs/benchmarks-issue15-pages.md). `%` and `_` typed by the person act as wildcards, as they did
 * with Prisma's `contains`: the search never leaves the actor's centre.
 */
function containsIgnoringCase(column: Prisma.Sql, words: string): Prisma.Sql {
  return Prisma.sql`lower(${column}) LIKE ('%' || lower(${words}) || '%')`;
}

/**
 * RAE search across every quality of the entity: by name or e-mail (contains, case-insensitive)
 * or by an exact NISS through its blind index — the NISS itself is never compared in clear.
 * Three queries whatever the entity's size: the count, the page, its people's relations.
 */
export async function searchPeople(o: { actor: Actor; query: string; page?: number }) {
  authorize(o.actor, "entity.search_people", { entityId: o.actor.entityId });
  const q = o.query.trim();
  const niss = checkNiss(q);
  const matches = niss.ok
    ? Prisma.sql`p."nissBlindIndex" = ${blindIndex(niss.digits)}`
    : hasUnsafeChars(q)
      ? Prisma.sql`FALSE` // stored names and e-mails have no control characters; a NUL would be a 500
      : q
        ? Prisma.sql`(${containsIgnoringCase(Prisma.raw(`p."lastName"`), q)} OR ${containsIgnoringCase(Prisma.raw(`p."firstName"`), q)} OR ${containsIgnoringCase(Prisma.raw("p.email"), q)})`
        : Prisma.sql`TRUE`;
  const where = Prisma.sql`p."entityId" = ${o.actor.entityId}::uuid AND ${matches}`;
  const page = Math.max(1, o.page ?? 1);
  const now = new Date();
  const foundRead = db.$queryRaw<{ id: string; firstName: string; lastName: string; email: string; status: PersonStatus }[]>`
    SELECT p.id::text AS id, p."firstName", p."lastName", p.email, p.status::text AS status
    FROM "Person" p WHERE ${where}
    ORDER BY p."lastName", p."firstName", p.id
    OFFSET ${(page - 1) * SEARCH_PAGE_SIZE} LIMIT ${SEARCH_PAGE_SIZE}`;
  // The page's subdivision, roles and rights in force (one statement, people-relations.ts) as soon
  // as the page is known, while the count goes on beside it.
  const [[counted], found, relations] = await Promise.all([
    db.$queryRaw<[{ n: number }]>`SELECT count(*)::int AS n FROM "Person" p WHERE ${where}`,
    foundRead,
    foundRead.then((rows) =>
      loadPeopleRelations(
        rows.map((p) => p.id),
        { now },
      ),
    ),
  ]);
  const total = counted.n;
  const people = found.map((p) => {
    const r = relations.get(p.id)!;
    return { ...p, subdivision: r.subdivision, roles: r.roles, grants: r.grants };
  });
  return { total, page, pageCount: Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)), people };
}
