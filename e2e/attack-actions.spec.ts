import { randomUUID } from "node:crypto";

import { expect, test, type APIRequestContext, type BrowserContext } from "@playwright/test";

import { db } from "./fixtures/data";
import { actionId, actionStatus, callAction, form } from "./fixtures/attack/server-action";
import { buildWorld, c607Content, leaks, PERSONAS, type Persona, requester, signInAll, snapshotCounts, type Who, type World } from "./fixtures/attack/world";

// Issue 6, attack 2: server actions are public endpoints. Each one is replayed with forged fields
// naming centre A's objects, by anonymous visitors and by personas without the permission (and
// by centre B): the action must run, refuse in French, and change nothing — same row counts in
// the main tables, no audit event. Positive controls prove the replays reach the action at all.

const GESTION = "app/(portal)/gestion/actions.ts";
const SECURITE = "app/(portal)/gestion/securite/actions.ts";
const C607 = "app/(portal)/c607/actions.ts";
const FOREM = "app/(portal)/forem/actions.ts";
const SESSIONS = "app/(portal)/sessions/actions.ts";
const MESSAGES = "app/(portal)/messages/actions.ts";
const POLICY = "app/politique-utilisation/actions.ts";
const CANAUX = "app/(portal)/canaux/actions.ts";
const CANAUX_REST = "app/(portal)/canaux/_rest/actions.ts";
const JETONS = "app/(portal)/jetons/actions.ts";
const SECOND_FACTOR = "app/(portal)/second-facteur/actions.ts";
const RU = "app/(portal)/rapport-unique/actions.ts";
// Every refusal the domain gives: 403, 404 (another centre, an unknown token or session), unknown
// e-mail in the actor's centre, no session, wrong side of the C60.7 workflow, acting on oneself.
const REFUSAL =
  /autorisation|introuvable|n'existe pas|Aucune personne de votre centre|session a pris fin|Seul un collaborateur de l'ONEM|seul le CPAS peut|vos propres/i;

let world: World;
let contexts: Record<Persona, BrowserContext>;
let anon: APIRequestContext;

test.beforeAll(async ({ browser, playwright, baseURL }) => {
  // Every persona signs in through the page, one after another (about 14 × 3–9 s by load).
  test.setTimeout(300_000);
  world = await buildWorld();
  contexts = await signInAll(browser, world, [...PERSONAS]);
  anon = await playwright.request.newContext({ baseURL });
});
test.afterAll(async () => {
  await anon?.dispose();
  for (const c of Object.values(contexts ?? {})) await c.close();
});

type Replay = {
  action: [string, string];
  page: (w: World) => string;
  args: (w: World) => Promise<unknown[]> | unknown[];
  /** Who may run it for real: never replayed (it would succeed). Everyone else is, ANON included. */
  allowed: Persona[];
};

/** Every caller the replay is tried with: anonymous, every persona of A, B and ONEM, except the allowed. */
const refusedCallers = (allowed: Persona[]): Who[] => ["ANON", ...PERSONAS.filter((p) => !allowed.includes(p))];

const REPLAYS: Record<string, Replay> = {
  "attribuer un droit (grant a right)": {
    action: [GESTION, "grantRightAction"],
    page: (w) => `/gestion/qualites/${w.ids.quality}`,
    args: (w) => [
      { status: "idle" },
      form({
        qualityId: w.ids.quality,
        personEmail: w.target.email,
        rightCode: "AGENT_SOCIAL",
      }),
    ],
    allowed: ["GL_DPD", "CO_GL", "SUB"],
  },
  "désigner le GL (designate a GL)": {
    action: [GESTION, "designateGlAction"],
    page: (w) => `/gestion/qualites/${w.ids.quality}`,
    args: (w) => [{ status: "idle" }, form({ qualityId: w.ids.quality, personId: w.target.id })],
    allowed: ["RAE", "CO_RAE"],
  },
  "inviter un utilisateur (invite a user)": {
    action: [GESTION, "inviteUserAction"],
    page: (w) => `/gestion/qualites/${w.ids.quality}`,
    args: (w) => [
      { status: "idle" },
      form({
        qualityId: w.ids.quality,
        firstName: "Intrus",
        lastName: "Test",
        email: `intrus-${randomUUID().slice(0, 8)}@test.cpas.be`,
      }),
    ],
    allowed: ["RAE", "CO_RAE", "GL_DPD", "CO_GL", "SUB"],
  },
  "bloquer un utilisateur (block a user)": {
    action: [GESTION, "setBlockedAction"],
    page: (w) => `/gestion/qualites/${w.ids.quality}`,
    args: (w) => [{ status: "idle" }, form({ personId: w.people.GL_DPD.id, isBlocked: "true" })],
    allowed: ["RAE", "CO_RAE", "GL_DPD", "CO_GL"],
  },
  "désigner le DPD": {
    action: [GESTION, "setDpdAction"],
    page: () => "/gestion",
    args: (w) => [{ status: "idle" }, form({ personId: w.target.id })],
    allowed: ["RAE", "CO_RAE"],
  },
  "créer une demande C60.7 (create a C60.7 request)": {
    action: [C607, "createRequestAction"],
    page: () => "/c607/nouvelle",
    args: () => [{ clientKey: randomUUID(), content: c607Content() }],
    allowed: ["AGENT", "GL_DPD", "CO_GL", "B_AGENT"],
  },
  "envoyer une demande C60.7 (send a C60.7 request)": {
    action: [C607, "sendRequestAction"],
    page: (w) => `/c607/${w.ids.draft}`,
    args: async (w) => [
      w.ids.draft,
      {
        version: (await db.c607Request.findUniqueOrThrow({ where: { id: w.ids.draft } })).version,
      },
    ],
    allowed: ["AGENT", "GL_DPD", "CO_GL"],
  },
  "prendre en traitement (ONEM command) as CPAS": {
    action: [C607, "takeRequestAction"],
    page: (w) => `/c607/${w.ids.sent}`,
    args: async (w) => [
      w.ids.sent,
      {
        version: (await db.c607Request.findUniqueOrThrow({ where: { id: w.ids.sent } })).version,
      },
    ],
    allowed: ["ONEM"],
  },
  "modifier un brouillon C60.7": {
    action: [C607, "updateDraftAction"],
    page: (w) => `/c607/${w.ids.draft}/modifier`,
    args: async (w) => [
      w.ids.draft,
      {
        version: (await db.c607Request.findUniqueOrThrow({ where: { id: w.ids.draft } })).version,
        content: c607Content(),
      },
    ],
    allowed: ["AGENT", "GL_DPD", "CO_GL"],
  },
  "enregistrer un contrat (register a contract)": {
    action: [FOREM, "createContractAction"],
    page: () => "/forem/contrats/nouveau",
    args: () => [
      {
        niss: "85073003328",
        firstName: "Intrus",
        lastName: "Test",
        kind: "ART_60_7",
        startDate: "2026-01-05",
        plannedEndDate: "2026-12-31",
        regime: "FULL_TIME",
      },
    ],
    allowed: ["AGENT", "GL_DPD", "CO_GL", "B_AGENT"],
  },
  "modifier le contrat de A depuis B": {
    action: [FOREM, "updateContractAction"],
    page: (w) => `/forem/contrats/${w.ids.contract}`,
    args: (w) => [
      {
        id: w.ids.contract,
        kind: "ART_60_7",
        startDate: "2025-01-06",
        plannedEndDate: "2027-01-05",
        regime: "FULL_TIME",
      },
    ],
    allowed: ["AGENT", "GL_DPD", "CO_GL"],
  },
  "établir une attestation pour un travailleur de A": {
    action: [FOREM, "createAttestationAction"],
    page: () => "/forem/attestations",
    args: (w) => [{ workerId: w.ids.worker, place: "Namur", signatory: "Intrus" }],
    allowed: ["AGENT", "GL_DPD", "CO_GL"],
  },
  "enregistrer une transmission FOREM (record a FOREM transmission)": {
    action: [FOREM, "recordTransmissionAction"],
    page: () => "/forem/fichier",
    args: () => [{ period: { from: "2026-01-01", to: "2026-03-31" }, isConfirmed: true }],
    allowed: ["AGENT", "GL_DPD", "CO_GL", "B_AGENT"],
  },
  "publier la politique d'utilisation (publish a usage policy)": {
    action: [SECURITE, "publishUsagePolicyAction"],
    page: () => "/gestion/securite",
    args: () => [
      { status: "idle" },
      form({
        title: "Politique pirate",
        body: "Tout le monde accepte tout, sans condition aucune.",
      }),
    ],
    allowed: ["GL_DPD"],
  },
  "politique d'accès (heures et réseaux)": {
    action: [SECURITE, "accessPolicyAction"],
    page: () => "/gestion/securite",
    args: () => [
      { status: "idle" },
      form({
        intent: "save",
        isEnforced: "on",
        allowedDays: "7",
        start: "03:00",
        end: "04:00",
        allowedCidrs: "192.0.2.0/24",
      }),
    ],
    allowed: ["GL_DPD"],
  },
  "partenaires FileExchange et conservation": {
    action: [SECURITE, "fileExchangeSettingsAction"],
    page: () => "/gestion/securite",
    args: (w) => [{ status: "idle" }, form({ partnerEntityIds: w.b.entity.id, retentionDays: "1" })],
    allowed: ["GL_DPD"],
  },
  "ouvrir un canal batch (Employeur ONSS)": {
    action: [CANAUX, "createChannelAction"],
    page: () => "/canaux",
    args: (w) => [
      { status: "idle" },
      form({ qualityId: w.ids.onss, kind: "FTP", accountName: "Canal pirate", services: "FLA", certificateName: "Pirate", technicalUsername: "pirate01" }),
    ],
    allowed: [],
  },
  "permissions d'un canal batch": {
    action: [CANAUX, "channelServicesAction"],
    page: () => "/canaux",
    args: (w) => [{ status: "idle" }, form({ channelId: w.ids.channel, services: "DIMONA" })],
    allowed: [],
  },
  "mandat : créer et révoquer": {
    action: [CANAUX, "revokeMandateAction"],
    page: () => "/canaux",
    args: (w) => [{ status: "idle" }, form({ mandateId: w.ids.mandate })],
    allowed: [],
  },
  "enregistrer un mandat": {
    action: [CANAUX, "createMandateAction"],
    page: () => "/canaux",
    args: (w) => [
      { status: "idle" },
      form({ qualityId: w.ids.onss, service: "DMFA", providerBce: "0212345668", providerName: "Pirate", validFrom: "2026-01-01" }),
    ],
    allowed: [],
  },
  // The rest of the build's actions (every one but the anonymous sign-in steps and invitation,
  // sign-out, a file upload and a pure computation: see docs/attack-tests.md).
  "activer une qualité": {
    action: [GESTION, "activateQualityAction"],
    page: () => "/gestion",
    args: () => [{ status: "idle" }, form({ type: "EMPLOYEUR_PPL", identifier: "12345678" })],
    allowed: ["RAE", "CO_RAE", "B_RAE"],
  },
  "désactiver une qualité": {
    action: [GESTION, "deactivateQualityAction"],
    page: () => "/gestion",
    args: (w) => [{ status: "idle" }, form({ qualityId: w.ids.quality })],
    allowed: ["RAE", "CO_RAE"],
  },
  "désigner un co-RAE": {
    action: [GESTION, "designateCoRaeAction"],
    page: () => "/gestion",
    args: (w) => [{ status: "idle" }, form({ personId: w.target.id })],
    allowed: ["RAE", "CO_RAE"],
  },
  "bloquer le co-RAE": {
    action: [GESTION, "changeCoRaeAction"],
    page: () => "/gestion",
    args: async (w) => [
      { status: "idle" },
      form({ roleId: (await db.roleAssignment.findFirstOrThrow({ where: { personId: w.people.CO_RAE.id, role: "CO_RAE" } })).id, change: "block" }),
    ],
    allowed: ["RAE", "CO_RAE"],
  },
  "nommer un co-GL": {
    action: [GESTION, "designateQualityRoleAction"],
    page: (w) => `/gestion/qualites/${w.ids.quality}`,
    args: (w) => [{ status: "idle" }, form({ qualityId: w.ids.quality, personId: w.target.id, role: "CO_GL" })],
    allowed: ["RAE", "CO_RAE", "GL_DPD", "CO_GL"],
  },
  "retirer le co-GL": {
    action: [GESTION, "removeQualityRoleAction"],
    page: (w) => `/gestion/qualites/${w.ids.quality}`,
    args: async (w) => [
      { status: "idle" },
      form({ roleId: (await db.roleAssignment.findFirstOrThrow({ where: { personId: w.people.CO_GL.id, role: "CO_GL" } })).id }),
    ],
    allowed: ["RAE", "CO_RAE", "GL_DPD", "CO_GL"],
  },
  "changer l'e-mail de la qualité": {
    action: [GESTION, "updateQualityEmailAction"],
    page: (w) => `/gestion/qualites/${w.ids.quality}`,
    args: (w) => [{ status: "idle" }, form({ qualityId: w.ids.quality, email: "pirate@exemple.be" })],
    allowed: ["RAE", "CO_RAE", "GL_DPD", "CO_GL"],
  },
  "révoquer le droit de l'agent": {
    action: [GESTION, "revokeRightAction"],
    page: (w) => `/gestion/qualites/${w.ids.quality}`,
    args: async (w) => [
      { status: "idle" },
      form({ grantId: (await db.rightGrant.findFirstOrThrow({ where: { personId: w.people.AGENT.id, revokedAt: null } })).id }),
    ],
    allowed: ["GL_DPD", "CO_GL"],
  },
  "créer une subdivision": {
    action: [GESTION, "createSubdivisionAction"],
    page: (w) => `/gestion/qualites/${w.ids.quality}`,
    args: (w) => [{ status: "idle" }, form({ qualityId: w.ids.quality, name: "Subdivision pirate" })],
    allowed: ["RAE", "CO_RAE", "GL_DPD", "CO_GL"],
  },
  "désigner un gestionnaire de subdivision": {
    action: [GESTION, "designateSubdivisionManagerAction"],
    page: (w) => `/gestion/qualites/${w.ids.quality}`,
    args: (w) => [{ status: "idle" }, form({ subdivisionId: w.ids.subdivision, personId: w.target.id, role: "SUBDIVISION_CO_MANAGER" })],
    allowed: ["RAE", "CO_RAE", "GL_DPD", "CO_GL", "SUB"],
  },
  "ouvrir la revue des accès": {
    action: [GESTION, "startReviewAction"],
    page: (w) => `/gestion/qualites/${w.ids.quality}`,
    args: (w) => [{ status: "idle" }, form({ qualityId: w.ids.quality, deadline: "2027-01-31" })],
    allowed: ["GL_DPD"],
  },
  "décider un élément de revue inconnu": {
    action: [GESTION, "decideReviewAction"],
    page: (w) => `/gestion/qualites/${w.ids.quality}`,
    args: () => [{ status: "idle" }, form({ itemId: randomUUID(), decision: "REVOKE" })],
    allowed: [],
  },
  "clôturer une revue inconnue": {
    action: [GESTION, "closeReviewAction"],
    page: (w) => `/gestion/qualites/${w.ids.quality}`,
    args: () => [{ status: "idle" }, form({ reviewId: randomUUID() })],
    allowed: [],
  },
  "ajouter une règle de séparation des tâches": {
    action: [GESTION, "addSodRuleAction"],
    page: () => "/gestion",
    args: () => [{ status: "idle" }, form({ rightA: "AGENT_SOCIAL", rightB: "FILE_EXCHANGE", mode: "FORBID" })],
    allowed: ["GL_DPD"],
  },
  "retirer une règle inconnue": {
    action: [GESTION, "removeSodRuleAction"],
    page: () => "/gestion",
    args: () => [{ status: "idle" }, form({ ruleId: randomUUID() })],
    allowed: [],
  },
  "délai d'inactivité du centre": {
    action: [SECURITE, "sessionIdleAction"],
    page: () => "/gestion/securite",
    args: () => [{ status: "idle" }, form({ minutes: "60" })],
    allowed: ["GL_DPD"],
  },
  "calculer (commande ONEM)": {
    action: [C607, "calculateRequestAction"],
    page: (w) => `/c607/${w.ids.sent}`,
    args: async (w) => [w.ids.sent, { version: (await db.c607Request.findUniqueOrThrow({ where: { id: w.ids.sent } })).version }],
    allowed: ["ONEM"],
  },
  "demander un complément (commande ONEM)": {
    action: [C607, "requestComplementAction"],
    page: (w) => `/c607/${w.ids.sent}`,
    args: async (w) => [
      w.ids.sent,
      { version: (await db.c607Request.findUniqueOrThrow({ where: { id: w.ids.sent } })).version, message: "Complément pirate." },
    ],
    allowed: ["ONEM"],
  },
  "décider la dérogation (commande ONEM)": {
    action: [C607, "decideDerogationAction"],
    page: (w) => `/c607/${w.ids.sent}`,
    args: async (w) => [w.ids.sent, { version: (await db.c607Request.findUniqueOrThrow({ where: { id: w.ids.sent } })).version, decision: "ACCEPT" }],
    allowed: ["ONEM"],
  },
  "répondre (commande ONEM)": {
    action: [C607, "answerRequestAction"],
    page: (w) => `/c607/${w.ids.sent}`,
    args: async (w) => [w.ids.sent, { version: (await db.c607Request.findUniqueOrThrow({ where: { id: w.ids.sent } })).version, decision: "VALIDATE" }],
    allowed: ["ONEM"],
  },
  "copier une demande de A": {
    action: [C607, "copyRequestAction"],
    page: (w) => `/c607/${w.ids.sent}`,
    args: (w) => [w.ids.sent, { clientKey: randomUUID(), reason: "CONTRACT_CHANGED" }],
    allowed: ["AGENT", "GL_DPD", "CO_GL"],
  },
  "retirer une pièce jointe de A": {
    action: [C607, "removeAttachmentAction"],
    page: (w) => `/c607/${w.ids.sent}`,
    args: (w) => [w.ids.sent, w.ids.attachment],
    allowed: ["AGENT", "GL_DPD", "CO_GL"],
  },
  "générer la clé du portail pour un canal": {
    action: [CANAUX, "portalKeyAction"],
    page: () => "/canaux",
    args: (w) => [{ status: "idle" }, form({ channelId: w.ids.channel })],
    allowed: [],
  },
  "relever les accusés d'un canal batch": {
    action: [CANAUX, "fetchAcknowledgementsAction"],
    page: () => "/canaux",
    args: (w) => [{ status: "idle" }, form({ channelId: w.ids.channel, environment: "T" })],
    allowed: [],
  },
  // Issue 14, « TD »: A's sending held without its GO, launched or cancelled by a forged form.
  "lancer le traitement d'un envoi batch (GO)": {
    action: [CANAUX, "launchDepositAction"],
    page: () => "/canaux",
    args: (w) => [{ status: "idle" }, form({ depositId: w.ids.heldDeposit })],
    allowed: [],
  },
  "annuler un envoi batch (TD)": {
    action: [CANAUX, "cancelDepositAction"],
    page: () => "/canaux",
    args: (w) => [{ status: "idle" }, form({ depositId: w.ids.heldDeposit })],
    allowed: [],
  },
  "suspendre un canal batch": {
    action: [CANAUX, "channelActiveAction"],
    page: () => "/canaux",
    args: (w) => [{ status: "idle" }, form({ channelId: w.ids.channel, isActive: "false" })],
    allowed: [],
  },
  // Issue 14, the REST channel: nobody of the personas manages « Employeur ONSS ».
  "créer un client REST (Canaux Webservices)": {
    action: [CANAUX_REST, "registerRestClientAction"],
    page: () => "/canaux",
    args: (w) => [
      { status: "idle" },
      form({ qualityId: w.ids.onss, name: "Client pirate", tokenUrl: "https://services.socialsecurity.be/REST/oauth/v5/token" }),
    ],
    allowed: [],
  },
  "changer le Client ID d'un client REST": {
    action: [CANAUX_REST, "restClientIdAction"],
    page: () => "/canaux",
    args: (w) => [{ status: "idle" }, form({ restClientId: w.ids.restClient, clientId: "client-pirate" })],
    allowed: [],
  },
  "obtenir un jeton pour un client REST": {
    action: [CANAUX_REST, "obtainRestTokenAction"],
    page: () => "/canaux",
    args: (w) => [{ status: "idle" }, form({ restClientId: w.ids.restClient })],
    allowed: [],
  },
  "créer un jeton d'API": {
    action: [JETONS, "createApiTokenAction"],
    page: () => "/jetons",
    args: () => [{ status: "idle" }, form({ name: "Jeton pirate" })],
    allowed: ["TECH"],
  },
  // Issue 9, finding 7: the searches by NISS are POST server actions (the query never in a URL).
  "rechercher une personne par NISS": {
    action: [GESTION, "searchPeopleAction"],
    page: () => "/gestion/recherche",
    args: () => [{ status: "idle" }, form({ q: "85073003328" })],
    allowed: ["RAE", "CO_RAE", "B_RAE"],
  },
  "rechercher un contrat par NISS": {
    action: [FOREM, "searchContractsAction"],
    page: () => "/forem",
    args: () => [{ status: "idle" }, form({ q: "85073003328" })],
    allowed: ["AGENT", "GL_DPD", "CO_GL", "B_AGENT"],
  },
  "réactiver un jeton inconnu": {
    action: [JETONS, "resumeApiTokenAction"],
    page: () => "/jetons",
    args: () => [{ status: "idle" }, form({ tokenId: randomUUID() })],
    allowed: [],
  },
  "révoquer un jeton inconnu": {
    action: [JETONS, "revokeApiTokenAction"],
    page: () => "/jetons",
    args: () => [{ status: "idle" }, form({ tokenId: randomUUID() })],
    allowed: [],
  },
  "fermer une session inconnue": {
    action: [SESSIONS, "endMySessionAction"],
    page: () => "/sessions",
    args: () => [{ status: "idle" }, form({ session: "0123456789abcdef01234567" })],
    allowed: [],
  },
  "fermer les sessions d'une personne": {
    action: [SESSIONS, "endPersonSessionsAction"],
    page: () => "/sessions",
    args: (w) => [{ status: "idle" }, form({ personEmail: w.people.GL_DPD.email })],
    allowed: ["GL_DPD"],
  },
  "réinitialiser la double authentification": {
    action: [SECOND_FACTOR, "resetSecondFactorAction"],
    // Its button lives on the person's page (issue 15: no longer in every row of the quality's list).
    page: (w) => `/gestion/personnes/${w.target.id}`,
    args: (w) => [{ status: "idle" }, form({ personId: w.target.id })],
    allowed: ["RAE", "CO_RAE", "GL_DPD", "CO_GL", "SUB"],
  },
  // Issue 10: the Rapport unique — a member encodes, the secretary and the president sign, the SPP IS decides.
  "rapport unique : enregistrer une mesure": {
    action: [RU, "saveSectionAction"],
    page: () => "/rapport-unique",
    args: (w) => [
      { status: "idle" },
      form({
        formId: w.ids.ruForm,
        version: "1",
        section: "AIDES",
        payload: JSON.stringify({ expenses: [{ category: "COLIS_DENREES", description: "Colis", amount: "10" }] }),
      }),
    ],
    allowed: ["PERS"],
  },
  "rapport unique : prêt pour signature": {
    action: [RU, "markReadyAction"],
    page: () => "/rapport-unique",
    args: (w) => [{ status: "idle" }, form({ formId: w.ids.ruForm, version: "1" })],
    allowed: ["PERS"],
  },
  "rapport unique : signer": {
    action: [RU, "signFormAction"],
    page: () => "/rapport-unique",
    args: (w) => [{ status: "idle" }, form({ formId: w.ids.ruForm, version: "1", contentHash: "a".repeat(64), code: "123456" })],
    allowed: ["PRES", "SECR"],
  },
  "rapport unique : renvoyer au membre": {
    action: [RU, "returnToMemberAction"],
    page: () => "/rapport-unique",
    args: (w) => [{ status: "idle" }, form({ formId: w.ids.ruForm, version: "1", reason: "Montants à revoir, merci." })],
    allowed: ["PRES", "SECR"],
  },
  "rapport unique : décision du SPP IS": {
    action: [RU, "reviewFormAction"],
    page: () => "/rapport-unique",
    args: (w) => [{ status: "idle" }, form({ formId: w.ids.ruForm, version: "1", decision: "accept" })],
    allowed: [],
  },
  "rapport unique : ouvrir une campagne": {
    action: [RU, "openCampaignAction"],
    page: () => "/rapport-unique",
    args: () => [{ status: "idle" }, form({ year: "2030", deadline: "2031-06-30" })],
    allowed: [],
  },
  "rapport unique : montant octroyé": {
    action: [RU, "recordGrantAction"],
    page: () => "/rapport-unique",
    args: async (w) => {
      const campaign = await db.ruCampaign.findFirstOrThrow({ orderBy: { year: "desc" } });
      return [{ status: "idle" }, form({ campaignId: campaign.id, bce: w.a.entity.bceNumber, envelope: "PIIS.PIIS", amount: "1000" })];
    },
    allowed: [],
  },
  "rapport unique : données du CPAS": {
    action: [RU, "saveCentreDataAction"],
    page: () => "/rapport-unique",
    args: async () => {
      const campaign = await db.ruCampaign.findFirstOrThrow({ orderBy: { year: "desc" } });
      return [{ status: "idle" }, form({ campaignId: campaign.id, contactName: "Intrus", contactEmail: "intrus@example.org", contactPhone: "081 00 00 00" })];
    },
    allowed: ["PERS"],
  },
  "marquer lu un message inconnu": {
    action: [MESSAGES, "markReadAction"],
    page: () => "/messages",
    args: () => [randomUUID()],
    allowed: [],
  },
  "accepter une politique d'utilisation inconnue": {
    action: [POLICY, "acceptUsagePolicyAction"],
    page: () => "/politique-utilisation",
    args: () => [{ status: "idle" }, form({ policyId: randomUUID(), accept: "on" })],
    allowed: [],
  },
};

for (const [name, replay] of Object.entries(REPLAYS)) {
  test(`replayed server action changes nothing: ${name}`, async () => {
    const id = actionId(...replay.action);
    for (const who of refusedCallers(replay.allowed)) {
      // An anonymous visitor is stopped by the proxy on portal pages; it can still post to a public
      // page (/login), where Next forwards the action to the worker that holds it: both are tried.
      const paths = who === "ANON" ? [replay.page(world), "/login", `/invitation/${randomUUID()}`] : [replay.page(world)];
      for (const path of paths) {
        const before = await snapshotCounts();
        const { res, text } = await callAction(requester(contexts, anon, who), {
          path,
          id,
          args: await replay.args(world),
        });
        const after = await snapshotCounts();
        const where = `${name} as ${who} on ${path}`;
        expect.soft(after, `${where}: database unchanged`).toEqual(before);
        expect.soft(res.status(), `${where}: no 5xx`).toBeLessThan(500);
        expect.soft(leaks(text), `${where}: no internal detail`).toBeNull();
        // When the action ran, it refused in French (not a parse error: the forged input was valid).
        const status = actionStatus(text);
        expect.soft(status, `${where}: not a success`).not.toBe("success");
        if (status === "error") expect.soft(text, `${where}: a refusal`).toMatch(REFUSAL);
        else if (who !== "ANON") expect.soft(status, `${where}: the action ran (replay reached it)`).toBe("error");
      }
    }
  });
}

test("a real submission's Next-Action id and encoding match the replays; replaying it as another persona changes nothing", async ({ browser }) => {
  const gl = contexts.GL_DPD;
  const page = await gl.newPage();
  let captured: { headers: Record<string, string>; body: Buffer } | null = null;
  await page.route(`**/gestion/qualites/${world.ids.quality}`, async (route) => {
    const r = route.request();
    if (r.method() === "POST" && r.headers()["next-action"]) {
      captured = {
        headers: r.headers(),
        body: r.postDataBuffer() ?? Buffer.alloc(0),
      };
      return route.abort();
    }
    return route.continue();
  });
  await page.goto(`/gestion/qualites/${world.ids.quality}`);
  const grant = page.getByRole("form", { name: "Attribuer un droit" });
  await grant.getByLabel("Ou l'adresse e-mail d'une personne du centre pas encore dans la liste").fill(world.target.email);
  await grant.getByLabel("Droit").selectOption("AGENT_SOCIAL");
  await grant.getByRole("button", { name: "Attribuer" }).click();
  await expect.poll(() => captured !== null).toBe(true);
  const real = captured!;
  expect(real.headers["next-action"]).toBe(actionId(GESTION, "grantRightAction"));
  expect(real.body.toString("utf8")).toContain('name="_1_personEmail"');
  await page.close();

  const replay = (r: APIRequestContext) =>
    r.fetch(`/gestion/qualites/${world.ids.quality}`, {
      method: "POST",
      headers: {
        "Next-Action": real.headers["next-action"]!,
        "Content-Type": real.headers["content-type"]!,
        Origin: real.headers["origin"]!,
        Accept: "text/x-component",
      },
      data: real.body,
      maxRedirects: 0,
      failOnStatusCode: false,
    });
  // Stolen form body, other personas' cookies: refused, nothing written.
  for (const who of ["AGENT", "TECH", "B_RAE"] as const) {
    const before = await snapshotCounts();
    const res = await replay(contexts[who].request);
    expect(actionStatus(await res.text()), who).toBe("error");
    expect(await snapshotCounts(), who).toEqual(before);
  }
  // Positive control: the same bytes from the GL grant the right (so the refusals above are real).
  const res = await replay(gl.request);
  expect(actionStatus(await res.text())).toBe("success");
  expect(
    await db.rightGrant.count({
      where: {
        personId: world.target.id,
        rightCode: "AGENT_SOCIAL",
        revokedAt: null,
      },
    }),
  ).toBe(1);
  expect(
    await db.auditEvent.count({
      where: { actorId: world.people.GL_DPD.id, targetId: world.target.id },
    }),
  ).toBeGreaterThan(0);
  void browser;
});

// Issue 13: the language switch (app/langue/actions.ts). Not a replay above: anyone may choose this
// browser's language (chooseLanguageAction, public) and every signed-in person changes their own
// (changeLanguageAction, the session's row only: tests/authorization). What is attacked here is the
// input and the origin: a malformed value, the field repeated, a post from another site or without
// Origin. None answers 500, sets the language cookie or changes a row; a genuine choice then works.
const LANGUE = "app/langue/actions.ts";

test("the language switch: malformed, repeated or cross-site submissions change nothing and never answer 500", async () => {
  const languageCookie = (res: { headers: () => Record<string, string> }) => /(^|\n|, )cpas_langue=/.test(res.headers()["set-cookie"] ?? "");
  const languageOf = async (who: Persona) => (await db.person.findUniqueOrThrow({ where: { id: world.people[who].id }, select: { language: true } })).language;
  const malformed: Record<string, string | string[]>[] = [
    { language: "de" },
    { language: "" },
    { language: "NL" },
    { language: "nl\u0000" },
    { language: "<script>alert(1)</script>" },
    { language: "x".repeat(5000) },
    { language: ["fr", "nl"] },
    { langue: "nl" },
  ];
  for (const name of ["chooseLanguageAction", "changeLanguageAction"]) {
    const id = actionId(LANGUE, name);
    for (const who of ["ANON", "AGENT", "B_RAE"] as const) {
      const path = who === "ANON" ? "/login" : "/compte";
      const attempts = [
        ...malformed.map((fields) => ({ fields, origin: undefined as string | null | undefined, label: JSON.stringify(fields).slice(0, 40) })),
        { fields: { language: "nl" }, origin: "https://portail-pirate.example", label: "foreign Origin" },
        { fields: { language: "nl" }, origin: null, label: "no Origin" },
      ];
      for (const a of attempts) {
        const where = `${name} as ${who}: ${a.label}`;
        const before = await snapshotCounts();
        const { res, text } = await callAction(requester(contexts, anon, who), { path, id, args: [form(a.fields)], origin: a.origin });
        expect.soft(res.status(), `${where}: no 5xx`).toBeLessThan(500);
        expect.soft(leaks(text), `${where}: no internal detail`).toBeNull();
        expect.soft(actionStatus(text), `${where}: not a success`).not.toBe("success");
        expect.soft(languageCookie(res), `${where}: no language cookie`).toBe(false);
        expect.soft(await snapshotCounts(), `${where}: database unchanged`).toEqual(before);
        if (a.origin !== undefined) expect.soft(res.status(), `${where}: refused before the action`).toBe(403);
      }
      if (who !== "ANON") expect.soft(await languageOf(who), `${name} as ${who}: the account's language`).toBe("fr");
    }
  }

  // Positive controls (so that the refusals above are real): the same calls, well formed, from the portal.
  const choose = await callAction(anon, { path: "/login", id: actionId(LANGUE, "chooseLanguageAction"), args: [form({ language: "nl" })] });
  expect(actionStatus(choose.text)).toBe("success");
  expect(languageCookie(choose.res)).toBe(true);
  const change = await callAction(contexts.AGENT.request, { path: "/compte", id: actionId(LANGUE, "changeLanguageAction"), args: [form({ language: "nl" })] });
  expect(actionStatus(change.text)).toBe("success");
  expect(await languageOf("AGENT")).toBe("nl");
  expect(await db.auditEvent.count({ where: { actorId: world.people.AGENT.id, action: "account.language_changed" } })).toBe(1);
  // Back to French for whatever runs after (the refusals above are asserted in French).
  await callAction(anon, { path: "/login", id: actionId(LANGUE, "chooseLanguageAction"), args: [form({ language: "fr" })] });
  await callAction(contexts.AGENT.request, { path: "/compte", id: actionId(LANGUE, "changeLanguageAction"), args: [form({ language: "fr" })] });
  expect(await languageOf("AGENT")).toBe("fr");
});
