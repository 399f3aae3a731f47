import "server-only";

import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PersonStatus } from "@/lib/generated/prisma/enums";
import { notFound } from "@/lib/errors/app-error";
import { invitationMailStates } from "@/lib/outbox/invitation-mail-states";

import type { Actor } from "../actor";
import { can } from "../can";
import { outranks } from "../hierarchy";

import { loadPeopleRelations } from "./people-relations";
import { actorStanding, rankAllows } from "./standing";

export const USERS_PAGE_SIZE = 50;

/**
 * The page's people, in name order: the same people as the count's `where` (a right or a role in
 * the quality not revoked, an invitation to it, or a subdivision of it; for a subdivision manager,
 * the people of their subdivisions), narrowed by name or e-mail as Prisma's `contains` does (ILIKE,
 * LIKE on the lower-cased e-mail, `%` and `_` not escaped). Issue 15: Prisma's form of the same
 * filter (`id IN (…) OR id IN (…)`) made PostgreSQL hash the quality's 5,000 rights, test every
 * person of the centre and sort them to keep 50. Here membership is one expression per person (a
 * scalar subquery PostgreSQL cannot hash), so the plan walks the centre's people in name order
 * (Person_entityId_lastName_firstName_id_idx) and stops after the page: a few index probes per person read,
 * about 50 when most of the centre belongs to the quality. A quality holding a small share of a
 * large centre reads more people before its 50th member (at most the centre, as before).
 */
function pageOfMembers(o: { entityId: string; qualityId: string; ownSubdivisions: string[] | null; words: string; page: number }) {
  const member = o.ownSubdivisions
    ? Prisma.sql`p."subdivisionId" = ANY(${o.ownSubdivisions}::uuid[])`
    : // Each kind of membership read from the person's own rows (their rights, roles, invitations),
      // the quality compared after: written `g."qualityId" = …` inside the subquery, a planner that
      // believes the quality small (a new quality, statistics not yet refreshed) probed the
      // quality's index for every person, 5,000 entries each time (2.5 s for a page).
      Prisma.sql`(SELECT p."subdivisionId" IN (SELECT s.id FROM "Subdivision" s WHERE s."qualityId" = ${o.qualityId}::uuid)
        OR ${o.qualityId}::uuid = ANY (SELECT g."qualityId" FROM "RightGrant" g WHERE g."personId" = p.id AND g."revokedAt" IS NULL)
        OR ${o.qualityId}::uuid = ANY (SELECT r."qualityId" FROM "RoleAssignment" r WHERE r."personId" = p.id AND r."revokedAt" IS NULL)
        OR ${o.qualityId}::uuid = ANY (SELECT i."qualityId" FROM "Invitation" i WHERE i."personId" = p.id))`;
  const byName = o.words
    ? Prisma.sql`AND (p."lastName" ILIKE ('%' || ${o.words} || '%') OR p."firstName" ILIKE ('%' || ${o.words} || '%') OR p.email LIKE ('%' || ${o.words.toLowerCase()} || '%'))`
    : Prisma.empty;
  return db.$queryRaw<{ id: string; firstName: string; lastName: string; email: string; status: PersonStatus }[]>`
    SELECT p.id::text AS id, p."firstName", p."lastName", p.email, p.status::text AS status
    FROM "Person" p
    WHERE p."entityId" = ${o.entityId}::uuid AND ${member} ${byName}
    ORDER BY p."lastName", p."firstName", p.id
    OFFSET ${(Math.max(1, o.page) - 1) * USERS_PAGE_SIZE} LIMIT ${USERS_PAGE_SIZE}`;
}

/**
 * Everything the quality page shows, scoped to the actor's entity (404 otherwise) and, for a
 * subdivision manager, to their subdivision's members. A fixed number of queries per page.
 */
export async function loadQualityManagement(actor: Actor, qualityId: string, page = 1, filter = "") {
  const quality = await db.quality.findFirst({ where: { id: qualityId, entityId: actor.entityId }, include: { subdivisions: { orderBy: { name: "asc" } } } });
  if (!quality) throw notFound();
  const resource = { entityId: actor.entityId, qualityId };
  const ownSubdivisions = actor.roles.filter((r) => r.qualityId === qualityId && r.subdivisionId).map((r) => r.subdivisionId!);
  const isQualityLevel = can(actor, "quality.manage_users", resource);
  if (!isQualityLevel && ownSubdivisions.length === 0) throw notFound();

  const now = new Date();
  // The count (Prisma): PostgreSQL hashes each kind of membership once and tests the centre's people against them.
  const membership = isQualityLevel
    ? {
        OR: [
          { grants: { some: { qualityId, revokedAt: null } } },
          { roles: { some: { qualityId, revokedAt: null } } },
          { invitations: { some: { qualityId } } },
          { subdivision: { qualityId } },
        ],
      }
    : { subdivisionId: { in: ownSubdivisions } };
  // Large centres: the users listed (and offered in the grant form) narrowed by name or e-mail.
  const words = filter.trim().slice(0, 100);
  const byName = words
    ? {
        OR: [
          { lastName: { contains: words, mode: "insensitive" as const } },
          { firstName: { contains: words, mode: "insensitive" as const } },
          { email: { contains: words.toLowerCase() } },
        ],
      }
    : {};
  const where = { entityId: actor.entityId, AND: [membership, byName] };
  // Every statement starts as soon as what it needs is known: the page's people, the role holders
  // and the open review's rights lead to their relations (one statement, people-relations.ts:
  // subdivision, rights in this quality in the order granted, standing — the role holders' and the
  // reviewed rights' holders' rank decides « Retirer » below) and to the invited people's mails,
  // while the count, the slowest statement of a large quality (it tests every person of the
  // centre), runs beside them rather than before them (issue 15).
  const foundRead = pageOfMembers({ entityId: actor.entityId, qualityId, ownSubdivisions: isQualityLevel ? null : ownSubdivisions, words, page });
  const rolesRead = db.roleAssignment.findMany({
    where: { qualityId, revokedAt: null, role: { in: ["GL", "CO_GL", "TECHNICAL_USER", "SUBDIVISION_MANAGER", "SUBDIVISION_CO_MANAGER"] } },
    select: { id: true, role: true, subdivisionId: true, person: { select: { id: true, firstName: true, lastName: true, email: true } } },
  });
  const reviewRead = db.accessReview.findFirst({
    where: { qualityId, closedAt: null },
    include: { items: { orderBy: { id: "asc" }, take: 200 } },
  });
  const reviewGrantsRead = reviewRead.then((review) =>
    review
      ? db.rightGrant.findMany({
          where: { id: { in: review.items.map((i) => i.grantId) } },
          select: {
            id: true,
            rightCode: true,
            entityId: true,
            qualityId: true,
            personId: true,
            person: { select: { firstName: true, lastName: true, subdivisionId: true } },
          },
        })
      : [],
  );
  const relationsRead = Promise.all([foundRead, rolesRead, reviewGrantsRead]).then(([found, roles, grants]) =>
    loadPeopleRelations([...new Set([...found.map((p) => p.id), ...roles.map((r) => r.person.id), ...grants.map((g) => g.personId)])], { now, qualityId }),
  );
  const [total, found, roles, review, reviewGrants, relations, invitationMails, sodRules] = await Promise.all([
    db.person.count({ where }),
    foundRead,
    rolesRead,
    reviewRead,
    reviewGrantsRead,
    relationsRead,
    foundRead.then((found) => invitationMailStates(found.filter((p) => p.status === "INVITED").map((p) => p.id))),
    actor.isDpd ? db.sodRule.findMany({ where: { entityId: actor.entityId }, orderBy: { createdAt: "asc" } }) : [],
  ]);
  const mine = actorStanding(actor);
  const people = found.map((p) => {
    const r = relations.get(p.id)!;
    // What the commands would accept on this row (set-person-blocked.ts, grant-right.ts): never
    // oneself; rights where the permission table allows them in the person's subdivision; both
    // only on a person the actor outranks (lib/access/hierarchy.ts). A row refused for rank says so.
    const isSelf = p.id === actor.personId;
    const rightsScope = { qualityId, subdivisionId: r.subdivision?.id ?? null };
    const rank = rankAllows(mine, r.standing, rightsScope);
    const may = {
      block: !isSelf && p.status !== "INVITED" && rank.block,
      rights: !isSelf && rank.rights && can(actor, "quality.manage_rights", { entityId: actor.entityId, ...rightsScope }),
    };
    return { ...p, subdivision: r.subdivision, grants: r.grants, may, isManagedAbove: !isSelf && !(rank.block && rank.rights) };
  });
  // « Retirer » on a co-GL or the technical user, as removeQualityRole (manage-quality-roles.ts)
  // accepts it: the permission naming that role, never oneself, and a rank above the holder in the
  // quality — level with them as fellow co-GLs. The GL is replaced, never removed; subdivision roles
  // have no « Retirer ». A holder refused for rank says so.
  const roleRows = roles.map((r) => {
    const permission = r.role === "CO_GL" ? "quality.manage_co_gl" : r.role === "TECHNICAL_USER" ? "quality.designate_technical_user" : null;
    const isOffered = !!permission && r.person.id !== actor.personId && can(actor, permission, resource);
    const rank = isOffered && outranks(mine, relations.get(r.person.id)!.standing, { qualityId }, { peers: r.role === "CO_GL" });
    return { ...r, may: { remove: rank }, isManagedAbove: isOffered && !rank };
  });
  // « Conserver » / « Retirer » on a review item, as decideReviewItem (access-review.ts) accepts
  // them: the permission on the right's quality and its holder's subdivision, never one's own
  // right, and for « Retirer » a rank above the holder there. A right gone from the table: nothing.
  const reviewItem = <I>(item: I, grant: (typeof reviewGrants)[number] | null) => {
    if (!grant) return { ...item, grant, may: { keep: false, revoke: false }, isManagedAbove: false };
    const scope = { qualityId: grant.qualityId, subdivisionId: grant.person.subdivisionId };
    const keep = grant.personId !== actor.personId && can(actor, "quality.review_decide", { entityId: grant.entityId, ...scope });
    const revoke = keep && outranks(mine, relations.get(grant.personId)!.standing, scope);
    return { ...item, grant, may: { keep, revoke }, isManagedAbove: keep && !revoke };
  };
  return {
    quality,
    isQualityLevel,
    total,
    page: Math.max(1, page),
    pageCount: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)),
    people,
    invitationMails,
    roles: roleRows,
    review: review && {
      ...review,
      items: review.items.flatMap((i) => {
        const grant = reviewGrants.find((g) => g.id === i.grantId) ?? null;
        // A subdivision manager sees the rights of the people of their subdivision only, as in the
        // users' list above: not the names and rights of the rest of the quality.
        const inScope = isQualityLevel || (grant?.person.subdivisionId != null && ownSubdivisions.includes(grant.person.subdivisionId));
        return inScope ? [reviewItem(i, grant)] : [];
      }),
    },
    sodRules,
    can: {
      manageCoGl: can(actor, "quality.manage_co_gl", resource),
      designateTechnicalUser: can(actor, "quality.designate_technical_user", resource),
      updateEmail: can(actor, "quality.update_email", resource),
      manageSubdivisions: can(actor, "quality.manage_subdivisions", resource),
      manageRights: can(actor, "quality.manage_rights", resource) || ownSubdivisions.length > 0,
      startReview: can(actor, "entity.start_access_review", resource),
      manageSod: can(actor, "entity.manage_sod", resource),
    },
    ownSubdivisions,
  };
}

export type QualityManagement = Awaited<ReturnType<typeof loadQualityManagement>>;
