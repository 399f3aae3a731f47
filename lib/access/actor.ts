import type { EntityKind, Language, QualityType, RoleKind } from "@/lib/generated/prisma/enums";

import type { RightCode } from "./catalogue";

/** Who is asking: loaded once per request from the database (lib/auth/get-actor.ts). */
export type Actor = {
  personId: string;
  sessionId: string;
  entityId: string;
  entityKind: EntityKind;
  /** The centre's name and idle timeout, for the portal's frame (loaded with the actor, no extra query). */
  entityName: string;
  sessionIdleSeconds: number;
  firstName: string;
  lastName: string;
  email: string;
  /** The language the person works in (issue 13). */
  language: Language;
  /** The person is the DPD of their entity (Entity.dpdPersonId). */
  isDpd: boolean;
  /** `qualityType`: the type of the role's quality (for showing quality-specific areas; checks load the quality). */
  roles: { role: RoleKind; qualityId: string | null; subdivisionId: string | null; qualityType?: QualityType | null }[];
  /** Rights in force now (granted, not revoked, within validity dates). */
  rights: { code: RightCode; qualityId: string }[];
  /**
   * Every quality of the actor's own entity, active or not. `can()` reads a resource's quality here:
   * a quality of another entity, or a deactivated one, gives nothing; a right or a GL role counts
   * only in a quality where its application lives (lib/access/catalogue.ts).
   */
  qualities: { id: string; type: QualityType; isActive: boolean }[];
};

/** What an action applies to. The entity is mandatory: every check is scoped to one entity. */
export type Resource = { entityId: string; qualityId?: string | null; subdivisionId?: string | null };
