import type { Actor } from "./actor";
import { ACCESS_RIGHTS, rightLivesIn, type RightCode } from "./catalogue";
import type { Action } from "./permissions";

// The application areas of the portal and the permission that opens each (seed 003 catalogue).
// The areas themselves are hosted by their owners (SPP IS, BCSS…): the portal gates access and
// links, except where a later issue builds the application here (C60.7, FOREM, security log):
// such an area names its page in `href`. Titles and descriptions: `access.areas.*` in the catalogue.
export const APPLICATION_AREAS = {
  "agent-social": { action: "app.agent_social" },
  "rapport-unique": { action: "app.rapport_unique", href: "/rapport-unique" },
  "journal-securite": { action: "app.security_log", href: "/securite" },
  fileexchange: { action: "app.file_exchange" },
} as const satisfies Record<string, { action: Action; href?: string }>;

/** Each area's title and description in the catalogue: `access.areas.<key>.title` / `.description`. */
const AREA_KEYS = {
  "agent-social": "agentSocial",
  "rapport-unique": "rapportUnique",
  "journal-securite": "journalSecurite",
  fileexchange: "fileexchange",
} as const satisfies Record<keyof typeof APPLICATION_AREAS, string>;

export const areaKey = (code: keyof typeof APPLICATION_AREAS) => AREA_KEYS[code];

export type ApplicationAreaCode = keyof typeof APPLICATION_AREAS;

/** The address of a right's page among the rights hosted by their owner (`/applications/droits/<slug>`). */
export const rightSlug = (code: RightCode) => code.toLowerCase().replaceAll("_", "-");
export const rightOfSlug = (slug: string) => ACCESS_RIGHTS.find((r) => rightSlug(r.code) === slug);

/**
 * The rights in force the actor holds where they count: in an active quality of their own centre
 * where the right's application lives — the same rule as `can()` applies to a right
 * (lib/access/can.ts). A right left under another quality by older data opens nothing.
 */
export function rightsThatCount(actor: Actor): RightCode[] {
  return [
    ...new Set(
      actor.rights
        .filter((r) => {
          const quality = actor.qualities.find((q) => q.id === r.qualityId);
          return !!quality?.isActive && rightLivesIn(r.code, quality.type);
        })
        .map((r) => r.code),
    ),
  ];
}
