import "server-only";

import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { isId } from "@/lib/http/parse-id";

import type { Actor } from "../actor";
import { can } from "../can";
import { outranksEverywhere } from "../hierarchy";

import { personResources } from "./person-scope";
import { actorStanding, loadStanding } from "./standing";

const HISTORY_SIZE = 30;
const SESSIONS_SIZE = 10;

/**
 * Who may open a person's page in access management: the RAE level, who searches people across
 * every quality (« entity.search_people »), and the managers who manage this person's users —
 * `quality.manage_users` on one of the scopes the person lives in (their quality, their
 * subdivision), the same rule every command on that person starts from (person-scope.ts). Anyone
 * else, and anyone of another centre, gets « not found », the answer an unknown id gets.
 */
export async function loadPersonPage(actor: Actor, personId: unknown) {
  if (!isId(personId)) throw notFound();
  const person = await db.person.findFirst({
    where: { id: personId.toLowerCase(), entityId: actor.entityId },
    select: {
      id: true,
      entityId: true,
      firstName: true,
      lastName: true,
      email: true,
      status: true,
      subdivisionId: true,
      subdivision: { select: { name: true } },
    },
  });
  if (!person) throw notFound();
  const isRaeLevel = can(actor, "entity.search_people", { entityId: actor.entityId });
  const scopes = await personResources(db, person);
  if (!isRaeLevel && !scopes.some((s) => s.qualityId && can(actor, "quality.manage_users", s))) throw notFound();

  const now = new Date();
  const [roles, grants, sessions, history, standing] = await Promise.all([
    db.roleAssignment.findMany({
      where: { personId: person.id, entityId: actor.entityId, revokedAt: null },
      orderBy: { grantedAt: "asc" },
      select: { id: true, role: true, isBlocked: true, quality: { select: { type: true } }, subdivision: { select: { name: true } } },
    }),
    db.rightGrant.findMany({
      where: { personId: person.id, entityId: actor.entityId, revokedAt: null, OR: [{ validUntil: null }, { validUntil: { gt: now } }] },
      orderBy: { grantedAt: "asc" },
      select: { id: true, grantedAt: true, validUntil: true, rightCode: true, quality: { select: { type: true } } },
    }),
    db.session.findMany({
      where: { personId: person.id },
      orderBy: { createdAt: "desc" },
      take: SESSIONS_SIZE,
      select: { id: true, createdAt: true, lastSeenAt: true, expiresAt: true, revokedAt: true, revokedReason: true },
    }),
    // What was done to this person, and by them, in this centre's trail.
    db.auditEvent.findMany({
      where: { entityId: actor.entityId, OR: [{ targetId: person.id }, { actorId: person.id }] },
      orderBy: { occurredAt: "desc" },
      take: HISTORY_SIZE,
      select: { id: true, occurredAt: true, action: true, actorId: true, targetId: true },
    }),
    // Read as the block and second-factor commands read it (standing.ts), to offer them only when they would pass for rank.
    loadStanding(db, person),
  ]);
  const actorIds = [...new Set(history.map((e) => e.actorId).filter((a): a is string => !!a && a !== person.id))];
  const actors = actorIds.length
    ? await db.person.findMany({ where: { id: { in: actorIds }, entityId: actor.entityId }, select: { id: true, firstName: true, lastName: true } })
    : [];
  const names = new Map(actors.map((a) => [a.id, `${a.firstName} ${a.lastName}`]));
  return {
    person,
    roles,
    grants,
    sessions: sessions.map((s) => ({ ...s, isActive: !s.revokedAt && s.expiresAt > now })),
    history: history.map((e) => ({
      id: e.id.toString(),
      occurredAt: e.occurredAt,
      action: e.action,
      // Who acted: the person, someone of the centre (named), someone else, or the portal itself.
      by: e.actorId === person.id ? ({ kind: "self" } as const) : e.actorId ? byPerson(names.get(e.actorId)) : ({ kind: "portal" } as const),
    })),
    isOwnPage: person.id === actor.personId,
    /** Blocking, unblocking and resetting the second factor need a rank above the person wherever they hold a role. */
    isManagedAbove: person.id !== actor.personId && !outranksEverywhere(actorStanding(actor), standing),
  };
}

function byPerson(name: string | undefined) {
  return name ? ({ kind: "person", name } as const) : ({ kind: "other" } as const);
}

export type PersonPage = Awaited<ReturnType<typeof loadPersonPage>>;
