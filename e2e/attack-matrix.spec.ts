import { randomUUID } from "node:crypto";

import { expect, test, type APIRequestContext, type BrowserContext } from "@playwright/test";

import { type Body, type Call, outcome, send } from "./fixtures/attack/http";
import { buildWorld, c607Content, CIPHERTEXT, leaks, PDF, PERSONAS, type Persona, requester, signInAll, type Who, type World } from "./fixtures/attack/world";

// Issue 6, attack 1: THE authorization matrix. Every page and every route handler of the portal,
// with ids of real objects of centre A, × every persona → the one expected outcome. The table is
// read from the code's intent (lib/access/permissions.ts and each page's guard), not from what the
// code happens to answer. Cells: "200"/"201"/"307" allowed; "login" sent to the sign-in page;
// "401" API without a session; "403" refused; "404" hidden (another centre's object, or no right);
// "409" allowed but the stale version sent on purpose makes it a conflict (nothing changes).
// Cross-centre rule: B_RAE and B_AGENT never get centre A's objects: every such row says 404.

type Ids = World["ids"] & { centreC: string; target: string };
type Row = {
  call: (ids: Ids) => Call;
  /** Personas allowed, with the allowed outcome. */
  allow: readonly Persona[];
  ok: string;
  /** Outcome for every other signed-in persona ("404" for pages). */
  deny?: string;
  anon?: string;
  /** Cells that differ from the row's rule (each explained in docs/attack-tests.md). */
  except?: Partial<Record<Who, string>>;
};

const ALL = PERSONAS;
const CPAS = ALL.filter((p) => p !== "ONEM");
const C607_A = ["AGENT", "GL_DPD", "CO_GL"] as const satisfies readonly Persona[];
const C607 = [...C607_A, "B_AGENT"] as const satisfies readonly Persona[];
const FOREM = C607;
const FILE_EXCHANGE = ["FX", "GL_DPD", "CO_GL"] as const satisfies readonly Persona[];
const SECURITY_LOG = ["SEC", "GL_DPD"] as const satisfies readonly Persona[];
/** C60.7 API: personas without a C60.7 side get 403 (sideOf), B's agent 404 (A's request is not found). */
const c607ById = (ok: readonly Persona[], okStatus: string, onem: string): Pick<Row, "allow" | "ok" | "deny" | "except"> => ({
  allow: ok,
  ok: okStatus,
  deny: "403",
  except: {
    B_AGENT: "404",
    ...(ok.includes("ONEM" as Persona) ? {} : { ONEM: onem }),
  },
});

const get = (path: string): Call => ({ method: "GET", path });
const post = (path: string, body: Body = { kind: "none" }): Call => ({
  method: "POST",
  path,
  body,
});
const json = (value: unknown): Body => ({ kind: "json", value });
const STALE = 99_999;

const PAGES: Record<string, Row> = {
  "page /": { call: () => get("/"), allow: ALL, ok: "307" },
  "page /tableau-de-bord": {
    call: () => get("/tableau-de-bord"),
    allow: ALL,
    ok: "200",
  },
  "page /login": {
    call: () => get("/login"),
    allow: ALL,
    ok: "200",
    anon: "200",
  },
  "page /invitation/:jeton inconnu": {
    call: () => get(`/invitation/${randomUUID()}`),
    allow: ALL,
    ok: "200",
    anon: "200",
  },
  // Issue 12: the forgotten-password pages are public; the demo mailbox exists only on the
  // embedded database (never here, on PostgreSQL); the centre's failed mails are the DPD's.
  "page /mot-de-passe-oublie": { call: () => get("/mot-de-passe-oublie"), allow: ALL, ok: "200", anon: "200" },
  "page /mot-de-passe-oublie/:jeton inconnu": { call: () => get(`/mot-de-passe-oublie/${randomUUID()}`), allow: ALL, ok: "200", anon: "200" },
  "page /courriels-demo": { call: () => get("/courriels-demo"), allow: [], ok: "200", deny: "404", anon: "404" },
  "page /courriels": { call: () => get("/courriels"), allow: ALL, ok: "200" },
  "page /courriels/echecs": { call: () => get("/courriels/echecs"), allow: ["GL_DPD"], ok: "200" },
  "page /politique-utilisation": {
    call: () => get("/politique-utilisation"),
    allow: ALL,
    ok: "200",
  },
  // Nobody in the world manages centre A's « Employeur ONSS » quality: everyone gets 404.
  "page /canaux": { call: () => get("/canaux"), allow: [], ok: "200" },
  "page /sessions": { call: () => get("/sessions"), allow: ALL, ok: "200" },
  "page /messages": { call: () => get("/messages"), allow: ALL, ok: "200" },
  "page /chiffrement": {
    call: () => get("/chiffrement"),
    allow: CPAS,
    ok: "200",
  },
  "page /gestion": {
    call: () => get("/gestion"),
    allow: ["RAE", "CO_RAE", "GL_DPD", "CO_GL", "SUB", "B_RAE"],
    ok: "200",
  },
  "page /gestion/qualites/:qualité A": {
    call: (i) => get(`/gestion/qualites/${i.quality}`),
    allow: ["RAE", "CO_RAE", "GL_DPD", "CO_GL", "SUB"],
    ok: "200",
  },
  // Issue 11: a person's page (a member of A's subdivision) — the RAE level, who searches across
  // qualities, and the person's managers (GL, co-GL of the quality, the subdivision's manager).
  "page /gestion/personnes/:membre A": {
    call: (i) => get(`/gestion/personnes/${i.target}`),
    allow: ["RAE", "CO_RAE", "GL_DPD", "CO_GL", "SUB"],
    ok: "200",
  },
  // Issue 11: « Mon compte », everyone's own.
  "page /compte": { call: () => get("/compte"), allow: ALL, ok: "200" },
  "page /gestion/recherche": {
    call: () => get("/gestion/recherche?q=test"),
    allow: ["RAE", "CO_RAE", "B_RAE"],
    ok: "200",
  },
  "page /gestion/securite": {
    call: () => get("/gestion/securite"),
    allow: ["GL_DPD"],
    ok: "200",
  },
  "page /applications/agent-social": {
    call: () => get("/applications/agent-social"),
    allow: C607,
    ok: "200",
  },
  // Issue 10: the Rapport unique is built in the portal (/rapport-unique) for its three roles only;
  // the GL of Action Sociale grants the roles but does not read the report.
  "page /applications/rapport-unique": {
    call: () => get("/applications/rapport-unique"),
    allow: ["PRES", "SECR", "PERS"],
    ok: "307",
  },
  "page /rapport-unique": {
    call: () => get("/rapport-unique"),
    allow: ["PRES", "SECR", "PERS"],
    ok: "200",
  },
  "page /applications/journal-securite": {
    call: () => get("/applications/journal-securite"),
    allow: SECURITY_LOG,
    ok: "307",
  },
  "page /applications/fileexchange": {
    call: () => get("/applications/fileexchange"),
    allow: FILE_EXCHANGE,
    ok: "200",
  },
  "page /applications/inconnue": {
    call: () => get("/applications/__proto__"),
    allow: [],
    ok: "200",
  },
  "page /securite": {
    call: () => get("/securite"),
    allow: SECURITY_LOG,
    ok: "200",
  },
  "page /c607": {
    call: () => get("/c607"),
    allow: C607,
    ok: "200",
    except: { ONEM: "307" },
  },
  "page /c607/nouvelle": {
    call: () => get("/c607/nouvelle"),
    allow: C607,
    ok: "200",
  },
  "page /c607/:brouillon A": {
    call: (i) => get(`/c607/${i.draft}`),
    allow: C607_A,
    ok: "200",
  },
  "page /c607/:brouillon A/modifier": {
    call: (i) => get(`/c607/${i.draft}/modifier`),
    allow: C607_A,
    ok: "200",
  },
  "page /c607/:envoyée A": {
    call: (i) => get(`/c607/${i.sent}`),
    allow: [...C607_A, "ONEM"],
    ok: "200",
  },
  "page /onem": { call: () => get("/onem"), allow: ["ONEM"], ok: "200" },
  "page /forem": { call: () => get("/forem"), allow: FOREM, ok: "200" },
  "page /forem/contrats/nouveau": {
    call: () => get("/forem/contrats/nouveau"),
    allow: FOREM,
    ok: "200",
  },
  "page /forem/contrats/:contrat A": {
    call: (i) => get(`/forem/contrats/${i.contract}`),
    allow: C607_A,
    ok: "200",
  },
  "page /forem/import": {
    call: () => get("/forem/import"),
    allow: FOREM,
    ok: "200",
  },
  "page /forem/fichier": {
    call: () => get("/forem/fichier?du=2026-01-01&au=2026-03-31"),
    allow: FOREM,
    ok: "200",
  },
  "page /forem/registre": {
    call: () => get("/forem/registre"),
    allow: FOREM,
    ok: "200",
  },
  "page /forem/attestations": {
    call: () => get("/forem/attestations"),
    allow: FOREM,
    ok: "200",
  },
  "page /fileexchange": {
    call: () => get("/fileexchange"),
    allow: FILE_EXCHANGE,
    ok: "200",
  },
};

const API: Record<string, Row> = {
  "GET /api/health": {
    call: () => get("/api/health"),
    allow: ALL,
    ok: "200",
    anon: "200",
  },
  "GET /api/auth/session": {
    call: () => get("/api/auth/session"),
    allow: ALL,
    ok: "200",
    anon: "200",
  },
  "POST /api/session/ping": {
    call: () => post("/api/session/ping"),
    allow: ALL,
    ok: "200",
  },
  "GET /api/openapi/c607": {
    call: () => get("/api/openapi/c607"),
    allow: ALL,
    ok: "200",
  },
  "GET /api/c607/requests": {
    call: () => get("/api/c607/requests"),
    allow: [...C607, "ONEM"],
    ok: "200",
    deny: "403",
  },
  "POST /api/c607/requests": {
    call: () => post("/api/c607/requests", json({ clientKey: randomUUID(), content: c607Content() })),
    allow: C607,
    ok: "201",
    deny: "403",
  },
  "GET /api/c607/requests/:brouillon A": {
    call: (i) => get(`/api/c607/requests/${i.draft}`),
    ...c607ById(C607_A, "200", "404"),
  },
  "PATCH /api/c607/requests/:brouillon A": {
    call: (i) => ({
      method: "PATCH",
      path: `/api/c607/requests/${i.draft}`,
      body: json({ version: STALE, content: c607Content() }),
    }),
    ...c607ById(C607_A, "409", "404"),
  },
  "GET /api/c607/requests/:brouillon A/history": {
    call: (i) => get(`/api/c607/requests/${i.draft}/history`),
    ...c607ById(C607_A, "200", "404"),
  },
  "POST /api/c607/requests/:brouillon A/attachments": {
    call: (i) =>
      post(`/api/c607/requests/${i.draft}/attachments`, {
        kind: "multipart",
        fields: {
          file: { name: "piece.pdf", mimeType: "application/pdf", buffer: PDF },
        },
      }),
    ...c607ById(C607_A, "201", "404"),
  },
  "POST /api/c607/requests/:brouillon A/send": {
    call: (i) => post(`/api/c607/requests/${i.draft}/send`, json({ version: STALE })),
    ...c607ById(C607_A, "409", "404"),
  },
  "GET /api/c607/requests/:envoyée A": {
    call: (i) => get(`/api/c607/requests/${i.sent}`),
    ...c607ById([...C607_A, "ONEM"], "200", ""),
  },
  "GET /api/c607/requests/:envoyée A/history": {
    call: (i) => get(`/api/c607/requests/${i.sent}/history`),
    ...c607ById([...C607_A, "ONEM"], "200", ""),
  },
  "GET /api/c607/requests/:envoyée A/attachments/:pièce": {
    call: (i) => get(`/api/c607/requests/${i.sent}/attachments/${i.attachment}`),
    ...c607ById([...C607_A, "ONEM"], "200", ""),
  },
  // A sent file stays: A's agents reach the command, which the status refuses (422); ONEM is the wrong side.
  "DELETE /api/c607/requests/:envoyée A/attachments/:pièce": {
    call: (i) => ({ method: "DELETE", path: `/api/c607/requests/${i.sent}/attachments/${i.attachment}` }),
    ...c607ById(C607_A, "422", "403"),
  },
  // ONEM commands on a sent request: only ONEM passes the check, then the transition table answers
  // (take, complement: stale version → 409; calculate, answer, derogation need IN_PROGRESS → 422).
  // A's agents reach the request but not the command (403, the transition table's side).
  "POST /api/c607/requests/:envoyée A/take": {
    call: (i) => post(`/api/c607/requests/${i.sent}/take`, json({ version: STALE })),
    ...c607ById(["ONEM"], "409", ""),
  },
  "POST /api/c607/requests/:envoyée A/calculate": {
    call: (i) => post(`/api/c607/requests/${i.sent}/calculate`, json({ version: STALE })),
    ...c607ById(["ONEM"], "422", ""),
  },
  "POST /api/c607/requests/:envoyée A/complement": {
    call: (i) => post(`/api/c607/requests/${i.sent}/complement`, json({ version: STALE, message: "Joindre la fiche de paie." })),
    ...c607ById(["ONEM"], "409", ""),
  },
  "POST /api/c607/requests/:envoyée A/answer": {
    call: (i) => post(`/api/c607/requests/${i.sent}/answer`, json({ version: STALE, decision: "VALIDATE" })),
    ...c607ById(["ONEM"], "422", ""),
  },
  "POST /api/c607/requests/:envoyée A/derogation": {
    call: (i) => post(`/api/c607/requests/${i.sent}/derogation`, json({ version: STALE, decision: "ACCEPT" })),
    ...c607ById(["ONEM"], "422", ""),
  },
  // CPAS command, only from CALCULATED: A's agents pass the check and get 422 (wrong status).
  "POST /api/c607/requests/:envoyée A/copy": {
    call: (i) => post(`/api/c607/requests/${i.sent}/copy`, json({ clientKey: randomUUID(), reason: "CONTRACT_CHANGED" })),
    ...c607ById(C607_A, "422", "403"),
  },
  // Audited downloads are POST (issue 9, finding 10).
  // Issue 10: the Rapport unique's downloads and imports, for its three roles in centre A only.
  "POST /api/rapport-unique/formulaires/:ruForm A/pdf (not signed yet)": {
    call: (i) => post(`/api/rapport-unique/formulaires/${i.ruForm}/pdf`),
    allow: ["PRES", "SECR", "PERS"],
    ok: "409",
    deny: "404",
  },
  "POST /api/rapport-unique/synthese/2025": {
    call: () => post("/api/rapport-unique/synthese/2025"),
    allow: ["PRES", "SECR", "PERS"],
    ok: "200",
    deny: "404",
  },
  "POST /api/rapport-unique/formulaires/:ruForm A/mesures/AIDES/modele": {
    call: (i) => post(`/api/rapport-unique/formulaires/${i.ruForm}/mesures/AIDES/modele`),
    allow: ["PERS"],
    ok: "200",
    deny: "404",
  },
  "POST /api/rapport-unique/campagnes/2025/octrois/modele (SPP IS only)": {
    call: () => post("/api/rapport-unique/campagnes/2025/octrois/modele"),
    allow: [],
    ok: "200",
    deny: "404",
  },
  "POST /api/forem/attestations/:attestation A": {
    call: (i) => post(`/api/forem/attestations/${i.attestation}`),
    allow: C607_A,
    ok: "200",
    deny: "404",
  },
  // B's agent may export B's file; B has no ended contract in the period: 422, never A's rows.
  "POST /api/forem/export": {
    call: () => post("/api/forem/export", { kind: "raw", contentType: "application/x-www-form-urlencoded", data: "du=2026-01-01&au=2026-03-31" }),
    allow: FOREM,
    ok: "200",
    deny: "404",
    except: { B_AGENT: "422" },
  },
  "POST /api/forem/contracts/import": {
    call: () =>
      post("/api/forem/contracts/import", {
        kind: "multipart",
        fields: {
          fichier: {
            name: "vide.csv",
            mimeType: "text/csv",
            buffer: Buffer.from("Numéro national;Nom\n"),
          },
        },
      }),
    allow: FOREM,
    ok: "200",
    deny: "404",
  },
  "POST /api/fileexchange/:transfert A": {
    call: (i) => post(`/api/fileexchange/${i.transfer}`),
    allow: FILE_EXCHANGE,
    ok: "200",
    deny: "404",
  },
  // Nobody in the world manages A's « Employeur ONSS » channels: 404 before the upload is read.
  "POST /api/canaux/depots": {
    call: (i) =>
      post("/api/canaux/depots", {
        kind: "multipart",
        fields: {
          channelId: i.channel,
          code: "DMFA",
          date: "2026-11-25",
          sequence: "1",
          environment: "T",
          fi: { name: "partie1.xml", mimeType: "application/xml", buffer: Buffer.from("<a/>") },
        },
      }),
    allow: [],
    ok: "201",
    deny: "404",
  },
  "GET /api/canaux/accuses": {
    call: (i) => get(`/api/canaux/accuses?channelId=${i.channel}&environment=T`),
    allow: [],
    ok: "200",
    deny: "404",
  },
  "POST /api/canaux/accuses/:nom": {
    call: (i) => post(`/api/canaux/accuses/ACK.DMFA.100001.20261125.1.T.1?channelId=${i.channel}&environment=T`),
    allow: [],
    ok: "200",
    deny: "404",
  },
  "POST /api/fileexchange": {
    call: (i) =>
      post("/api/fileexchange", {
        kind: "multipart",
        fields: {
          destinataire: i.centreC,
          fichier: {
            name: "note.enc",
            mimeType: "application/octet-stream",
            buffer: CIPHERTEXT,
          },
        },
      }),
    allow: FILE_EXCHANGE,
    ok: "201",
    deny: "404",
  },
  "POST /api/security-log/export": {
    call: () => post("/api/security-log/export"),
    allow: SECURITY_LOG,
    ok: "200",
    deny: "404",
  },
};

function expected(row: Row, who: Who, isPage: boolean): string {
  if (row.except?.[who] !== undefined && row.except[who] !== "") return row.except[who]!;
  if (who === "ANON") return row.anon ?? (isPage ? "login" : "401");
  if ((row.allow as readonly string[]).includes(who)) return row.ok;
  return row.deny ?? "404";
}

let world: World;
let ids: Ids;
let contexts: Record<Persona, BrowserContext>;
let anon: APIRequestContext;

test.beforeAll(async ({ browser, playwright, baseURL }) => {
  // Every persona signs in through the page, one after another (about 14 × 3–9 s by load).
  test.setTimeout(300_000);
  world = await buildWorld();
  ids = { ...world.ids, centreC: world.c.entity.id, target: world.target.id };
  contexts = await signInAll(browser, world);
  anon = await playwright.request.newContext({ baseURL });
});
test.afterAll(async () => {
  await anon?.dispose();
  for (const c of Object.values(contexts ?? {})) await c.close();
});

const WHO: readonly Who[] = ["ANON", ...PERSONAS];
/** What must never reach centre B: A's name, its worker's name, and ids other than the one in the URL. */
const centreAMarkers = (path: string) =>
  [world.a.entity.name, "Diallo", ids.draft, ids.sent, ids.contract, ids.attestation, ids.transfer, ids.attachment].filter((m) => !path.includes(m));

for (const [title, table] of [
  ["pages", PAGES],
  ["route handlers", API],
] as const) {
  test(`authorization matrix: ${title} × personas`, async () => {
    test.setTimeout(240_000);
    const report: string[] = [];
    for (const [name, row] of Object.entries(table)) {
      const cells: string[] = [];
      for (const who of WHO) {
        const call = row.call(ids);
        const res = await send(requester(contexts, anon, who), call);
        const got = outcome(res);
        const want = expected(row, who, title === "pages");
        cells.push(got === want ? got : `${who}:${got}≠${want}`);
        expect.soft(got, `${name} as ${who}`).toBe(want);
        expect.soft(res.status(), `${name} as ${who}: no 5xx`).toBeLessThan(500);
        const text =
          res.headers()["content-type"]?.startsWith("application/pdf") ||
          res.headers()["content-type"]?.includes("octet-stream") ||
          res.headers()["content-type"]?.includes("spreadsheet")
            ? ""
            : await res.text();
        expect.soft(leaks(text), `${name} as ${who}: no internal detail`).toBeNull();
        // Centre B never sees anything of centre A, whatever the status.
        if (who.startsWith("B_"))
          for (const marker of centreAMarkers(call.path)) expect.soft(text.includes(marker), `${name} as ${who} shows ${marker}`).toBe(false);
      }
      report.push(`${name.padEnd(56)} ${cells.join(" ")}`);
    }
    test.info().annotations.push({
      type: "matrix",
      description: `${WHO.join(" ")}\n${report.join("\n")}`,
    });
  });
}
