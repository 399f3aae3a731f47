import type { Actor, Resource } from "./actor";
import { APPLICATION_QUALITIES, rightLivesIn } from "./catalogue";
import { PERMISSIONS, type Action, type Grant } from "./permissions";

const APP_RIGHT_ROLES = new Set(["GL", "CO_GL"]);
const SUBDIVISION_ROLES = new Set(["SUBDIVISION_MANAGER", "SUBDIVISION_CO_MANAGER"]);

/** The resource's quality, if it is an active quality of the actor's own entity; anything else gives nothing. */
function activeQuality(actor: Actor, qualityId: string | null | undefined) {
  if (!qualityId) return undefined;
  const quality = actor.qualities.find((q) => q.id === qualityId);
  return quality?.isActive ? quality : undefined;
}

function matches(actor: Actor, grant: Grant, resource: Resource): boolean {
  if ("onem" in grant) return actor.entityKind === "ONEM" && actor.roles.some((r) => r.role === "ONEM_COLLABORATOR");
  if ("sppis" in grant) return actor.entityKind === "SPP_IS" && actor.roles.some((r) => r.role === "SPPIS_COLLABORATOR");
  // Everything below is scoped to the actor's own entity.
  if (actor.entityId !== resource.entityId) return false;
  if ("dpd" in grant) return actor.isDpd;
  if ("right" in grant) {
    // A right is checked on one named quality, never "anywhere": no quality, no right.
    const quality = activeQuality(actor, resource.qualityId);
    if (!quality || !rightLivesIn(grant.right, quality.type)) return false;
    const holdsRight = actor.rights.some((r) => r.code === grant.right && r.qualityId === quality.id);
    const isQualityManager = !grant.holdersOnly && actor.roles.some((r) => APP_RIGHT_ROLES.has(r.role) && r.qualityId === quality.id);
    return holdsRight || isQualityManager;
  }
  if (grant.scope === "entity") {
    if (!actor.roles.some((r) => r.role === grant.role && r.qualityId == null)) return false;
    if (!grant.notIn) return true;
    const quality = activeQuality(actor, resource.qualityId);
    return !!quality && quality.type !== grant.notIn;
  }
  const quality = activeQuality(actor, resource.qualityId);
  if (!quality) return false;
  if (grant.app && !APPLICATION_QUALITIES[grant.app].includes(quality.type)) return false;
  if (grant.scope === "quality") return actor.roles.some((r) => r.role === grant.role && r.qualityId === quality.id && !SUBDIVISION_ROLES.has(r.role));
  return (
    resource.subdivisionId != null && actor.roles.some((r) => r.role === grant.role && r.subdivisionId === resource.subdivisionId && r.qualityId === quality.id)
  );
}

/**
 * The one authorization check (STYLE 4): deny by default. A null actor, an unknown action, a
 * resource without an entity, or a resource without the quality (or subdivision) its grants are
 * scoped to is denied — a missing scope is never read as "anywhere".
 */
export function can(actor: Actor | null | undefined, action: Action, resource: Resource): boolean {
  if (!actor || !resource?.entityId) return false;
  const grants: readonly Grant[] | undefined = (PERMISSIONS as Record<string, readonly Grant[]>)[action];
  if (!grants) return false;
  return grants.some((g) => matches(actor, g, resource));
}

/**
 * True when the actor may do `action` on at least one of their own, named scopes: their entity, each
 * quality and subdivision where they hold a role, each quality where they hold a right. Used to show
 * menus and dashboard sections; `can()` still decides on each scope, so a right or a GL role in a
 * quality where the application does not live opens nothing.
 */
export function canAnywhere(actor: Actor | null | undefined, action: Action): boolean {
  if (!actor) return false;
  const scopes: Resource[] = [
    { entityId: actor.entityId },
    ...actor.roles.map((r) => ({ entityId: actor.entityId, qualityId: r.qualityId, subdivisionId: r.subdivisionId })),
    ...actor.rights.map((r) => ({ entityId: actor.entityId, qualityId: r.qualityId })),
  ];
  return scopes.some((s) => can(actor, action, s));
}
