import type { Actor, Resource } from "./actor";
import { APPLICATION_QUALITIES, qualitiesOfRight } from "./catalogue";
import { can } from "./can";
import { PERMISSIONS, type Action, type Grant } from "./permissions";
import type { QualityType } from "@/lib/generated/prisma/enums";

/** The quality types an action's application lives in, read from its grants (rights and `app` roles). */
function qualityTypesOf(action: Action): QualityType[] {
  const types = new Set<QualityType>();
  for (const g of PERMISSIONS[action] as readonly Grant[]) {
    if ("right" in g) qualitiesOfRight(g.right).forEach((t) => types.add(t));
    else if ("role" in g && g.app) APPLICATION_QUALITIES[g.app].forEach((t) => types.add(t));
  }
  return [...types];
}

/**
 * The resource an application action applies to in the actor's own centre: the entity and the
 * quality where the application lives (Action Sociale for the CPAS applications, Employeur ONSS for
 * Chaman). For actions granted by role or DPD only, the entity alone. Null when the centre has no
 * active quality for that application: nothing is then allowed.
 */
export function applicationResource(actor: Actor, action: Action): Resource | null {
  const grants = PERMISSIONS[action] as readonly Grant[];
  if (grants.some((g) => "onem" in g) && actor.entityKind === "ONEM") return { entityId: actor.entityId };
  if (grants.some((g) => "sppis" in g) && actor.entityKind === "SPP_IS") return { entityId: actor.entityId };
  const types = qualityTypesOf(action);
  if (types.length === 0) return { entityId: actor.entityId };
  const quality = actor.qualities.find((q) => q.isActive && types.includes(q.type));
  if (quality) return { entityId: actor.entityId, qualityId: quality.id };
  // DPD-granted actions (security log) still hold without the quality.
  return grants.some((g) => "dpd" in g) ? { entityId: actor.entityId } : null;
}

/** May the actor use this application of their own centre? (The check every application entry point makes.) */
export function canUseApplication(actor: Actor | null | undefined, action: Action): actor is Actor {
  if (!actor) return false;
  const resource = applicationResource(actor, action);
  return !!resource && can(actor, action, resource);
}
