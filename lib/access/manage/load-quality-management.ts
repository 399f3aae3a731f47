import "server-only";

import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { invitationMailStates } from "@/lib/outbox/invitation-mail-states";

import type { Actor } from "../actor";
import { can } from "../can";

import { loadPeopleRelations } from "./people-relations";

export const USERS_PAGE_SIZE = 50;

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
  const [total, found, roles, review, sodRules] = await Promise.all([
    db.person.count({ where }),
    db.person.findMany({
      where,
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
      skip: (Math.max(1, page) - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: { id: true, firstName: true, lastName: true, email: true, status: true },
    }),
    db.roleAssignment.findMany({
      where: { qualityId, revokedAt: null, role: { in: ["GL", "CO_GL", "TECHNICAL_USER", "SUBDIVISION_MANAGER", "SUBDIVISION_CO_MANAGER"] } },
      select: { id: true, role: true, subdivisionId: true, person: { select: { id: true, firstName: true, lastName: true, email: true } } },
    }),
    db.accessReview.findFirst({
      where: { qualityId, closedAt: null },
      include: { items: { orderBy: { id: "asc" }, take: 200 } },
    }),
    actor.isDpd ? db.sodRule.findMany({ where: { entityId: actor.entityId }, orderBy: { createdAt: "asc" } }) : [],
  ]);
  // Their subdivision and rights in this quality (in force, in the order granted): one statement (people-relations.ts).
  const relations = await loadPeopleRelations(
    found.map((p) => p.id),
    { now, qualityId },
  );
  const people = found.map((p) => {
    const r = relations.get(p.id)!;
    return { ...p, subdivision: r.subdivision, grants: r.grants };
  });
  const invitationMails = await invitationMailStates(people.filter((p) => p.status === "INVITED").map((p) => p.id));
  const reviewGrants = review
    ? await db.rightGrant.findMany({
        where: { id: { in: review.items.map((i) => i.grantId) } },
        select: { id: true, rightCode: true, person: { select: { firstName: true, lastName: true } } },
      })
    : [];
  return {
    quality,
    isQualityLevel,
    total,
    page: Math.max(1, page),
    pageCount: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)),
    people,
    invitationMails,
    roles,
    review: review && { ...review, items: review.items.map((i) => ({ ...i, grant: reviewGrants.find((g) => g.id === i.grantId) ?? null })) },
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
