import "server-only";

import type { Actor } from "@/lib/access/actor";
import { rightsThatCount } from "@/lib/access/application-areas";
import { canAnywhere } from "@/lib/access/can";
import { ACCESS_RIGHTS, RAPPORT_UNIQUE_RIGHTS } from "@/lib/access/catalogue";
import { db } from "@/lib/db/client";
import { pendingWork } from "@/lib/rapport-unique/queries";

import { loadEntityOverview } from "./load-entity-overview";
import { loadManagedQualities } from "./load-managed-qualities";
import { loadManagedSubdivisions } from "./load-managed-subdivisions";
import { loadOnemQueue } from "./load-onem-queue";
import { loadSecurityEvents } from "./load-security-events";

/** The order the rights' list always had (the French names, as the access-right table sorted them). */
const BY_FRENCH_NAME = new Intl.Collator("fr");
const RIGHTS_BY_NAME = [...ACCESS_RIGHTS].sort((a, b) => BY_FRENCH_NAME.compare(a.name, b.name));

/**
 * Everything the actor's roles show on the dashboard, and nothing else: each section is loaded
 * only when the permission table allows it. A fixed number of queries per section, whatever
 * the size of the entity (tested in get-dashboard.integration.test.ts).
 */
export async function getDashboard(actor: Actor) {
  const isRaeLevel = canAnywhere(actor, "entity.view");
  const managedQualityIds = actor.roles.filter((r) => r.role === "GL" || r.role === "CO_GL").map((r) => r.qualityId!);
  const technicalQualityIds = actor.roles.filter((r) => r.role === "TECHNICAL_USER").map((r) => r.qualityId!);
  const subdivisionIds = actor.roles.filter((r) => r.role === "SUBDIVISION_MANAGER" || r.role === "SUBDIVISION_CO_MANAGER").map((r) => r.subdivisionId!);
  // Only rights that count (in an active quality where their application lives): a right left
  // under another quality by older data is no application of the person's. The RAE role gives no
  // application (seed 003): applications come from rights. Read from the catalogue the access-right
  // table is seeded from (its names and applications), not from the database (issue 15).
  const rightCodes = new Set(rightsThatCount(actor));
  const rights = RIGHTS_BY_NAME.filter((r) => rightCodes.has(r.code)).map((r) => ({ code: r.code, applicationCode: r.app }));

  const [entity, managed, subdivisions, technical, securityEvents, rapportUniqueWork, onemQueue] = await Promise.all([
    isRaeLevel ? loadEntityOverview(actor.entityId) : null,
    managedQualityIds.length ? loadManagedQualities(actor.entityId, managedQualityIds) : [],
    subdivisionIds.length ? loadManagedSubdivisions(actor.entityId, subdivisionIds) : [],
    technicalQualityIds.length
      ? db.quality.findMany({ where: { entityId: actor.entityId, id: { in: technicalQualityIds } }, select: { id: true, type: true, email: true } })
      : [],
    canAnywhere(actor, "app.security_log") ? loadSecurityEvents(actor.entityId, 20) : null,
    // Rapport unique (issue 10): the pending work of the centre's three roles and of the SPP IS.
    pendingWork(actor),
    // ONEM: the C60.7 queue's counts, for collaborators (the role opens « File ONEM »).
    canAnywhere(actor, "app.c607.onem") ? loadOnemQueue() : null,
  ]);

  return {
    entity,
    managed,
    subdivisions,
    technical,
    applications: rights,
    isQualityManager: managedQualityIds.length > 0,
    rapportUniqueRoles: rights.filter((r) => (RAPPORT_UNIQUE_RIGHTS as string[]).includes(r.code)),
    securityEvents,
    rapportUniqueWork,
    isOnem: actor.entityKind === "ONEM",
    onemQueue,
    isSppis: actor.entityKind === "SPP_IS",
  };
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;
