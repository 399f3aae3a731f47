import "server-only";

import type { Db, Tx } from "@/lib/db/client";
import { forbidden } from "@/lib/errors/app-error";

import type { Actor, Resource } from "../actor";
import { can } from "../can";

/**
 * The qualities and subdivision a person belongs to, as resources: the person's subdivision,
 * qualities where they hold a right or a role, and the quality they were invited into. A manager
 * may act on a person when the permission table allows `quality.manage_users` on one of them
 * (the RAE, at entity level, on anyone of the entity).
 */
export async function personResources(tx: Db | Tx, person: { id: string; entityId: string; subdivisionId: string | null }): Promise<Resource[]> {
  const [grants, roles, invitations, subdivision] = await Promise.all([
    tx.rightGrant.findMany({ where: { personId: person.id, revokedAt: null }, select: { qualityId: true }, distinct: ["qualityId"] }),
    tx.roleAssignment.findMany({
      where: { personId: person.id, revokedAt: null, qualityId: { not: null } },
      select: { qualityId: true },
      distinct: ["qualityId"],
    }),
    tx.invitation.findMany({ where: { personId: person.id }, select: { qualityId: true }, distinct: ["qualityId"] }),
    person.subdivisionId ? tx.subdivision.findUnique({ where: { id: person.subdivisionId }, select: { qualityId: true } }) : null,
  ]);
  const qualityIds = new Set([...grants, ...roles, ...invitations].map((g) => g.qualityId!));
  const resources: Resource[] = [...qualityIds].map((qualityId) => ({ entityId: person.entityId, qualityId, subdivisionId: null }));
  if (subdivision) resources.push({ entityId: person.entityId, qualityId: subdivision.qualityId, subdivisionId: person.subdivisionId });
  return resources.length ? resources : [{ entityId: person.entityId }];
}

export async function authorizeOnPerson(tx: Tx, actor: Actor, person: { id: string; entityId: string; subdivisionId: string | null }) {
  const resources = await personResources(tx, person);
  if (!resources.some((r) => can(actor, "quality.manage_users", r))) throw forbidden();
}
