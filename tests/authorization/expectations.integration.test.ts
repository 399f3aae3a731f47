import type * as NextCacheModule from "next/cache";
import type * as NextIntlServerModule from "next-intl/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { ensureCatalogue } from "@/lib/seed/builders";

import { ACTIONS, type Attempt } from "./actions";
import { type PersonaKey, World } from "./world";

// Issue 9: the expectation table, written by hand from seed 003 (../shared/seeds/003_…, line
// numbers below), seed 004 (Chaman), seed 002 (DPD) and ../shared/DOMAIN.md « Access
// management ». It is NEVER computed from lib/access/permissions.ts: each row says what the sources
// say, and runs the real domain function as that persona against the real PostgreSQL.
// The same table in prose, with the readings where the sources are silent:
// docs/authorization-expectations.md.
//
// Each row gets a fresh centre (tests/authorization/world.ts): no row sees another's changes.
// "allowed" = no error AND the change is in the database (or the answer holds the data, for reads);
// "refused" = an AppError with a refusal code (by default FORBIDDEN, NOT_FOUND, UNAUTHENTICATED;
// a row may name others, e.g. the DPD rule's UNPROCESSABLE) AND nothing changed.

// Domain functions that also serve pages read the session cookie and next/headers: a row's session id
// would travel in its own async context (rows run concurrently); no row reads a cookie.
const session = await vi.hoisted(async () => {
  const { AsyncLocalStorage } = await import("node:async_hooks");
  return new AsyncLocalStorage<string>();
});
vi.mock("@/lib/auth/session-cookie", () => ({ sessionIdFromCookies: vi.fn(async () => session.getStore() ?? null) }));
// The cookies a server action sets (issue 13: the language cookie), for the tests that call the actions themselves.
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "127.0.0.1:3000", "user-agent": "expectations", "x-portal-client-ip": "127.0.0.1" }),
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => jar.has(name),
    set: (name: string, value: string) => void jar.set(name, value),
  }),
}));
// next-intl's request locale needs Next's request scope: the portal's own negotiation (cookie, then
// Accept-Language) over the cookies above, as lib/i18n/request.ts decides it in a request.
vi.mock("next-intl/server", async (original) => ({
  ...(await original<typeof NextIntlServerModule>()),
  getLocale: async () => {
    const [{ requestLocale }, { LOCALE_TAGS }] = await Promise.all([import("@/lib/i18n/request-locale"), import("@/lib/i18n/locales")]);
    return LOCALE_TAGS[await requestLocale()];
  },
}));
// A successful action revalidates its pages: there is no Next cache outside a request.
vi.mock("next/cache", async (original) => ({ ...(await original<typeof NextCacheModule>()), revalidatePath: vi.fn() }));

// Rows are independent (each builds its own uniquely named data): run several at once.
vi.setConfig({ maxConcurrency: 6 });

type Outcome = "allowed" | "refused";
type Row = [persona: PersonaKey, action: string, target: string, expected: Outcome, refusalCodes?: string[]];

const DEFAULT_REFUSALS = ["FORBIDDEN", "NOT_FOUND", "UNAUTHENTICATED"];
/** A right of an application that does not live in the quality: « refused with the reason » (issue 9), any 4xx but a 400 on a wrong form. */
const WRONG_QUALITY = ["FORBIDDEN", "NOT_FOUND", "UNPROCESSABLE", "CONFLICT", "BAD_REQUEST"];
/** A GL role on a deactivated quality: denied, or refused because the quality is not active. */
const INACTIVE = ["FORBIDDEN", "NOT_FOUND", "UNPROCESSABLE", "CONFLICT"];

// prettier-ignore
const TABLE: Row[] = [
  // ===================================================================== ENTITY (RAE and co-RAE)
  // seed 003 l.58-70: « RAE et co-RAE … Les responsabilités — Activer une qualité »; DOMAIN: "A quality is activated by the RAE".
  ["RAE", "activate quality", "Employeur PPL", "allowed"],
  ["CO_RAE", "activate quality", "Employeur PPL", "allowed"],
  ["GL_AS", "activate quality", "Employeur PPL", "refused"],
  ["CO_GL_AS", "activate quality", "Employeur PPL", "refused"],
  ["GL_ONSS", "activate quality", "Employeur PPL", "refused"],
  ["SUB_MGR", "activate quality", "Employeur PPL", "refused"],
  ["AGENT", "activate quality", "Employeur PPL", "refused"],
  ["TECH", "activate quality", "Employeur PPL", "refused"],
  ["SEC_ADVISOR", "activate quality", "Employeur PPL", "refused"],
  // Reading: deactivating is the other side of « Activer une qualité » (l.70): RAE and co-RAE only, never the GL of that quality.
  ["RAE", "deactivate quality", "ONSS", "allowed"],
  ["CO_RAE", "deactivate quality", "ONSS", "allowed"],
  ["GL_ONSS", "deactivate quality", "ONSS", "refused"],
  ["CO_GL_ONSS", "deactivate quality", "ONSS", "refused"],
  ["GL_AS", "deactivate quality", "ONSS", "refused"],
  // seed 003 l.79-82: the GL of Action Sociale is « Qui ? DPD — Par qui ? RAE ou co-RAE »: recording who the DPD is belongs to them (reading).
  ["RAE", "set DPD", "FRESH", "allowed"],
  ["CO_RAE", "set DPD", "FRESH", "allowed"],
  ["GL_AS", "set DPD", "FRESH", "refused"],
  ["CO_GL_AS", "set DPD", "FRESH", "refused"],
  ["GL_ONSS", "set DPD", "FRESH", "refused"],
  ["SEC_ADVISOR", "set DPD", "FRESH", "refused"],
  // seed 003 l.71 « Désigner et changer un gestionnaire local », l.82 « Par qui ? RAE ou co-RAE », l.94 « Ajouter/supprimer le GL ».
  ["RAE", "designate GL", "ONSS ← FRESH", "allowed"],
  ["CO_RAE", "designate GL", "ONSS ← FRESH", "allowed"],
  ["GL_AS", "designate GL", "ONSS ← FRESH", "refused"],
  ["GL_ONSS", "designate GL", "ONSS ← FRESH", "refused"],
  ["CO_GL_ONSS", "designate GL", "ONSS ← FRESH", "refused"],
  ["AGENT", "designate GL", "ONSS ← FRESH", "refused"],
  ["OTHER_RAE", "designate GL", "ONSS ← FRESH", "refused"],
  // seed 003 l.114: « le gestionnaire local de la qualité Action sociale doit impérativement être le DPD du centre » (DOMAIN: "must enforce this rule").
  ["RAE", "designate GL", "AS ← FRESH", "refused", ["UNPROCESSABLE", "FORBIDDEN", "CONFLICT"]],
  ["RAE", "designate GL", "AS ← DPD_NOT_GL", "allowed"],
  ["CO_RAE", "designate GL", "AS ← DPD_NOT_GL", "allowed"],
  ["GL_ONSS", "designate GL", "AS ← DPD_NOT_GL", "refused"],
  ["SEC_ADVISOR", "designate GL", "AS ← DPD_NOT_GL", "refused"],
  // seed 003 l.72 « Désigner, bloquer, débloquer et supprimer une co-RAE », listed under « RAE et co-RAE » (l.58): the co-RAE too (reading).
  ["RAE", "designate co-RAE", "FRESH", "allowed"],
  ["CO_RAE", "designate co-RAE", "FRESH", "allowed"],
  ["GL_AS", "designate co-RAE", "FRESH", "refused"],
  ["GL_ONSS", "designate co-RAE", "FRESH", "refused"],
  ["OTHER_RAE", "designate co-RAE", "FRESH", "refused"],
  ["RAE", "block co-RAE", "CO_RAE_2", "allowed"],
  ["CO_RAE", "block co-RAE", "CO_RAE_2", "allowed"],
  ["GL_AS", "block co-RAE", "CO_RAE_2", "refused"],
  ["CO_GL_AS", "block co-RAE", "CO_RAE_2", "refused"],
  ["GL_ONSS", "block co-RAE", "CO_RAE_2", "refused"],
  ["AGENT", "block co-RAE", "CO_RAE_2", "refused"],
  ["RAE", "unblock co-RAE", "CO_RAE_2", "allowed"],
  ["CO_RAE", "unblock co-RAE", "CO_RAE_2", "allowed"],
  ["GL_AS", "unblock co-RAE", "CO_RAE_2", "refused"],
  ["RAE", "delete co-RAE", "CO_RAE_2", "allowed"],
  ["CO_RAE", "delete co-RAE", "CO_RAE_2", "allowed"],
  ["GL_AS", "delete co-RAE", "CO_RAE_2", "refused"],
  // DOMAIN « Who may act on whom »: "Nothing in the seed lets a co-RAE act on the RAE" (issue 9, finding 2).
  ["CO_RAE", "block co-RAE", "RAE", "refused"],
  ["CO_RAE", "delete co-RAE", "RAE", "refused"],
  // seed 003 l.73 « Rechercher les utilisateurs dans les différentes qualités » (RAE/co-RAE); the GL's access management is « que de sa qualité » (l.99).
  ["RAE", "search people", "USER_AS", "allowed"],
  ["RAE", "search people", "USER_ONSS", "allowed"],
  ["CO_RAE", "search people", "USER_AS", "allowed"],
  ["GL_AS", "search people", "USER_ONSS", "refused"],
  ["GL_ONSS", "search people", "USER_AS", "refused"],
  ["AGENT", "search people", "USER_AS", "refused"],
  ["OTHER_RAE", "search people", "USER_AS", "refused"],

  // ===================================================================== QUALITY (GL and co-GL)
  // seed 003 l.86 « Nommer/supprimer co-GL »; l.75 RAE « Droits similaires à ceux du gestionnaire local » + l.96 « Gestion d'accès de toutes les qualités »;
  // l.99 GL « Gestion d'accès que de sa qualité ». DOMAIN: "GL (Gestionnaire Local) and co-GL: … name/remove co-GLs" (co-GL: reading).
  ["GL_AS", "designate co-GL", "AS ← FRESH", "allowed"],
  ["CO_GL_AS", "designate co-GL", "AS ← FRESH", "allowed"],
  ["RAE", "designate co-GL", "AS ← FRESH", "allowed"],
  ["CO_RAE", "designate co-GL", "AS ← FRESH", "allowed"],
  ["GL_ONSS", "designate co-GL", "AS ← FRESH", "refused"],
  ["CO_GL_ONSS", "designate co-GL", "AS ← FRESH", "refused"],
  ["SUB_MGR", "designate co-GL", "AS ← FRESH", "refused"],
  ["AGENT", "designate co-GL", "AS ← FRESH", "refused"],
  ["TECH", "designate co-GL", "AS ← FRESH", "refused"],
  ["GL_ONSS", "designate co-GL", "ONSS ← FRESH", "allowed"],
  ["CO_GL_ONSS", "designate co-GL", "ONSS ← FRESH", "allowed"],
  ["GL_AS", "designate co-GL", "ONSS ← FRESH", "refused"],
  ["CO_GL_AS", "designate co-GL", "ONSS ← FRESH", "refused"],
  // Issue 9: « GL roles on a deactivated quality give nothing ».
  ["GL_ONSS_OFF", "designate co-GL", "ONSS ← FRESH", "refused", INACTIVE],
  ["GL_AS", "remove co-GL", "CO_GL_AS", "allowed"],
  ["RAE", "remove co-GL", "CO_GL_AS", "allowed"],
  ["CO_RAE", "remove co-GL", "CO_GL_AS", "allowed"],
  ["CO_GL_AS_2", "remove co-GL", "CO_GL_AS", "allowed"],
  ["GL_ONSS", "remove co-GL", "CO_GL_AS", "refused"],
  ["SUB_MGR", "remove co-GL", "CO_GL_AS", "refused"],
  ["AGENT", "remove co-GL", "CO_GL_AS", "refused"],
  // DOMAIN: "Nothing in the seed lets … a co-GL [act] on its GL"; the GL is only replaced by the RAE (l.71).
  ["CO_GL_AS", "remove co-GL", "GL_AS", "refused", ["FORBIDDEN", "NOT_FOUND", "CONFLICT"]],
  ["GL_ONSS", "remove co-GL", "GL_AS", "refused", ["FORBIDDEN", "NOT_FOUND", "CONFLICT"]],
  // seed 003 l.88 « Nommer Utilisateur Technique », l.135-137 (technical user: « GL »); DOMAIN: GL and co-GL name the technical user.
  ["GL_AS", "designate technical user", "AS ← FRESH", "allowed"],
  ["CO_GL_AS", "designate technical user", "AS ← FRESH", "allowed"],
  ["RAE", "designate technical user", "AS ← FRESH", "allowed"],
  ["GL_ONSS", "designate technical user", "AS ← FRESH", "refused"],
  ["TECH", "designate technical user", "AS ← FRESH", "refused"],
  ["AGENT", "designate technical user", "AS ← FRESH", "refused"],
  ["GL_AS", "remove technical user", "TECH", "allowed"],
  ["CO_GL_AS", "remove technical user", "TECH", "allowed"],
  ["GL_ONSS", "remove technical user", "TECH", "refused"],
  ["AGENT", "remove technical user", "TECH", "refused"],
  // seed 003 l.89 « Changer l'adresse email de cette qualité » (« cette »: the GL's own quality).
  ["GL_AS", "change quality e-mail", "AS", "allowed"],
  ["CO_GL_AS", "change quality e-mail", "AS", "allowed"],
  ["RAE", "change quality e-mail", "AS", "allowed"],
  ["GL_ONSS", "change quality e-mail", "AS", "refused"],
  ["AGENT", "change quality e-mail", "AS", "refused"],
  ["TECH", "change quality e-mail", "AS", "refused"],
  ["GL_ONSS", "change quality e-mail", "ONSS", "allowed"],
  ["GL_AS", "change quality e-mail", "ONSS", "refused"],
  ["GL_ONSS_OFF", "change quality e-mail", "ONSS", "refused", INACTIVE],
  // seed 003 l.87 « Gérer les utilisateurs »; DOMAIN: "a subdivision manager manages users inside the subdivision".
  ["RAE", "invite user", "AS", "allowed"],
  ["CO_RAE", "invite user", "AS", "allowed"],
  ["GL_AS", "invite user", "AS", "allowed"],
  ["CO_GL_AS", "invite user", "AS", "allowed"],
  ["GL_ONSS", "invite user", "AS", "refused"],
  ["SUB_MGR", "invite user", "AS", "refused"],
  ["AGENT", "invite user", "AS", "refused"],
  ["TECH", "invite user", "AS", "refused"],
  ["OTHER_DPD", "invite user", "AS", "refused"],
  ["SUB_MGR", "invite user", "AS subdivision", "allowed"],
  ["GL_ONSS", "invite user", "ONSS", "allowed"],
  ["GL_AS", "invite user", "ONSS", "refused"],
  ["GL_ONSS_OFF", "invite user", "ONSS", "refused", INACTIVE],

  // ===================================================================== BLOCKING PEOPLE (hierarchy, finding 2)
  // seed 003 l.87 « Gérer les utilisateurs »: the managers of the user's quality (RAE: all qualities, l.96).
  ["RAE", "block person", "USER_AS", "allowed"],
  ["CO_RAE", "block person", "USER_AS", "allowed"],
  ["GL_AS", "block person", "USER_AS", "allowed"],
  ["CO_GL_AS", "block person", "USER_AS", "allowed"],
  ["GL_ONSS", "block person", "USER_AS", "refused"],
  ["SUB_MGR", "block person", "USER_AS", "refused"],
  ["AGENT", "block person", "USER_AS", "refused"],
  ["TECH", "block person", "USER_AS", "refused"],
  ["SEC_ADVISOR", "block person", "USER_AS", "refused"],
  ["OTHER_DPD", "block person", "USER_AS", "refused"],
  ["SUB_MGR", "block person", "USER_SUB", "allowed"],
  ["GL_ONSS", "block person", "USER_ONSS", "allowed"],
  ["CO_GL_ONSS", "block person", "USER_ONSS", "allowed"],
  ["GL_AS", "block person", "USER_ONSS", "refused"],
  ["CO_GL_AS", "block person", "USER_ONSS", "refused"],
  ["GL_ONSS_OFF", "block person", "USER_ONSS", "refused", INACTIVE],
  // Issue 9 « Hierarchy »: nobody blocks a person holding a role equal to or above theirs, except where seed 003 says so
  // (l.71/l.94: the RAE manages GLs; l.72: co-RAEs; l.86-88: the GL manages co-GLs, users, the technical user).
  ["CO_RAE", "block person", "RAE", "refused"],
  ["GL_AS", "block person", "RAE", "refused"],
  ["GL_ONSS", "block person", "RAE", "refused"],
  ["GL_AS", "block person", "CO_RAE", "refused"],
  ["RAE", "block person", "CO_RAE_2", "allowed"],
  ["RAE", "block person", "GL_AS", "allowed"],
  ["CO_RAE", "block person", "GL_AS", "allowed"],
  ["CO_GL_AS", "block person", "GL_AS", "refused"],
  ["GL_ONSS", "block person", "GL_AS", "refused"],
  ["SUB_MGR", "block person", "GL_AS", "refused"],
  ["RAE", "block person", "GL_ONSS", "allowed"],
  ["CO_GL_ONSS", "block person", "GL_ONSS", "refused"],
  ["GL_AS", "block person", "GL_ONSS", "refused"],
  // Finding 2: a right under ONSS does not put the DPD's or the RAE's other roles in the GL of ONSS's reach.
  ["GL_ONSS", "block person", "DPD_ONSS_RIGHT", "refused"],
  ["GL_ONSS", "block person", "RAE_ONSS_RIGHT", "refused"],
  ["GL_AS", "block person", "CO_GL_AS", "allowed"],
  ["CO_GL_AS_2", "block person", "CO_GL_AS", "refused"], // equal; the seed says « supprimer co-GL » (the role), never « bloquer » (reading)
  ["GL_ONSS", "block person", "CO_GL_AS", "refused"],
  ["GL_AS", "block person", "TECH", "allowed"],
  ["CO_GL_AS", "block person", "TECH", "allowed"],
  ["GL_ONSS", "block person", "TECH", "refused"],
  ["GL_AS", "block person", "SUB_MGR", "allowed"],
  ["SUB_MGR", "block person", "SUB_MGR_2", "refused"],
  ["GL_AS", "unblock person", "USER_AS", "allowed"],
  ["CO_GL_AS", "unblock person", "USER_AS", "allowed"],
  ["GL_ONSS", "unblock person", "USER_AS", "refused"],
  ["AGENT", "unblock person", "USER_AS", "refused"],

  // ===================================================================== RIGHTS
  // seed 003 l.87 « Gérer les utilisateurs » (rights of the quality); l.75/l.96 the RAE's access management of all qualities (reading: RAE grants too).
  ["GL_AS", "grant right", "AGENT_SOCIAL @ AS → FRESH", "allowed"],
  ["CO_GL_AS", "grant right", "AGENT_SOCIAL @ AS → FRESH", "allowed"],
  // Lead's decision (docs/access-management.md, « Rights of Action Sociale »): the RAE's « droits similaires »
  // stop at the application rights of Action Sociale. Seed 003 l.114-116: its GL must be the DPD because
  // « le Conseiller en sécurité (DPD) aujourd'hui est le seul habilité à exercer cette fonction »; l.97
  // the RAE has « pas accès aux applications ». In any other quality the RAE level grants like a GL.
  ["RAE", "grant right", "AGENT_SOCIAL @ AS → FRESH", "refused"],
  ["CO_RAE", "grant right", "AGENT_SOCIAL @ AS → FRESH", "refused"],
  ["RAE", "grant right", "GESTION_CANAUX_TECHNIQUES @ ONSS → FRESH", "allowed"],
  ["CO_RAE", "grant right", "GESTION_CANAUX_TECHNIQUES @ ONSS → FRESH", "allowed"],
  ["GL_ONSS", "grant right", "AGENT_SOCIAL @ AS → FRESH", "refused"],
  ["CO_GL_ONSS", "grant right", "AGENT_SOCIAL @ AS → FRESH", "refused"],
  ["SUB_MGR", "grant right", "AGENT_SOCIAL @ AS → FRESH", "refused"],
  ["AGENT", "grant right", "AGENT_SOCIAL @ AS → FRESH", "refused"],
  ["TECH", "grant right", "AGENT_SOCIAL @ AS → FRESH", "refused"],
  ["SEC_ADVISOR", "grant right", "AGENT_SOCIAL @ AS → FRESH", "refused"],
  ["OTHER_DPD", "grant right", "AGENT_SOCIAL @ AS → FRESH", "refused"],
  ["SUB_MGR", "grant right", "AGENT_SOCIAL @ AS → FRESH_SUB", "allowed"],
  // DOMAIN « Rights live in a quality »: seed 003 l.141 lists the CPAS rights under « CPAS & SPP Intégration Sociale » (Action Sociale);
  // seed 004 l.183 « Gestion des canaux techniques … sous la bonne qualité » (Employeur ONSS). Issue 9: « granting a right of another application is refused with the reason ».
  ["GL_ONSS", "grant right", "AGENT_SOCIAL @ ONSS → FRESH", "refused", WRONG_QUALITY],
  ["CO_GL_ONSS", "grant right", "AGENT_SOCIAL @ ONSS → FRESH", "refused", WRONG_QUALITY],
  ["RAE", "grant right", "AGENT_SOCIAL @ ONSS → FRESH", "refused", WRONG_QUALITY],
  ["GL_ONSS", "grant right", "FILE_EXCHANGE @ ONSS → FRESH", "refused", WRONG_QUALITY],
  ["GL_ONSS", "grant right", "RU_PRESIDENT @ ONSS → FRESH", "refused", WRONG_QUALITY],
  ["GL_AS", "grant right", "GESTION_CANAUX_TECHNIQUES @ AS → FRESH", "refused", WRONG_QUALITY],
  ["RAE", "grant right", "GESTION_CANAUX_TECHNIQUES @ AS → FRESH", "refused", WRONG_QUALITY],
  // seed 004 l.180-181: the GL of Employeur ONSS gives access to Chaman.
  ["GL_ONSS", "grant right", "GESTION_CANAUX_TECHNIQUES @ ONSS → FRESH", "allowed"],
  ["CO_GL_ONSS", "grant right", "GESTION_CANAUX_TECHNIQUES @ ONSS → FRESH", "allowed"],
  ["GL_AS", "grant right", "GESTION_CANAUX_TECHNIQUES @ ONSS → FRESH", "refused"],
  ["GL_ONSS_OFF", "grant right", "GESTION_CANAUX_TECHNIQUES @ ONSS → FRESH", "refused", INACTIVE],
  // Issue 9 « Hierarchy »: nobody changes the rights of a person holding a role equal to or above theirs in that scope.
  ["GL_ONSS", "grant right", "GESTION_CANAUX_TECHNIQUES @ ONSS → RAE", "refused"], // the RAE's scope is every quality (l.96)
  ["GL_ONSS", "grant right", "GESTION_CANAUX_TECHNIQUES @ ONSS → GL_AS", "allowed"], // reading: the DPD holds no role under ONSS
  ["CO_GL_AS", "grant right", "AGENT_SOCIAL @ AS → GL_AS", "refused"],
  ["CO_GL_AS_2", "grant right", "AGENT_SOCIAL @ AS → CO_GL_AS", "refused"],
  ["GL_AS", "grant right", "AGENT_SOCIAL @ AS → CO_GL_AS", "allowed"],
  ["GL_AS", "grant right", "AGENT_SOCIAL @ AS → CO_RAE", "refused"],
  ["CO_RAE", "grant right", "AGENT_SOCIAL @ AS → RAE", "refused"],
  // seed 003 l.116: « le Conseiller en sécurité (DPD) »: the DPD hands out « Rôle - Conseiller en sécurité (Audit) » (l.260).
  ["GL_AS", "grant right", "CONSEILLER_SECURITE @ AS → FRESH", "allowed"],
  ["GL_AS", "revoke right", "AGENT_SOCIAL @ AS → USER_AS", "allowed"],
  ["CO_GL_AS", "revoke right", "AGENT_SOCIAL @ AS → USER_AS", "allowed"],
  ["RAE", "revoke right", "AGENT_SOCIAL @ AS → USER_AS", "refused"], // same decision as the grants above
  ["RAE", "revoke right", "GESTION_CANAUX_TECHNIQUES @ ONSS → USER_ONSS", "allowed"],
  ["GL_ONSS", "revoke right", "AGENT_SOCIAL @ AS → USER_AS", "refused"],
  ["SUB_MGR", "revoke right", "AGENT_SOCIAL @ AS → USER_AS", "refused"],
  ["AGENT", "revoke right", "AGENT_SOCIAL @ AS → USER_AS", "refused"],
  ["SUB_MGR", "revoke right", "AGENT_SOCIAL @ AS → USER_SUB", "allowed"],
  ["GL_ONSS", "revoke right", "GESTION_CANAUX_TECHNIQUES @ ONSS → USER_ONSS", "allowed"],
  ["GL_AS", "revoke right", "GESTION_CANAUX_TECHNIQUES @ ONSS → USER_ONSS", "refused"],
  ["GL_ONSS", "revoke right", "GESTION_CANAUX_TECHNIQUES @ ONSS → RAE_ONSS_RIGHT", "refused"],
  ["GL_ONSS", "revoke right", "GESTION_CANAUX_TECHNIQUES @ ONSS → DPD_ONSS_RIGHT", "allowed"], // reading, as for the grant

  // ===================================================================== SUBDIVISIONS, REVIEW, SoD
  // seed 003 l.25-26 « Gestionnaire Subdivision / co-gestionnaire Subdivision »: set up by the quality's managers (reading: the seed names no one else).
  ["GL_AS", "create subdivision", "AS", "allowed"],
  ["CO_GL_AS", "create subdivision", "AS", "allowed"],
  ["RAE", "create subdivision", "AS", "allowed"],
  ["GL_ONSS", "create subdivision", "AS", "refused"],
  ["SUB_MGR", "create subdivision", "AS", "refused"],
  ["AGENT", "create subdivision", "AS", "refused"],
  ["GL_AS", "designate subdivision manager", "SUB ← FRESH", "allowed"],
  ["CO_GL_AS", "designate subdivision manager", "SUB ← FRESH", "allowed"],
  ["GL_ONSS", "designate subdivision manager", "SUB ← FRESH", "refused"],
  ["SUB_MGR", "designate subdivision manager", "SUB ← FRESH", "refused"],
  ["AGENT", "designate subdivision manager", "SUB ← FRESH", "refused"],
  // seed 003 l.125 (art. 6, 4°: « veiller à ce que l'accès aux données soit conforme aux autorisations »), l.116: the DPD's review (reading).
  ["GL_AS", "start access review", "AS", "allowed"],
  ["CO_GL_AS", "start access review", "AS", "refused"],
  ["RAE", "start access review", "AS", "refused"],
  ["GL_ONSS", "start access review", "AS", "refused"],
  ["SEC_ADVISOR", "start access review", "AS", "refused"],
  ["GL_AS", "decide review item", "AGENT_SOCIAL @ AS → USER_AS", "allowed"],
  ["CO_GL_AS", "decide review item", "AGENT_SOCIAL @ AS → USER_AS", "allowed"],
  ["GL_ONSS", "decide review item", "AGENT_SOCIAL @ AS → USER_AS", "refused"],
  ["AGENT", "decide review item", "AGENT_SOCIAL @ AS → USER_AS", "refused"],
  ["GL_AS", "add SoD rule", "-", "allowed"],
  ["RAE", "add SoD rule", "-", "refused"],
  ["CO_GL_AS", "add SoD rule", "-", "refused"],
  ["GL_ONSS", "add SoD rule", "-", "refused"],
  ["SEC_ADVISOR", "add SoD rule", "-", "refused"],

  // ===================================================================== C60.7 (an application of Action Sociale, right Agent Social)
  // seed 003 l.208 « Agent Social » (under « CPAS & SPP Intégration Sociale », l.141); l.90/l.100 the GL (and co-GL, DOMAIN) « Accès à toutes les
  // applications dans sa qualité »; l.97 the RAE « Pas accès aux applications »; DOMAIN: "A right granted under a quality where its application
  // does not live gives nothing"; issue 9 finding 1 (GL/co-GL of ONSS read NISS). seed 001 l.34: ONEM processes what the CPAS sent.
  ["AGENT", "read C60.7 request with NISS", "draft request", "allowed"],
  ["GL_AS", "read C60.7 request with NISS", "draft request", "allowed"],
  ["CO_GL_AS", "read C60.7 request with NISS", "draft request", "allowed"],
  ["SUB_MGR", "read C60.7 request with NISS", "draft request", "allowed"],
  ["RAE", "read C60.7 request with NISS", "draft request", "refused"],
  ["CO_RAE", "read C60.7 request with NISS", "draft request", "refused"],
  ["GL_ONSS", "read C60.7 request with NISS", "draft request", "refused"],
  ["CO_GL_ONSS", "read C60.7 request with NISS", "draft request", "refused"],
  ["RIGHT_ONSS", "read C60.7 request with NISS", "draft request", "refused"],
  ["MISPLACED", "read C60.7 request with NISS", "draft request", "refused"],
  ["TECH", "read C60.7 request with NISS", "draft request", "refused"],
  ["RU_MEMBRE", "read C60.7 request with NISS", "draft request", "refused"],
  ["RU_SECRETAIRE", "read C60.7 request with NISS", "draft request", "refused"],
  ["RU_PRESIDENT", "read C60.7 request with NISS", "draft request", "refused"],
  ["SEC_ADVISOR", "read C60.7 request with NISS", "draft request", "refused"],
  ["FILEX", "read C60.7 request with NISS", "draft request", "refused"],
  ["ONEM_MEMBER", "read C60.7 request with NISS", "draft request", "refused"],
  ["ONEM_COLLAB", "read C60.7 request with NISS", "draft request", "refused"],
  ["OTHER_RAE", "read C60.7 request with NISS", "draft request", "refused"],
  ["OTHER_DPD", "read C60.7 request with NISS", "draft request", "refused"],
  ["ONEM_COLLAB", "read C60.7 request with NISS", "sent request", "allowed"],
  ["ONEM_MEMBER", "read C60.7 request with NISS", "sent request", "refused"],
  // Issue 9 finding 6 and « Sessions, tokens, lockout as one state »: a token works only while its holder may sign in.
  ["TOKEN_OK", "read C60.7 request with NISS", "draft request", "allowed"],
  ["TOKEN_BLOCKED", "read C60.7 request with NISS", "draft request", "refused"],
  ["TOKEN_LOCKED", "read C60.7 request with NISS", "draft request", "refused"],
  ["AGENT", "list C60.7 requests", "draft request", "allowed"],
  ["GL_AS", "list C60.7 requests", "draft request", "allowed"],
  ["RAE", "list C60.7 requests", "draft request", "refused"],
  ["GL_ONSS", "list C60.7 requests", "draft request", "refused"],
  ["CO_GL_ONSS", "list C60.7 requests", "draft request", "refused"],
  ["MISPLACED", "list C60.7 requests", "draft request", "refused"],
  ["OTHER_DPD", "list C60.7 requests", "draft request", "refused"],
  ["ONEM_COLLAB", "list C60.7 requests", "sent request", "allowed"],
  ["ONEM_MEMBER", "list C60.7 requests", "sent request", "refused"],
  ["TOKEN_BLOCKED", "list C60.7 requests", "draft request", "refused"],
  ["TOKEN_LOCKED", "list C60.7 requests", "draft request", "refused"],
  ["AGENT", "create C60.7 request", "-", "allowed"],
  ["GL_AS", "create C60.7 request", "-", "allowed"],
  ["CO_GL_AS", "create C60.7 request", "-", "allowed"],
  ["SUB_MGR", "create C60.7 request", "-", "allowed"],
  ["TOKEN_OK", "create C60.7 request", "-", "allowed"],
  ["RAE", "create C60.7 request", "-", "refused"],
  ["CO_RAE", "create C60.7 request", "-", "refused"],
  ["GL_ONSS", "create C60.7 request", "-", "refused"],
  ["CO_GL_ONSS", "create C60.7 request", "-", "refused"],
  ["GL_ONSS_OFF", "create C60.7 request", "-", "refused"],
  ["RIGHT_ONSS", "create C60.7 request", "-", "refused"],
  ["MISPLACED", "create C60.7 request", "-", "refused"],
  ["TECH", "create C60.7 request", "-", "refused"],
  ["RU_PRESIDENT", "create C60.7 request", "-", "refused"],
  ["SEC_ADVISOR", "create C60.7 request", "-", "refused"],
  ["ONEM_MEMBER", "create C60.7 request", "-", "refused"],
  ["ONEM_COLLAB", "create C60.7 request", "-", "refused"],
  ["TOKEN_BLOCKED", "create C60.7 request", "-", "refused"],
  ["TOKEN_LOCKED", "create C60.7 request", "-", "refused"],
  ["AGENT", "send C60.7 request", "draft request", "allowed"],
  ["GL_AS", "send C60.7 request", "draft request", "allowed"],
  ["CO_GL_AS", "send C60.7 request", "draft request", "allowed"],
  ["RAE", "send C60.7 request", "draft request", "refused"],
  ["GL_ONSS", "send C60.7 request", "draft request", "refused"],
  ["CO_GL_ONSS", "send C60.7 request", "draft request", "refused"],
  ["MISPLACED", "send C60.7 request", "draft request", "refused"],
  ["TECH", "send C60.7 request", "draft request", "refused"],
  ["ONEM_COLLAB", "send C60.7 request", "draft request", "refused"],
  ["OTHER_DPD", "send C60.7 request", "draft request", "refused"],
  ["TOKEN_BLOCKED", "send C60.7 request", "draft request", "refused"],
  // seed 001 l.25 « validé par un collaborateur de l'ONEM »: only ONEM collaborators take requests.
  ["ONEM_COLLAB", "take C60.7 request (ONEM)", "sent request", "allowed"],
  ["ONEM_MEMBER", "take C60.7 request (ONEM)", "sent request", "refused"],
  ["AGENT", "take C60.7 request (ONEM)", "sent request", "refused"],
  ["GL_AS", "take C60.7 request (ONEM)", "sent request", "refused"],
  ["GL_ONSS", "take C60.7 request (ONEM)", "sent request", "refused"],
  ["RAE", "take C60.7 request (ONEM)", "sent request", "refused"],
  // Issue 9 finding 5: « ONEM downloads an attachment the centre has not sent (added after a complement request, still removable by the centre) »;
  // seed 001 l.34 « sur la base des pièces jointes » the CPAS sends.
  ["AGENT", "download C60.7 attachment", "attachment of a sent request", "allowed"],
  ["ONEM_COLLAB", "download C60.7 attachment", "attachment of a sent request", "allowed"],
  ["GL_ONSS", "download C60.7 attachment", "attachment of a sent request", "refused"],
  ["RAE", "download C60.7 attachment", "attachment of a sent request", "refused"],
  ["ONEM_MEMBER", "download C60.7 attachment", "attachment of a sent request", "refused"],
  ["OTHER_DPD", "download C60.7 attachment", "attachment of a sent request", "refused"],
  ["AGENT", "download C60.7 attachment", "attachment added after a complement request", "allowed"],
  ["ONEM_COLLAB", "download C60.7 attachment", "attachment added after a complement request", "refused"],
  // Finding 1: "sees the Agent Social team's messages" — the C60.7 inbox of the centre is the Agent Social application's.
  ["AGENT", "read C60.7 messages", "team message", "allowed"],
  ["GL_AS", "read C60.7 messages", "team message", "allowed"],
  ["CO_GL_AS", "read C60.7 messages", "team message", "allowed"],
  ["GL_ONSS", "read C60.7 messages", "team message", "refused"],
  ["CO_GL_ONSS", "read C60.7 messages", "team message", "refused"],
  ["RAE", "read C60.7 messages", "team message", "refused"],
  ["MISPLACED", "read C60.7 messages", "team message", "refused"],
  ["TECH", "read C60.7 messages", "team message", "refused"],
  ["RU_SECRETAIRE", "read C60.7 messages", "team message", "refused"],
  ["OTHER_DPD", "read C60.7 messages", "team message", "refused"],

  // ===================================================================== FOREM (Agent Social of the CPAS, Action Sociale)
  // Same sources as C60.7 (seed 003 l.208, l.97, l.100; DOMAIN « Rights live in a quality »; finding 1 "downloads the FOREM export and attestations").
  ["AGENT", "create FOREM contract", "-", "allowed"],
  ["GL_AS", "create FOREM contract", "-", "allowed"],
  ["CO_GL_AS", "create FOREM contract", "-", "allowed"],
  ["SUB_MGR", "create FOREM contract", "-", "allowed"],
  ["RAE", "create FOREM contract", "-", "refused"],
  ["CO_RAE", "create FOREM contract", "-", "refused"],
  ["GL_ONSS", "create FOREM contract", "-", "refused"],
  ["CO_GL_ONSS", "create FOREM contract", "-", "refused"],
  ["RIGHT_ONSS", "create FOREM contract", "-", "refused"],
  ["MISPLACED", "create FOREM contract", "-", "refused"],
  ["TECH", "create FOREM contract", "-", "refused"],
  ["RU_MEMBRE", "create FOREM contract", "-", "refused"],
  ["FILEX", "create FOREM contract", "-", "refused"],
  ["ONEM_COLLAB", "create FOREM contract", "-", "refused"],
  ["AGENT", "export FOREM file", "ended contract", "allowed"],
  ["GL_AS", "export FOREM file", "ended contract", "allowed"],
  ["RAE", "export FOREM file", "ended contract", "refused"],
  ["GL_ONSS", "export FOREM file", "ended contract", "refused"],
  ["CO_GL_ONSS", "export FOREM file", "ended contract", "refused"],
  ["MISPLACED", "export FOREM file", "ended contract", "refused"],
  ["SEC_ADVISOR", "export FOREM file", "ended contract", "refused"],
  ["AGENT", "create attestation", "worker", "allowed"],
  ["CO_GL_AS", "create attestation", "worker", "allowed"],
  ["RAE", "create attestation", "worker", "refused"],
  ["GL_ONSS", "create attestation", "worker", "refused"],
  ["MISPLACED", "create attestation", "worker", "refused"],
  ["RU_PRESIDENT", "create attestation", "worker", "refused"],
  ["AGENT", "download attestation", "attestation", "allowed"],
  ["GL_AS", "download attestation", "attestation", "allowed"],
  ["RAE", "download attestation", "attestation", "refused"],
  ["CO_RAE", "download attestation", "attestation", "refused"],
  ["GL_ONSS", "download attestation", "attestation", "refused"],
  ["CO_GL_ONSS", "download attestation", "attestation", "refused"],
  ["MISPLACED", "download attestation", "attestation", "refused"],
  ["TECH", "download attestation", "attestation", "refused"],
  ["ONEM_COLLAB", "download attestation", "attestation", "refused"],
  ["OTHER_DPD", "download attestation", "attestation", "refused"],

  // ===================================================================== FileExchange (right « FileExchange », Action Sociale)
  // seed 003 l.224 « FileExchange — … envoi de documents à un partenaire »; l.100 GL; l.97 RAE; finding 1 "sends FileExchange files".
  ["FILEX", "send FileExchange file", "partner centre", "allowed"],
  ["GL_AS", "send FileExchange file", "partner centre", "allowed"],
  ["CO_GL_AS", "send FileExchange file", "partner centre", "allowed"],
  ["AGENT", "send FileExchange file", "partner centre", "refused"],
  ["RAE", "send FileExchange file", "partner centre", "refused"],
  ["CO_RAE", "send FileExchange file", "partner centre", "refused"],
  ["GL_ONSS", "send FileExchange file", "partner centre", "refused"],
  ["CO_GL_ONSS", "send FileExchange file", "partner centre", "refused"],
  ["MISPLACED", "send FileExchange file", "partner centre", "refused"],
  ["TECH", "send FileExchange file", "partner centre", "refused"],
  ["RU_MEMBRE", "send FileExchange file", "partner centre", "refused"],
  ["ONEM_COLLAB", "send FileExchange file", "partner centre", "refused"],
  ["FILEX", "download FileExchange file", "received file", "allowed"],
  ["GL_AS", "download FileExchange file", "received file", "allowed"],
  ["AGENT", "download FileExchange file", "received file", "refused"],
  ["RAE", "download FileExchange file", "received file", "refused"],
  ["GL_ONSS", "download FileExchange file", "received file", "refused"],
  ["CO_GL_ONSS", "download FileExchange file", "received file", "refused"],
  ["MISPLACED", "download FileExchange file", "received file", "refused"],
  ["SEC_ADVISOR", "download FileExchange file", "received file", "refused"],

  // ===================================================================== SECURITY LOG (« Rôle - Conseiller en sécurité (Audit) », IRIS)
  // seed 003 l.260-262 « Conseiller en sécurité (Audit) — Consultation login de sécurité (IRIS) »; l.116 the DPD; l.100 GL (co-GL: DOMAIN, reading).
  ["SEC_ADVISOR", "read security log", "centre event", "allowed"],
  ["GL_AS", "read security log", "centre event", "allowed"],
  // Lead's decision (docs/security-log.md): the log is the security advisor's (a right the DPD alone hands out)
  // and the DPD's; a co-GL manages access but is not the security advisor.
  ["CO_GL_AS", "read security log", "centre event", "refused"],
  ["RAE", "read security log", "centre event", "refused"],
  ["CO_RAE", "read security log", "centre event", "refused"],
  ["GL_ONSS", "read security log", "centre event", "refused"],
  ["CO_GL_ONSS", "read security log", "centre event", "refused"],
  ["MISPLACED", "read security log", "centre event", "refused"],
  ["AGENT", "read security log", "centre event", "refused"],
  ["TECH", "read security log", "centre event", "refused"],
  ["SUB_MGR", "read security log", "centre event", "refused"],
  ["RU_PRESIDENT", "read security log", "centre event", "refused"],
  ["ONEM_COLLAB", "read security log", "centre event", "refused"],
  ["OTHER_DPD", "read security log", "centre event", "refused"],
  ["SEC_ADVISOR", "export security log", "centre event", "allowed"],
  ["GL_AS", "export security log", "centre event", "allowed"],
  ["RAE", "export security log", "centre event", "refused"],
  ["GL_ONSS", "export security log", "centre event", "refused"],
  ["MISPLACED", "export security log", "centre event", "refused"],
  ["AGENT", "export security log", "centre event", "refused"],
  ["OTHER_DPD", "export security log", "centre event", "refused"],

  // ===================================================================== BATCH CHANNELS (Chaman, Employeur ONSS)
  // seed 004 l.178-183: « Le Gestionnaire local sous la qualité 'Employeur ONSS' » and « Tout utilisateur qui a reçu un accès » (« Gestion des canaux
  // techniques … sous la bonne qualité »); co-GL of ONSS: DOMAIN "GL and co-GL … access to all applications of their quality"; seed 003 l.97 RAE.
  ["GL_ONSS", "open /canaux", "ONSS", "allowed"],
  ["CO_GL_ONSS", "open /canaux", "ONSS", "allowed"],
  ["RIGHT_ONSS", "open /canaux", "ONSS", "allowed"],
  ["RAE", "open /canaux", "ONSS", "refused"],
  ["CO_RAE", "open /canaux", "ONSS", "refused"],
  ["GL_AS", "open /canaux", "ONSS", "refused"],
  ["CO_GL_AS", "open /canaux", "ONSS", "refused"],
  ["GL_ONSS_OFF", "open /canaux", "ONSS", "refused"],
  ["MISPLACED", "open /canaux", "ONSS", "refused"],
  ["AGENT", "open /canaux", "ONSS", "refused"],
  ["TECH", "open /canaux", "ONSS", "refused"],
  ["OTHER_DPD", "open /canaux", "ONSS", "refused"],
  ["GL_ONSS", "create mandate", "ONSS", "allowed"],
  ["CO_GL_ONSS", "create mandate", "ONSS", "allowed"],
  ["RIGHT_ONSS", "create mandate", "ONSS", "allowed"],
  ["RAE", "create mandate", "ONSS", "refused"],
  ["GL_AS", "create mandate", "ONSS", "refused"],
  ["GL_ONSS_OFF", "create mandate", "ONSS", "refused", INACTIVE],
  ["MISPLACED", "create mandate", "ONSS", "refused"],
  ["AGENT", "create mandate", "ONSS", "refused"],
  ["GL_ONSS", "suspend channel", "ONSS channel", "allowed"],
  ["RIGHT_ONSS", "suspend channel", "ONSS channel", "allowed"],
  ["RAE", "suspend channel", "ONSS channel", "refused"],
  ["GL_AS", "suspend channel", "ONSS channel", "refused"],
  ["CO_GL_AS", "suspend channel", "ONSS channel", "refused"],
  ["GL_ONSS_OFF", "suspend channel", "ONSS channel", "refused", INACTIVE],
  ["MISPLACED", "suspend channel", "ONSS channel", "refused"],
  ["OTHER_DPD", "suspend channel", "ONSS channel", "refused"],
  // Issue 14, the REST channel (Chaman « Canaux Webservices », the second table of the same Chaman page): the same people as the batch channels.
  ["GL_ONSS", "register REST client", "ONSS", "allowed"],
  ["CO_GL_ONSS", "register REST client", "ONSS", "allowed"],
  ["RIGHT_ONSS", "register REST client", "ONSS", "allowed"],
  ["RAE", "register REST client", "ONSS", "refused"],
  ["GL_AS", "register REST client", "ONSS", "refused"],
  ["GL_ONSS_OFF", "register REST client", "ONSS", "refused", INACTIVE],
  ["MISPLACED", "register REST client", "ONSS", "refused"],
  ["AGENT", "register REST client", "ONSS", "refused"],
  ["OTHER_DPD", "register REST client", "ONSS", "refused"],
  ["GL_ONSS", "set REST client id", "ONSS REST client", "allowed"],
  ["RIGHT_ONSS", "set REST client id", "ONSS REST client", "allowed"],
  ["RAE", "set REST client id", "ONSS REST client", "refused"],
  ["GL_AS", "set REST client id", "ONSS REST client", "refused"],
  ["CO_GL_AS", "set REST client id", "ONSS REST client", "refused"],
  ["GL_ONSS_OFF", "set REST client id", "ONSS REST client", "refused", INACTIVE],
  ["MISPLACED", "set REST client id", "ONSS REST client", "refused"],
  ["OTHER_DPD", "set REST client id", "ONSS REST client", "refused"],
  ["RAE", "obtain REST token", "ONSS REST client", "refused"],
  ["GL_AS", "obtain REST token", "ONSS REST client", "refused"],
  ["MISPLACED", "obtain REST token", "ONSS REST client", "refused"],
  ["TECH", "obtain REST token", "ONSS REST client", "refused"],
  ["OTHER_DPD", "obtain REST token", "ONSS REST client", "refused"],
  // Issue 14, « TD »: launching (GO) or cancelling (TD) a sending deposited without its GO: the same people as the batch channels
  // (seed 004 l.178-183). Allowed rows need the SFTP server: GL_ONSS is allowed against a real sshd in lib/batch/td.integration.test.ts.
  ["RAE", "cancel sending (TD)", "ONSS held deposit", "refused"],
  ["CO_RAE", "cancel sending (TD)", "ONSS held deposit", "refused"],
  ["GL_AS", "cancel sending (TD)", "ONSS held deposit", "refused"],
  ["CO_GL_AS", "cancel sending (TD)", "ONSS held deposit", "refused"],
  ["GL_ONSS_OFF", "cancel sending (TD)", "ONSS held deposit", "refused", INACTIVE],
  ["MISPLACED", "cancel sending (TD)", "ONSS held deposit", "refused"],
  ["AGENT", "cancel sending (TD)", "ONSS held deposit", "refused"],
  ["TECH", "cancel sending (TD)", "ONSS held deposit", "refused"],
  ["OTHER_DPD", "cancel sending (TD)", "ONSS held deposit", "refused"],
  ["RAE", "launch sending (GO)", "ONSS held deposit", "refused"],
  ["GL_AS", "launch sending (GO)", "ONSS held deposit", "refused"],
  ["GL_ONSS_OFF", "launch sending (GO)", "ONSS held deposit", "refused", INACTIVE],
  ["MISPLACED", "launch sending (GO)", "ONSS held deposit", "refused"],
  ["AGENT", "launch sending (GO)", "ONSS held deposit", "refused"],
  ["OTHER_DPD", "launch sending (GO)", "ONSS held deposit", "refused"],

  // ===================================================================== RAPPORT UNIQUE (three roles, Action Sociale)
  // seed 003 l.196-199 and l.264-278 « Rôle - Membre du personnel / Président / Secrétaire du CPAS — Rapport unique »; l.97 RAE.
  // Issue 10 (« Who sees what »): « The three roles only in their own centre … nobody else sees any of it »: the GL of Action
  // Sociale (l.100 « accès à toutes les applications dans sa qualité ») grants these roles but does not read the report by being GL.
  ["RU_MEMBRE", "open Rapport unique", "area", "allowed"],
  ["RU_SECRETAIRE", "open Rapport unique", "area", "allowed"],
  ["RU_PRESIDENT", "open Rapport unique", "area", "allowed"],
  ["GL_AS", "open Rapport unique", "area", "refused"],
  ["CO_GL_AS", "open Rapport unique", "area", "refused"],
  ["RAE", "open Rapport unique", "area", "refused"],
  ["CO_RAE", "open Rapport unique", "area", "refused"],
  ["GL_ONSS", "open Rapport unique", "area", "refused"],
  ["CO_GL_ONSS", "open Rapport unique", "area", "refused"],
  ["MISPLACED", "open Rapport unique", "area", "refused"],
  ["AGENT", "open Rapport unique", "area", "refused"],
  ["TECH", "open Rapport unique", "area", "refused"],
  ["SUB_MGR", "open Rapport unique", "area", "refused"],
  ["SEC_ADVISOR", "open Rapport unique", "area", "refused"],
  ["FILEX", "open Rapport unique", "area", "refused"],
  ["ONEM_MEMBER", "open Rapport unique", "area", "refused"],
  ["ONEM_COLLAB", "open Rapport unique", "area", "refused"],
  ["SPPIS_COLLAB", "open Rapport unique", "area", "refused"],
  ["OTHER_DPD", "open Rapport unique", "area", "refused"],
  // Issue 10: « a member encodes but does not sign; the secretary and the president sign but do not change amounts ».
  ["RU_MEMBRE", "encode Rapport unique form", "AIDE_ALIMENTAIRE", "allowed"],
  ["RU_SECRETAIRE", "encode Rapport unique form", "AIDE_ALIMENTAIRE", "refused"],
  ["RU_PRESIDENT", "encode Rapport unique form", "AIDE_ALIMENTAIRE", "refused"],
  ["GL_AS", "encode Rapport unique form", "AIDE_ALIMENTAIRE", "refused"],
  ["AGENT", "encode Rapport unique form", "AIDE_ALIMENTAIRE", "refused"],
  ["MISPLACED", "encode Rapport unique form", "AIDE_ALIMENTAIRE", "refused"],
  ["OTHER_DPD", "encode Rapport unique form", "AIDE_ALIMENTAIRE", "refused"],
  ["SPPIS_COLLAB", "encode Rapport unique form", "AIDE_ALIMENTAIRE", "refused"],
  ["RU_MEMBRE", "mark Rapport unique form ready", "AIDE_ALIMENTAIRE", "allowed"],
  ["RU_PRESIDENT", "mark Rapport unique form ready", "AIDE_ALIMENTAIRE", "refused"],
  ["GL_AS", "mark Rapport unique form ready", "AIDE_ALIMENTAIRE", "refused"],
  // Smals manual v5: « de secretaris van het OCMW en de voorzitter van het OCMW die beiden moeten tekenen ».
  ["RU_SECRETAIRE", "sign Rapport unique form", "AIDE_ALIMENTAIRE", "allowed"],
  ["RU_PRESIDENT", "sign Rapport unique form", "AIDE_ALIMENTAIRE", "allowed"],
  ["RU_MEMBRE", "sign Rapport unique form", "AIDE_ALIMENTAIRE", "refused"],
  ["GL_AS", "sign Rapport unique form", "AIDE_ALIMENTAIRE", "refused"],
  ["RAE", "sign Rapport unique form", "AIDE_ALIMENTAIRE", "refused"],
  ["MISPLACED", "sign Rapport unique form", "AIDE_ALIMENTAIRE", "refused"],
  ["ONEM_COLLAB", "sign Rapport unique form", "AIDE_ALIMENTAIRE", "refused"],
  ["SPPIS_COLLAB", "sign Rapport unique form", "AIDE_ALIMENTAIRE", "refused"],
  // Issue 10: the SPP IS « accepts it or returns it », and records the amounts granted; it sees only what was sent.
  ["SPPIS_COLLAB", "open Rapport unique (SPP IS)", "campaign", "allowed"],
  ["SPPIS_MEMBER", "open Rapport unique (SPP IS)", "campaign", "refused"],
  ["ONEM_COLLAB", "open Rapport unique (SPP IS)", "campaign", "refused"],
  ["RU_PRESIDENT", "open Rapport unique (SPP IS)", "campaign", "refused"],
  ["SPPIS_COLLAB", "review Rapport unique form", "AIDE_ALIMENTAIRE", "allowed"],
  ["SPPIS_MEMBER", "review Rapport unique form", "AIDE_ALIMENTAIRE", "refused"],
  ["RU_PRESIDENT", "review Rapport unique form", "AIDE_ALIMENTAIRE", "refused"],
  ["RU_MEMBRE", "review Rapport unique form", "AIDE_ALIMENTAIRE", "refused"],
  ["GL_AS", "review Rapport unique form", "AIDE_ALIMENTAIRE", "refused"],
  ["ONEM_COLLAB", "review Rapport unique form", "AIDE_ALIMENTAIRE", "refused"],
  ["SPPIS_COLLAB", "record Rapport unique grant", "PIIS", "allowed"],
  ["SPPIS_MEMBER", "record Rapport unique grant", "PIIS", "refused"],
  ["RU_MEMBRE", "record Rapport unique grant", "PIIS", "refused"],
  ["GL_AS", "record Rapport unique grant", "PIIS", "refused"],
  ["RAE", "record Rapport unique grant", "PIIS", "refused"],
  ["ONEM_COLLAB", "record Rapport unique grant", "PIIS", "refused"],

  // ===================================================================== DPD SETTINGS
  // seed 002 l.40 « une police d'utilisation rédigée par votre DPD »; seed 003 l.116 the DPD is the one « habilité » for access security;
  // seed 002 l.23 (the firewall limits where and when): the DPD's access policy and idle timeout (reading: the DPD only, not the RAE).
  ["GL_AS", "publish usage policy", "-", "allowed"],
  ["RAE", "publish usage policy", "-", "refused"],
  ["CO_GL_AS", "publish usage policy", "-", "refused"],
  ["GL_ONSS", "publish usage policy", "-", "refused"],
  ["SEC_ADVISOR", "publish usage policy", "-", "refused"],
  ["GL_AS", "save access policy", "-", "allowed"],
  ["RAE", "save access policy", "-", "refused"],
  ["CO_RAE", "save access policy", "-", "refused"],
  ["CO_GL_AS", "save access policy", "-", "refused"],
  ["GL_ONSS", "save access policy", "-", "refused"],
  ["AGENT", "save access policy", "-", "refused"],
  ["GL_AS", "set idle timeout", "-", "allowed"],
  ["RAE", "set idle timeout", "-", "refused"],
  ["GL_ONSS", "set idle timeout", "-", "refused"],
  ["TECH", "set idle timeout", "-", "refused"],
  ["GL_AS", "set FileExchange partners", "centre B", "allowed"],
  ["RAE", "set FileExchange partners", "centre B", "refused"],
  ["CO_GL_AS", "set FileExchange partners", "centre B", "refused"],
  ["FILEX", "set FileExchange partners", "centre B", "refused"],
  ["GL_ONSS", "set FileExchange partners", "centre B", "refused"],
  // Issue 9 finding 6 (« after the DPD ends all of a person's sessions »): the DPD, on anyone of the centre (reading: the RAE too).
  // Issue 12, lost phone: resetting a second factor ends the person's sessions, like a block, so the
  // same hierarchy (seed 003 l.86-88: the GL manages its users; l.72: the RAE level its managers).
  ["RAE", "reset second factor", "USER_AS", "allowed"],
  ["CO_RAE", "reset second factor", "USER_AS", "allowed"],
  ["GL_AS", "reset second factor", "USER_AS", "allowed"],
  ["CO_GL_AS", "reset second factor", "USER_AS", "allowed"],
  ["SUB_MGR", "reset second factor", "USER_SUB", "allowed"],
  ["GL_ONSS", "reset second factor", "USER_ONSS", "allowed"],
  ["GL_ONSS", "reset second factor", "USER_AS", "refused"],
  ["GL_AS", "reset second factor", "USER_ONSS", "refused"],
  ["AGENT", "reset second factor", "USER_AS", "refused"],
  ["TECH", "reset second factor", "USER_AS", "refused"],
  ["SEC_ADVISOR", "reset second factor", "USER_AS", "refused"],
  ["OTHER_DPD", "reset second factor", "USER_AS", "refused"],
  ["RAE", "reset second factor", "GL_AS", "allowed"],
  ["RAE", "reset second factor", "GL_ONSS", "allowed"],
  ["CO_GL_AS", "reset second factor", "GL_AS", "refused"],
  ["GL_AS", "reset second factor", "RAE", "refused"],
  ["CO_RAE", "reset second factor", "RAE", "refused"],
  // Issue 12: the centre's failed mails are the DPD's to see (seed 002: the DPD watches the
  // security of the centre's exchanges); addresses and subjects only.
  ["GL_AS", "read mail failures", "centre mail", "allowed"],
  ["RAE", "read mail failures", "centre mail", "refused"],
  ["CO_GL_AS", "read mail failures", "centre mail", "refused"],
  ["AGENT", "read mail failures", "centre mail", "refused"],
  ["SEC_ADVISOR", "read mail failures", "centre mail", "refused"],
  ["OTHER_DPD", "read mail failures", "centre mail", "refused"],
  ["GL_AS", "end sessions of a person", "USER_AS", "allowed"],
  ["GL_AS", "end sessions of a person", "RAE", "allowed"],
  ["CO_GL_AS", "end sessions of a person", "USER_AS", "refused"],
  ["RAE", "end sessions of a person", "USER_AS", "refused"],
  ["GL_ONSS", "end sessions of a person", "USER_AS", "refused"],
  ["SEC_ADVISOR", "end sessions of a person", "USER_AS", "refused"],
  ["OTHER_DPD", "end sessions of a person", "USER_AS", "refused"],

  // ===================================================================== ISSUE 11: MON COMPTE, A PERSON'S PAGE
  // Issue 11 « Mon compte »: every person changes their own password and renews their own recovery
  // codes (seed 002 l.13-16: the password policy is the person's; a fresh code of their own app).
  ["AGENT", "change own password", "AGENT", "allowed"],
  ["RAE", "change own password", "RAE", "allowed"],
  ["TECH", "change own password", "TECH", "allowed"],
  ["ONEM_COLLAB", "change own password", "ONEM_COLLAB", "allowed"],
  ["GL_AS", "change own password", "GL_AS", "allowed"],
  // Nobody changes another person's password from « Mon compte »: the actor's own row changes, never the target's.
  ["GL_AS", "change own password", "USER_AS", "refused", ["UNPROCESSABLE"]],
  ["AGENT", "regenerate own recovery codes", "AGENT", "allowed"],
  ["SEC_ADVISOR", "regenerate own recovery codes", "SEC_ADVISOR", "allowed"],
  ["RAE", "regenerate own recovery codes", "USER_AS", "refused", ["UNPROCESSABLE"]],
  // Issue 11, a person's page (roles, rights, sessions, history): who searches across qualities
  // (seed 003 l.69 « rechercher des utilisateurs dans toutes les qualités »: RAE, co-RAE) and who
  // manages the person's users (l.86-88: the GL and co-GL of their quality; l.100: the subdivision manager inside it).
  ["RAE", "open person page", "USER_AS", "allowed"],
  ["CO_RAE", "open person page", "USER_AS", "allowed"],
  ["GL_AS", "open person page", "USER_AS", "allowed"],
  ["CO_GL_AS", "open person page", "USER_AS", "allowed"],
  ["SUB_MGR", "open person page", "USER_SUB", "allowed"],
  ["GL_ONSS", "open person page", "USER_ONSS", "allowed"],
  ["GL_ONSS", "open person page", "USER_AS", "refused"],
  ["GL_AS", "open person page", "USER_ONSS", "refused"],
  ["SUB_MGR", "open person page", "USER_AS", "refused"],
  ["AGENT", "open person page", "USER_AS", "refused"],
  ["TECH", "open person page", "USER_AS", "refused"],
  ["SEC_ADVISOR", "open person page", "USER_AS", "refused"],
  ["OTHER_RAE", "open person page", "USER_AS", "refused"],
  ["OTHER_DPD", "open person page", "USER_AS", "refused"],

  // ===================================================================== LANGUAGE (issue 13)
  // Issue 13 « What to build »: « The language of a person is a setting of their account (chosen at
  // enrolment, changeable on a profile page) »: every signed-in person changes their own, whatever
  // their roles or organisation, and only their own (the row changed is the session's, never an input's).
  ["AGENT", "change own language", "AGENT", "allowed"],
  ["RAE", "change own language", "RAE", "allowed"],
  ["TECH", "change own language", "TECH", "allowed"],
  ["SEC_ADVISOR", "change own language", "SEC_ADVISOR", "allowed"],
  ["ONEM_COLLAB", "change own language", "ONEM_COLLAB", "allowed"],
  ["SPPIS_COLLAB", "change own language", "SPPIS_COLLAB", "allowed"],
  ["FRESH", "change own language", "FRESH", "allowed"],
  ["GL_AS", "change own language", "USER_AS", "refused"],
  ["RAE", "change own language", "USER_AS", "refused"],
  ["OTHER_RAE", "change own language", "USER_AS", "refused"],
  // Seed 003 « bloquer »: a blocked person's sessions end; the session left in their browser changes nothing.
  ["BLOCKED", "change own language", "BLOCKED", "refused", ["UNAUTHENTICATED"]],

  // ===================================================================== API TOKENS
  // seed 003 l.135 « Utilisateur Technique — Personne de contact pour les messages structurés »: machine access is the technical user's.
  ["TECH", "create API token", "-", "allowed"],
  ["AGENT", "create API token", "-", "refused"],
  ["GL_AS", "create API token", "-", "refused"],
  ["RAE", "create API token", "-", "refused"],
  ["GL_ONSS", "create API token", "-", "refused"],
];

// ----------------------------------------------------------------------------- running one row

type Result = { outcome: Outcome; detail: string };

/**
 * Reads change nothing: their rows share one centre and one target per action (a group), which
 * keeps the table fast. Every row that changes something gets its own centre. The persona that
 * deactivates « Employeur ONSS » always gets its own centre.
 */
const READS = new Set([
  "search people",
  "read C60.7 request with NISS",
  "download C60.7 attachment",
  "list C60.7 requests",
  "read C60.7 messages",
  "export FOREM file",
  "download attestation",
  "download FileExchange file",
  "read security log",
  "export security log",
  "open /canaux",
  "open person page",
  "open Rapport unique",
  "open Rapport unique (SPP IS)",
]);
const groups = new Map<string, Promise<{ w: World; a?: Attempt }>>();

function worldFor(persona: PersonaKey, action: string, target: string): Promise<{ w: World; a?: Attempt }> {
  const build = async () => {
    const w = await World.create();
    const prepare = ACTIONS[action];
    if (!prepare) throw new Error(`no action « ${action} »`);
    return { w, a: await prepare(w, target) };
  };
  if (!READS.has(action) || persona === "GL_ONSS_OFF") return build();
  const k = `${action} | ${target}`;
  let g = groups.get(k);
  if (!g) groups.set(k, (g = build()));
  return g;
}

async function attempt(row: Row): Promise<Result> {
  const [persona, action, target, , codes] = row;
  const { w, a } = await worldFor(persona, action, target);
  if (!a) throw new Error(`no attempt for « ${action} »`);
  let result: unknown;
  let error: unknown;
  try {
    result = await a.run(await w.actor(persona));
  } catch (e) {
    error = e;
  }
  const hasEffect = await a.effect(error === undefined ? result : undefined);
  if (error === undefined) return { outcome: hasEffect ? "allowed" : "refused", detail: hasEffect ? "done" : "no error, but nothing happened / nothing shown" };
  if (hasEffect) return { outcome: "allowed", detail: `error AFTER the change: ${String(error)}` };
  const accepted = codes ?? DEFAULT_REFUSALS;
  if (isAppError(error) && accepted.includes(error.code)) return { outcome: "refused", detail: error.code };
  return { outcome: "refused", detail: `unexpected error ${isAppError(error) ? error.code : ""} ${error instanceof Error ? error.message : String(error)}` };
}

beforeAll(async () => {
  await db.$transaction((tx) => ensureCatalogue(tx));
}, 60_000);
afterAll(() => db.$disconnect());

describe("issue 9: who may do what, from seed 003 and DOMAIN.md (not from the permission table)", () => {
  it("every row names a known action and is unique", () => {
    const known = new Set(Object.keys(ACTIONS));
    expect(TABLE.filter((r) => !known.has(r[1]))).toEqual([]);
    const keys = TABLE.map((r) => r.slice(0, 3).join(" | "));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it.concurrent.each(TABLE.map((r) => [`${r[0]} · ${r[1]} · ${r[2]} → ${r[3]}`, r] as const))("%s", async (_name, row) => {
    const got = await attempt(row);
    expect(`${got.outcome} (${got.detail})`).toMatch(
      new RegExp(`^${row[3]} \\((done|page rendered|${(row[4] ?? DEFAULT_REFUSALS).join("|")}|404|no error, but nothing)`),
    );
  });
});

// ----------------------------------------------------------------------------- anonymous (null actor)
// Issue 9 « One way in » and STYLE 5: every server action and route handler is a public endpoint that
// refuses a caller without a session before doing anything. Rows are generated from the modules
// themselves so that a new action or route is covered the day it is added. By design anonymous:
// sign-in (app/login), accepting an invitation by its token (app/invitation), sign-out (app/deconnexion,
// a no-op without a session), next-auth's own endpoints and the load balancer's /api/health.

// Also public: the forgotten-password steps (app/mot-de-passe-oublie, issue 12: a link by mail, then its token).
const ACTION_MODULES = import.meta.glob([
  "/app/**/actions.ts",
  "!/app/login/**",
  "!/app/invitation/**",
  "!/app/deconnexion/**",
  "!/app/mot-de-passe-oublie/**",
  // The language switch: one action is public by design, the other is tried below (issue 13).
  "!/app/langue/**",
]);
const ROUTE_MODULES = import.meta.glob(["/app/api/**/route.ts", "!/app/api/auth/**", "!/app/api/health/**"]);
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const SOME_ID = "00000000-0000-4000-8000-000000000000";

async function auditCount() {
  return db.auditEvent.count();
}

/** Calls a server action with no session, as a form post would (previous state, FormData). */
async function anonymousAction(fn: (...args: unknown[]) => unknown): Promise<string> {
  const form = new FormData();
  for (const k of ["qualityId", "personId", "roleId", "grantId", "channelId", "mandateId", "tokenId", "itemId", "reviewId", "ruleId", "subdivisionId"])
    form.set(k, SOME_ID);
  form.set("personEmail", "quelquun@attentes.cpas.be");
  try {
    const r = (await fn({ status: "idle" }, form)) as Record<string, unknown> | undefined;
    if (r && (r.status === "success" || ("data" in r && r.data !== undefined && !r.serverError))) return `allowed (${JSON.stringify(r).slice(0, 80)})`;
    // Refused because there is no session (asked to sign in again), not because the junk input was wrong.
    return /session|connect/i.test(JSON.stringify(r)) ? "refused" : `refused for another reason (${JSON.stringify(r).slice(0, 120)})`;
  } catch (e) {
    const digest = (e as { digest?: string }).digest ?? "";
    return digest.startsWith("NEXT_REDIRECT") && !digest.includes("/login") ? `allowed (redirect ${digest})` : "refused";
  }
}

/** Calls a route handler with no cookie and no token, from the portal's own origin. */
async function anonymousRoute(handler: (req: Request, ctx: unknown) => Promise<Response>, method: string): Promise<string> {
  const headers = { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000", "content-type": "application/json" };
  const req = new Request(`http://127.0.0.1:3000/api/x?channelId=${SOME_ID}&environment=R`, { method, headers, body: method === "GET" ? undefined : "{}" });
  const params = Promise.resolve({ id: SOME_ID, attachmentId: SOME_ID, name: "FO.ACRF.999999.20260101.00001.T" });
  const res = await handler(req, { params });
  // 401: the caller is asked to authenticate (not a 403/404 that would depend on what it sent).
  return res.status === 401 ? "refused" : `${res.status}: ${(await res.text()).slice(0, 120)}`;
}

describe("issue 9: anonymous (no session, no token) is refused by every server action and route handler", () => {
  it("finds the entry points", () => {
    expect(Object.keys(ACTION_MODULES).length).toBeGreaterThan(5);
    expect(Object.keys(ROUTE_MODULES).length).toBeGreaterThan(10);
  });

  for (const [path, load] of Object.entries(ACTION_MODULES)) {
    it(`ANONYMOUS · server actions of ${path} → refused`, async () => {
      const mod = (await load()) as Record<string, unknown>;
      const got: Record<string, string> = {};
      const before = await auditCount();
      for (const [name, fn] of Object.entries(mod)) if (typeof fn === "function") got[name] = await anonymousAction(fn as (...a: unknown[]) => unknown);
      expect(Object.keys(got).length).toBeGreaterThan(0);
      expect(got).toEqual(Object.fromEntries(Object.keys(got).map((k) => [k, "refused"])));
      expect(await auditCount()).toBe(before);
    });
  }

  for (const [path, load] of Object.entries(ROUTE_MODULES)) {
    it(`ANONYMOUS · route handlers of ${path} → refused (401)`, async () => {
      const mod = (await load()) as Record<string, unknown>;
      const got: Record<string, string> = {};
      const before = await auditCount();
      for (const m of HTTP_METHODS)
        if (typeof mod[m] === "function") got[m] = await anonymousRoute(mod[m] as (req: Request, ctx: unknown) => Promise<Response>, m);
      expect(Object.keys(got).length).toBeGreaterThan(0);
      expect(got).toEqual(Object.fromEntries(Object.keys(got).map((k) => [k, "refused"])));
      expect(await auditCount()).toBe(before);
    });
  }
});

// ----------------------------------------------------------------------------- the language switch (issue 13)
// app/langue/actions.ts, called as the switch's form calls them (one FormData), with the session
// (or none) a browser would carry. Written by hand from issue 13: « anonymous pages … with a visible
// switch » — anyone may choose this browser's language (a cookie, nothing stored); « the language
// of a person is a setting of their account »: a signed-in person changes their own row only; a
// blocked person's remaining session changes nothing.

describe("issue 13: the language switch's two actions", () => {
  const languageForm = (...values: string[]) => {
    const f = new FormData();
    for (const v of values) f.append("language", v);
    return f;
  };
  const asSession = <T>(sid: string | undefined, fn: () => Promise<T>) => (sid ? session.run(sid, fn) : fn());
  const languageOf = async (id: string) => (await db.person.findUniqueOrThrow({ where: { id }, select: { language: true } })).language;
  const languageAudits = (actorId: string) => db.auditEvent.count({ where: { actorId, action: "account.language_changed" } });

  it("anyone, signed in or not, chooses this browser's language: the cookie only, no row, no audit", async () => {
    const { chooseLanguageAction } = await import("@/app/langue/actions");
    const w = await World.create();
    const agent = await w.person("AGENT");
    const agentSession = await w.session("AGENT");
    for (const sid of [undefined, agentSession]) {
      jar.clear();
      const before = await auditCount();
      const r = await asSession(sid, () => chooseLanguageAction(languageForm("nl")));
      expect(r).toMatchObject({ status: "success", data: { language: "nl" } });
      expect(jar.get("cpas_langue")).toBe("nl");
      expect(await auditCount()).toBe(before);
    }
    expect(await languageOf(agent)).toBe("fr");
    jar.clear();
  });

  it("a signed-in person changes their own language (audited), nobody else's, whatever the form names", async () => {
    const { changeLanguageAction } = await import("@/app/langue/actions");
    const w = await World.create();
    const [agent, colleague] = await Promise.all([w.person("AGENT"), w.person("USER_AS")]);
    const sid = await w.session("AGENT");
    jar.clear();
    const form = languageForm("nl");
    form.set("personId", colleague);
    const r = await session.run(sid, () => changeLanguageAction(form));
    expect(r).toMatchObject({ status: "success", data: { language: "nl", changed: true } });
    expect(await languageOf(agent)).toBe("nl");
    expect(await languageOf(colleague)).toBe("fr");
    expect(jar.get("cpas_langue")).toBe("nl");
    expect(await languageAudits(agent)).toBe(1);
    expect(await db.auditEvent.findFirstOrThrow({ where: { actorId: agent, action: "account.language_changed" } })).toMatchObject({
      targetId: agent,
      before: { language: "fr" },
      after: { language: "nl" },
    });
    jar.clear();
  });

  it("without a session, or with a blocked person's session, the account's language cannot change", async () => {
    const { changeLanguageAction } = await import("@/app/langue/actions");
    const { setPersonBlocked } = await import("@/lib/access/manage/set-person-blocked");
    const w = await World.create();
    const blocked = await w.person("USER_AS");
    const sid = await w.session("USER_AS");
    await setPersonBlocked({ actor: await w.actor("GL_AS"), meta: { ip: "127.0.0.1", userAgent: "expectations" }, personId: blocked, isBlocked: true });
    for (const who of [undefined, sid]) {
      jar.clear();
      const before = await auditCount();
      const r = await asSession(who, () => changeLanguageAction(languageForm("nl")));
      expect(r).toEqual({ status: "error", message: "Votre session a pris fin. Reconnectez-vous.", fieldErrors: undefined });
      expect(jar.size).toBe(0);
      expect(await auditCount()).toBe(before);
    }
    expect(await languageOf(blocked)).toBe("fr");
  });

  it("a malformed or repeated value is refused in French, with nothing set or stored", async () => {
    const { changeLanguageAction, chooseLanguageAction } = await import("@/app/langue/actions");
    const w = await World.create();
    const agent = await w.person("AGENT");
    const sid = await w.session("AGENT");
    const bad = [
      languageForm("de"),
      languageForm(""),
      languageForm("NL"),
      languageForm("nl\u0000"),
      languageForm("x".repeat(10_000)),
      languageForm("fr", "nl"),
      new FormData(),
    ];
    for (const action of [chooseLanguageAction, changeLanguageAction]) {
      for (const form of bad) {
        jar.clear();
        const before = await auditCount();
        const r = await session.run(sid, () => action(form));
        expect(r).toMatchObject({ status: "error", message: "Certains champs sont invalides. Corrigez-les et réessayez." });
        expect(jar.size).toBe(0);
        expect(await auditCount()).toBe(before);
      }
    }
    expect(await languageOf(agent)).toBe("fr");
  });
});
