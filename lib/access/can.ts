import type { Actor, Resource } from "./actor";
import { PERMISSIONS, type Action, type Grant } from "./permissions";

const APP_RIGHT_ROLES = new Set(["GL", "CO_GL"]);

function matches(actor: Actor, grant: Grant, resource: Resource): boolean {
  if ("onem" in grant) return actor.entityKind === "ONEM";
  // Everything below is scoped to the actor's own entity.
  if (actor.entityId !== resource.entityId) return false;
  if ("dpd" in grant) return actor.isDpd;
  if ("right" in grant) {
    const q = resource.qualityId;
    const holdsRight = actor.rights.some((r) => r.code === grant.right && (q == null || r.qualityId === q));
    const isQualityManager = !grant.holdersOnly && actor.roles.some((r) => APP_RIGHT_ROLES.has(r.role) && (q == null || r.qualityId === q));
    return holdsRight || isQualityManager;
  }
  return actor.roles.some((r) => {
    if (r.role !== grant.role) return false;
    if (grant.scope === "entity") return true;
    if (grant.scope === "quality") return resource.qualityId != null && r.qualityId === resource.qualityId;
    return resource.subdivisionId != null && r.subdivisionId === resource.subdivisionId;
  });
}

/**
 * The one authorization check (STYLE 4): deny by default. A null actor, an unknown action or a
 * resource without an entity is denied.
 */
export function can(actor: Actor | null | undefined, action: Action, resource: Resource): boolean {
  if (!actor || !resource?.entityId) return false;
  const grants: readonly Grant[] | undefined = (PERMISSIONS as Record<string, readonly Grant[]>)[action];
  if (!grants) return false;
  return grants.some((g) => matches(actor, g, resource));
}

/** True when the actor may do `action` somewhere in their own entity (used to show dashboard sections). */
export function canAnywhere(actor: Actor | null | undefined, action: Action): boolean {
  if (!actor) return false;
  const scopes: Resource[] = [
    { entityId: actor.entityId },
    ...actor.roles.map((r) => ({ entityId: actor.entityId, qualityId: r.qualityId, subdivisionId: r.subdivisionId })),
    ...actor.rights.map((r) => ({ entityId: actor.entityId, qualityId: r.qualityId })),
  ];
  return scopes.some((s) => can(actor, action, s));
}
