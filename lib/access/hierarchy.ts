import type { RoleKind } from "@/lib/generated/prisma/enums";

// Who stands above whom (seed 003, « Les responsabilités »; issue 9). A rank is read in one scope:
// the entity, a quality, or a subdivision of a quality. Roles held at entity level (RAE, co-RAE)
// count in every scope of the entity; being the centre's DPD counts at entity level (the DPD's own
// duties, and anything that takes all of a person's access, like blocking) — in Action Sociale the
// DPD ranks as its GL; elsewhere the DPD holds no role, so a right of another quality may be
// granted to them by that quality's GL. A quality role counts in its quality and the subdivisions of
// it; a subdivision role in its subdivision only.
//
//   RAE 100 > co-RAE 90 > DPD 80 > GL 70 > co-GL 60 > technical user 45 > subdivision manager 30
//   > subdivision co-manager 20 > anyone else 0
//
// Nobody blocks, deletes, demotes, designates or changes the rights of a person whose rank in that
// scope is equal to or above their own. The exceptions seed 003 names are strict inequalities
// already: the RAE manages co-RAEs (100 > 90) and GLs; the GL manages co-GLs (70 > 60), users and
// the technical user (70 > 45); a subdivision manager manages the users of the subdivision (30 > 0).
// Peers: seed 003 gives « désigner, bloquer, débloquer et supprimer une co-RAE » to the RAE *and*
// co-RAE, and « nommer/supprimer co-GL » to the GL and co-GL (DOMAIN.md); those role changes allow
// a co-RAE on a co-RAE and a co-GL on a co-GL (`peers`). Blocking the person stays strictly above.

export const RANKS: Record<RoleKind | "DPD", number> = {
  RAE: 100,
  CO_RAE: 90,
  DPD: 80,
  GL: 70,
  CO_GL: 60,
  TECHNICAL_USER: 45,
  SUBDIVISION_MANAGER: 30,
  SUBDIVISION_CO_MANAGER: 20,
  ONEM_COLLABORATOR: 0,
  SPPIS_COLLABORATOR: 0,
};

const ENTITY_ROLES = new Set<RoleKind>(["RAE", "CO_RAE"]);
const SUBDIVISION_ROLES = new Set<RoleKind>(["SUBDIVISION_MANAGER", "SUBDIVISION_CO_MANAGER"]);

/** A person's standing: their roles (blocked roles included: a blocked co-RAE is still a co-RAE) and the DPD flag. */
export type Standing = {
  personId: string;
  isDpd: boolean;
  roles: { role: RoleKind; qualityId: string | null; subdivisionId: string | null }[];
  /** Qualities that are active; a quality role on a deactivated quality gives no rank there. Absent: all count. */
  activeQualityIds?: ReadonlySet<string>;
};

/** The scope an action reads: the entity alone, a quality, or a subdivision of a quality. */
export type Scope = { qualityId?: string | null; subdivisionId?: string | null };

export function rankIn(who: Standing, scope: Scope): number {
  let rank = who.isDpd && scope.qualityId == null ? RANKS.DPD : 0;
  for (const r of who.roles) {
    const counts = ENTITY_ROLES.has(r.role)
      ? true
      : SUBDIVISION_ROLES.has(r.role)
        ? scope.subdivisionId != null && r.subdivisionId === scope.subdivisionId
        : scope.qualityId != null && r.qualityId === scope.qualityId && (!who.activeQualityIds || who.activeQualityIds.has(r.qualityId));
    if (counts) rank = Math.max(rank, RANKS[r.role]);
  }
  return rank;
}

const PEER_RANKS = new Set([RANKS.CO_RAE, RANKS.CO_GL]);

/**
 * The actor stands strictly above the target in this scope — or, with `peers`, level with them as
 * co-RAE and co-RAE, or co-GL and co-GL (the role changes seed 003 gives to both; see above).
 */
export function outranks(actor: Standing, target: Standing, scope: Scope, o: { peers?: boolean } = {}): boolean {
  const mine = rankIn(actor, scope);
  const theirs = rankIn(target, scope);
  return mine > theirs || (!!o.peers && mine === theirs && PEER_RANKS.has(mine));
}

/**
 * Every scope where the target holds something that a person-wide action (blocking, which ends all
 * their access) would take from them: the entity when they are RAE, co-RAE or DPD, each quality of a
 * quality role, each subdivision of a subdivision role.
 */
export function scopesHeldBy(target: Standing): Scope[] {
  const scopes: Scope[] = [];
  if (target.isDpd || target.roles.some((r) => ENTITY_ROLES.has(r.role))) scopes.push({});
  for (const r of target.roles) {
    if (ENTITY_ROLES.has(r.role) || r.role === "ONEM_COLLABORATOR" || r.role === "SPPIS_COLLABORATOR") continue;
    scopes.push(SUBDIVISION_ROLES.has(r.role) ? { qualityId: r.qualityId, subdivisionId: r.subdivisionId } : { qualityId: r.qualityId });
  }
  return scopes;
}

/** The actor outranks the target in every scope the target holds a role in (none held: true). */
export function outranksEverywhere(actor: Standing, target: Standing): boolean {
  return scopesHeldBy(target).every((s) => outranks(actor, target, s));
}
