import type { QualityType, RoleKind } from "@/lib/generated/prisma/enums";

import type { ApplicationCode, RightCode } from "./catalogue";

// THE permission table (STYLE 4). Each action lists who may do it and at which scope:
// - role at "entity": holds the role in the resource's entity;
// - role at "quality": holds the role on the resource's quality, which must be active (and, with
//   `app`, be a quality where that application lives);
// - role at "subdivision": holds the role on the resource's subdivision (its quality active);
// - `notIn`: the resource must name an active quality of the actor's entity, of another type;
// - right: holds the application right on the resource's quality, and that quality is one where the
//   right's application lives (catalogue.ts). The GL and co-GL of that quality also reach it (seed
//   003: « Accès à toutes les applications dans sa qualité »), except where `holdersOnly` says the
//   right must be held personally (the security log);
// - dpd: is the DPD of the resource's entity;
// - onem: holds the role « Collaborateur ONEM » in an ONEM entity (the request's centre is checked
//   by the C60.7 domain functions);
// - sppis: holds the role « Collaborateur SPP IS » in an SPP IS entity (the Rapport unique domain
//   functions show it only what centres sent).
// A resource without the scope an action needs is denied: a right or a quality role is never
// checked "anywhere". An action missing from this table is denied. The RAE reaches no application
// (seed 003: « Pas accès aux applications »).

export type Grant =
  | { role: RoleKind; scope: "entity" | "quality" | "subdivision"; app?: ApplicationCode; notIn?: QualityType }
  | { right: RightCode; holdersOnly?: true }
  | { dpd: true }
  | { onem: true }
  | { sppis: true };

const RAE_LEVEL: Grant[] = [
  { role: "RAE", scope: "entity" },
  { role: "CO_RAE", scope: "entity" },
];
const GL_LEVEL: Grant[] = [
  { role: "GL", scope: "quality" },
  { role: "CO_GL", scope: "quality" },
];
const SUBDIVISION_LEVEL: Grant[] = [
  { role: "SUBDIVISION_MANAGER", scope: "subdivision" },
  { role: "SUBDIVISION_CO_MANAGER", scope: "subdivision" },
];

export const PERMISSIONS = {
  // Entity level (RAE, co-RAE)
  "entity.view": RAE_LEVEL,
  "entity.activate_quality": RAE_LEVEL,
  "entity.designate_gl": RAE_LEVEL,
  "entity.manage_co_rae": RAE_LEVEL,
  "entity.set_dpd": RAE_LEVEL,
  "entity.search_people": RAE_LEVEL,
  // Quality level (GL, co-GL). Seed 003 gives the RAE « droits similaires à ceux du gestionnaire
  // local » and « gestion d'accès de toutes les qualités », and lists « Nommer/supprimer co-GL » for
  // the GL and co-GL alike (DOMAIN.md). One exception, decided in docs/access-management.md: the
  // application rights of Action Sociale are granted by its GL — the DPD, by the BCSS/SPP IS rule —
  // and co-GL, never by the RAE level, which has « pas accès aux applications ».
  "quality.view": [...RAE_LEVEL, ...GL_LEVEL],
  "quality.manage_co_gl": [...RAE_LEVEL, ...GL_LEVEL],
  "quality.manage_users": [...RAE_LEVEL, ...GL_LEVEL, ...SUBDIVISION_LEVEL],
  "quality.manage_rights": [
    { role: "RAE", scope: "entity", notIn: "ACTION_SOCIALE" },
    { role: "CO_RAE", scope: "entity", notIn: "ACTION_SOCIALE" },
    ...GL_LEVEL,
    ...SUBDIVISION_LEVEL,
  ],
  "quality.designate_technical_user": [...RAE_LEVEL, ...GL_LEVEL],
  "quality.update_email": [...RAE_LEVEL, ...GL_LEVEL],
  "quality.manage_subdivisions": [...RAE_LEVEL, ...GL_LEVEL],
  "quality.review_decide": [...GL_LEVEL, ...SUBDIVISION_LEVEL],
  // The DPD's own duties: the yearly access review and the segregation-of-duties rules.
  "entity.start_access_review": [{ dpd: true }],
  "entity.manage_sod": [{ dpd: true }],
  // Security posture (issue 6): the DPD sets hours and networks, publishes the usage policy.
  "entity.manage_access_policy": [{ dpd: true }],
  "entity.publish_usage_policy": [{ dpd: true }],
  "session.end_others": [{ dpd: true }],
  // Mail (issue 12): the DPD sees the centre's mails that could not be sent (addresses, subjects).
  "entity.view_mail_failures": [{ dpd: true }],
  // FileExchange (issue 5): the DPD chooses the partners files may go to and how long they are kept.
  "entity.manage_file_exchange": [{ dpd: true }],
  // Batch channel (seed 004): holders of « Gestion des canaux techniques » and the GL/co-GL of the
  // quality; the right lives in Employeur ONSS only, so nothing opens a channel elsewhere.
  "quality.manage_channels": [{ right: "GESTION_CANAUX_TECHNIQUES" }],
  // Personal API tokens for the C60.7 API (issue 4): the technical user of the quality where C60.7 lives.
  "app.c607.api_token": [{ role: "TECHNICAL_USER", scope: "quality", app: "C607" }],
  // Roles held as such
  "technical_user.view": [{ role: "TECHNICAL_USER", scope: "quality" }],
  // Applications (rights), each counted only in the quality where its application lives.
  "app.agent_social": [{ right: "AGENT_SOCIAL" }],
  "app.c607": [{ right: "AGENT_SOCIAL" }],
  "app.c607.onem": [{ onem: true }],
  // Rapport unique (issue 10): the three roles personally — the GL of Action Sociale grants them but
  // does not read or sign the report by being GL (docs/rapport-unique.md). A member encodes; the
  // secretary and the president sign (or return to the member); the SPP IS reviews what was sent.
  "app.rapport_unique": [
    { right: "RU_MEMBRE_PERSONNEL", holdersOnly: true },
    { right: "RU_PRESIDENT", holdersOnly: true },
    { right: "RU_SECRETAIRE", holdersOnly: true },
  ],
  "app.rapport_unique.encode": [{ right: "RU_MEMBRE_PERSONNEL", holdersOnly: true }],
  "app.rapport_unique.sign": [
    { right: "RU_PRESIDENT", holdersOnly: true },
    { right: "RU_SECRETAIRE", holdersOnly: true },
  ],
  "app.rapport_unique.sppis": [{ sppis: true }],
  "app.security_log": [{ right: "CONSEILLER_SECURITE", holdersOnly: true }, { dpd: true }],
  "app.file_exchange": [{ right: "FILE_EXCHANGE" }],
} as const satisfies Record<string, readonly Grant[]>;

export type Action = keyof typeof PERMISSIONS;
