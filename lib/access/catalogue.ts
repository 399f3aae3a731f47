import type { QualityType, RoleKind } from "@/lib/generated/prisma/enums";
import type { MessageKey } from "@/lib/i18n/message-ref";

import frAccess from "../../messages/fr/access.json" with { type: "json" };

// Application catalogue and access rights of seed 003 ("Les applications", "Accès aux applications").
// Codes are stable identifiers used by the permission table; names and descriptions live in the
// catalogue (messages/<locale>/access.json, `access.applications.*`, `access.rights.*`): the French
// ones are the seed's labels.

export const APPLICATIONS = (
  [
    "BECONNECTED",
    "GESTION_ACCES",
    "INFOCENTRE",
    "IRIS",
    "LISTE_CODES",
    "MATCH_IT",
    "MYHANDICAP",
    "PRIMAWEB",
    "RAPPORT_UNIQUE",
    "TYPE_MUTATIONS",
    "EBOX",
    "FILE_EXCHANGE",
    "C607",
    "FSE",
    "CHAMAN",
  ] as const
).map((code) => ({ code, ...frAccess.applications[code] }));

export type ApplicationCode = (typeof APPLICATIONS)[number]["code"];

/**
 * Where each application lives: the qualities under which its rights may be granted and count.
 * Seed 003 lists the CPAS applications and their rights under « CPAS & SPP Intégration Sociale »,
 * i.e. the quality Action Sociale of a CPAS; seed 004 has « Gestion des canaux techniques » (Chaman)
 * granted « sous la bonne qualité », the employer quality Employeur ONSS. « Gestion des accès » is
 * the access management itself: no right of it is ever granted. A right granted under any other
 * quality gives nothing, and a GL's « accès à toutes les applications dans sa qualité » covers only
 * the applications that live in that quality.
 */
export const APPLICATION_QUALITIES: Record<ApplicationCode, readonly QualityType[]> = {
  BECONNECTED: ["ACTION_SOCIALE"],
  GESTION_ACCES: [],
  INFOCENTRE: ["ACTION_SOCIALE"],
  IRIS: ["ACTION_SOCIALE"],
  LISTE_CODES: ["ACTION_SOCIALE"],
  MATCH_IT: ["ACTION_SOCIALE"],
  MYHANDICAP: ["ACTION_SOCIALE"],
  PRIMAWEB: ["ACTION_SOCIALE"],
  RAPPORT_UNIQUE: ["ACTION_SOCIALE"],
  TYPE_MUTATIONS: ["ACTION_SOCIALE"],
  EBOX: ["ACTION_SOCIALE"],
  FILE_EXCHANGE: ["ACTION_SOCIALE"],
  C607: ["ACTION_SOCIALE"],
  FSE: ["ACTION_SOCIALE"],
  CHAMAN: ["EMPLOYEUR_ONSS"],
};

const RIGHT_APPLICATIONS = [
  { code: "AGENT_SOCIAL", app: "PRIMAWEB" },
  { code: "CONSULTATION_CTMS", app: "LISTE_CODES" },
  { code: "EBOX_INSTITUTION", app: "EBOX" },
  { code: "EBOX_PRIVILEGIE", app: "EBOX" },
  { code: "FILE_EXCHANGE", app: "FILE_EXCHANGE" },
  { code: "GESTION_PRIMAWEB", app: "PRIMAWEB" },
  { code: "HANDIWEB", app: "MYHANDICAP" },
  { code: "MATCHIT_GESTIONNAIRE", app: "MATCH_IT" },
  { code: "MATCHIT_LECTURE", app: "MATCH_IT" },
  { code: "MYHANDICAP", app: "MYHANDICAP" },
  { code: "MYHANDICAP_CPAS", app: "MYHANDICAP" },
  { code: "POINT_CONTACT_PARTENAIRES", app: null },
  { code: "FSE_AGENT_ADMINISTRATIF", app: "FSE" },
  { code: "CONSEILLER_SECURITE", app: "IRIS" },
  { code: "RU_MEMBRE_PERSONNEL", app: "RAPPORT_UNIQUE" },
  { code: "RU_PRESIDENT", app: "RAPPORT_UNIQUE" },
  { code: "FSE_RESPONSABLE", app: "FSE" },
  { code: "RU_SECRETAIRE", app: "RAPPORT_UNIQUE" },
  { code: "GESTION_CANAUX_TECHNIQUES", app: "CHAMAN" },
] as const;

/** The rights of seed 003 and seed 004; their names and descriptions are the French catalogue's (messages/fr/access.json). */
export const ACCESS_RIGHTS = RIGHT_APPLICATIONS.map((r) => ({ ...r, ...frAccess.rights[r.code] }));

export type RightCode = (typeof RIGHT_APPLICATIONS)[number]["code"];

/** The qualities where a right may be granted and counts (its application's, see APPLICATION_QUALITIES). */
export function qualitiesOfRight(code: RightCode): readonly QualityType[] {
  const right = ACCESS_RIGHTS.find((r) => r.code === code);
  if (!right) return [];
  // « Point de contact pour partenaires » has no application of its own; seed 003 lists it with the CPAS rights.
  return right.app ? APPLICATION_QUALITIES[right.app] : ["ACTION_SOCIALE"];
}

export const rightLivesIn = (code: RightCode, type: QualityType): boolean => qualitiesOfRight(code).includes(type);

export const RAPPORT_UNIQUE_RIGHTS: RightCode[] = ["RU_MEMBRE_PERSONNEL", "RU_PRESIDENT", "RU_SECRETAIRE"];

/** French labels, for code that is not shown to a person in a language (seeds, logs). Pages use `qualityKey` / `roleKey`. */
export const QUALITY_LABELS: Record<QualityType, string> = frAccess.qualities;
export const ROLE_LABELS: Record<RoleKind, string> = frAccess.roles;

// Catalogue keys (issue 13): what a page or a mail translates in its reader's language.
export const qualityKey = (type: QualityType) => `access.qualities.${type}` as const satisfies MessageKey;
export const roleKey = (role: RoleKind) => `access.roles.${role}` as const satisfies MessageKey;
export const rightNameKey = (code: RightCode) => `access.rights.${code}.name` as const satisfies MessageKey;
export const rightDescriptionKey = (code: RightCode) => `access.rights.${code}.description` as const satisfies MessageKey;
export const applicationNameKey = (code: ApplicationCode) => `access.applications.${code}.name` as const satisfies MessageKey;
export const applicationDescriptionKey = (code: ApplicationCode) => `access.applications.${code}.description` as const satisfies MessageKey;
