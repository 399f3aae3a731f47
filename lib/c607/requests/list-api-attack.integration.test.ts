import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { GET as listRoute } from "@/app/api/c607/requests/route";
import { createSession } from "@/lib/auth/sessions";
import { blindIndex, seal } from "@/lib/crypto/keys";
import { db } from "@/lib/db/client";
import type { C607Status } from "@/lib/generated/prisma/enums";
import { ensureEntity, ensureRole } from "@/lib/seed/builders";
import { createPerson, randomBce } from "@/tests/fixtures/people";

import { parseListQuery } from "./list-query";
import { cpasAgent, cpasOutsider, onemCollaborator } from "./test-fixtures";

// Attack on GET /api/c607/requests (issue 15's keyset pages), through the real route handler with a
// browser session, against the real PostgreSQL. Expectations written by hand from docs/c607.md
// (« API », « Pages and total ») and DOMAIN.md: malformed `cursor`/`page` → 400 (`champs.cursor` /
// `champs.page`, or the repeated-parameter message); no session or a blocked person → 401; a side
// without the C60.7 right → 403, before its query is read; a cursor never shows another centre's
// rows; never a 500.

// The session path reads the session id from the cookie (lib/auth/session-cookie.ts, since 2df2c50):
// the test says whose session the call carries.
const session = vi.hoisted(() => ({ sid: null as string | null }));
vi.mock("@/lib/auth/session-cookie", () => ({ sessionIdFromCookies: vi.fn(async () => session.sid) }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "127.0.0.1:3000", "user-agent": "list-api-attack", "x-portal-client-ip": "127.0.0.1" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined }),
}));

afterAll(() => db.$disconnect());

const BASE = "http://127.0.0.1:3000/api/c607/requests";
const noParams = { params: Promise.resolve({}) };
const FR = {
  invalidFields: "errors.invalidFields",
  cursor: "Curseur de page invalide ou d'une autre liste : repartez de la première page.",
  page: "Page : nombre entier de 1 à 200 (au-delà, suivez nextCursor).",
  pageAndCursor: "Page et curseur ne se combinent pas : utilisez l'un ou l'autre.",
};

type Body = { code?: string; cle?: string; erreur?: string; champs?: Record<string, string[]>; items?: { id: string; centre: { id: string } }[] };

/** The list as `sid` (null: no session), with `query` appended verbatim to the URL. */
async function list(sid: string | null, query = ""): Promise<{ status: number; body: Body }> {
  session.sid = sid;
  const res = await listRoute(new Request(`${BASE}${query}`, { headers: { "accept-language": "fr-BE" } }), noParams);
  return { status: res.status, body: (await res.json()) as Body };
}

/** A cursor as docs/c607.md describes it: base64url of `c:n|p:createdAt-ms:id` or `q:n|p:deadline:sentAt-ms:id`. */
const b64 = (text: string) => Buffer.from(text, "latin1").toString("base64url");

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 9, 20, 8); // 20 Oct 2026 08:00 UTC

type Centre = { entityId: string; sid: string; ids: string[] };

/** A centre with requests written directly: ids in creation order, `createdAt` one hour apart from `start`. */
async function centreWith(statuses: C607Status[], start: number): Promise<Centre> {
  const { ctx, entityId } = await cpasAgent();
  const worker = await db.worker.create({
    data: { entityId, nissEncrypted: seal("85073003328"), nissBlindIndex: blindIndex(`85073003328-${randomUUID()}`), firstName: "Attaque", lastName: "Liste" },
  });
  const contract = await db.contract.create({
    data: { entityId, workerId: worker.id, kind: "ART_60_7", startDate: new Date("2026-12-01T00:00:00Z"), plannedEndDate: new Date("2027-06-30T00:00:00Z") },
  });
  const ids = statuses.map(() => randomUUID());
  await db.c607Request.createMany({
    data: statuses.map((status, i) => ({
      id: ids[i]!,
      reference: `ATK-${ids[i]!.slice(0, 13)}`,
      entityId,
      workerId: worker.id,
      contractId: contract.id,
      status,
      createdById: ctx.actor.personId,
      createdAt: new Date(start + i * HOUR),
      sentAt: status === "DRAFT" ? null : new Date(start + i * HOUR + 60_000),
      deadline: status === "DRAFT" ? null : new Date("2026-11-02T00:00:00Z"),
    })),
  });
  return { entityId, sid: ctx.actor.sessionId, ids };
}

async function sessionOf(personId: string): Promise<string> {
  return db.$transaction((tx) => createSession(tx, { personId, ip: null, userAgent: null }));
}

let a: Centre; // centre A: a0 SENT, a1 CALCULATED, a2 DRAFT (created 08:00, 09:00, 10:00)
let b: Centre; // centre B: b0 SENT, b1 DRAFT, created a day later than A's
let onem: string;
let sppis: string;
let outsider: string;
let blocked: string;

beforeAll(async () => {
  a = await centreWith(["SENT", "CALCULATED", "DRAFT"], T0);
  b = await centreWith(["SENT", "DRAFT"], T0 + 24 * HOUR);
  onem = (await onemCollaborator()).actor.sessionId;
  outsider = (await cpasOutsider(a.entityId)).actor.sessionId;
  const spp = await db.$transaction((tx) => ensureEntity(tx, { name: `SPP IS attaque ${randomUUID().slice(0, 6)}`, bce: randomBce(), kind: "SPP_IS" }));
  const sppPerson = await createPerson(spp.id, { label: "sppis" });
  await db.$transaction((tx) => ensureRole(tx, { personId: sppPerson.id, role: "SPPIS_COLLABORATOR", entityId: spp.id }));
  sppis = await sessionOf(sppPerson.id);
  // An agent of centre A with the right, whose account is then blocked: the open session is dead.
  const victim = await cpasAgent();
  blocked = victim.ctx.actor.sessionId;
  await db.person.update({ where: { id: victim.ctx.actor.personId }, data: { status: "BLOCKED" } });
});

const ids = (body: Body) => (body.items ?? []).map((i) => i.id);

describe("GET /api/c607/requests: who gets what", () => {
  it("an agent of centre A sees A's three requests, newest first, and nothing of B", async () => {
    const { status, body } = await list(a.sid);
    expect(status).toBe(200);
    expect(ids(body)).toEqual([a.ids[2], a.ids[1], a.ids[0]]);
  });

  it("an agent of centre B sees B's two requests only", async () => {
    const { status, body } = await list(b.sid);
    expect(status).toBe(200);
    expect(ids(body)).toEqual([b.ids[1], b.ids[0]]);
  });

  it("ONEM sees a centre's sent requests (never its draft), in deadline then receipt order", async () => {
    const { status, body } = await list(onem, `?entityId=${a.entityId}`);
    expect(status).toBe(200);
    expect(ids(body)).toEqual([a.ids[0], a.ids[1]]);
  });

  it("no session → 401; a blocked person's session → 401; SPP IS collaborator and a CPAS person without the right → 403", async () => {
    expect((await list(null)).status).toBe(401);
    expect((await list(blocked)).status).toBe(401);
    const spp = await list(sppis);
    expect(spp.status).toBe(403);
    expect(spp.body.items).toBeUndefined();
    const out = await list(outsider);
    expect(out.status).toBe(403);
    expect(out.body.items).toBeUndefined();
  });

  it("the refusal does not depend on the query: a malformed cursor or page is still 401 / 403 for them", async () => {
    for (const q of ["?cursor=%00", "?page=-1", "?cursor=a&cursor=b", `?cursor=${"A".repeat(10_000)}`]) {
      expect((await list(null, q)).status, q).toBe(401);
      expect((await list(blocked, q)).status, q).toBe(401);
      expect((await list(sppis, q)).status, q).toBe(403);
      expect((await list(outsider, q)).status, q).toBe(403);
    }
  });
});

describe("GET /api/c607/requests: malformed page and cursor → 400, never a 500", () => {
  it("a repeated cursor or page is a 400 naming the parameter", async () => {
    const cursorTwice = await list(a.sid, "?cursor=a&cursor=b");
    expect(cursorTwice.status).toBe(400);
    expect(cursorTwice.body).toMatchObject({ code: "BAD_REQUEST", cle: "errors.request.repeatedParameter", erreur: "Le paramètre « cursor » est répété." });
    const pageTwice = await list(onem, "?page=1&page=2");
    expect(pageTwice.status).toBe(400);
    expect(pageTwice.body).toMatchObject({ code: "BAD_REQUEST", cle: "errors.request.repeatedParameter", erreur: "Le paramètre « page » est répété." });
  });

  it("page outside 1–200 or not an integer: 400 on the page field, for both sides", async () => {
    const tooLong = "9".repeat(5_000);
    for (const sid of [a.sid, onem]) {
      // « 1e2 », « 0x10 », « +5 », « %205 » (a space) are numbers to JavaScript's Number(), not page numbers.
      for (const page of ["0", "-1", "201", "1e3", "1e2", "0x10", "%2B5", "%205", "5%20", "NaN", "1.5", "", "abc", "%00", "%C3%A9", tooLong, "Infinity"]) {
        const { status, body } = await list(sid, `?page=${page}`);
        expect(status, `page=${page.slice(0, 20)}`).toBe(400);
        expect(body.code).toBe("BAD_REQUEST");
        expect(body.champs?.page, `page=${page.slice(0, 20)}`).toEqual([FR.page]);
      }
    }
    // The bounds themselves are pages.
    expect((await list(a.sid, "?page=1")).status).toBe(200);
    const last = await list(a.sid, "?page=200");
    expect(last.status).toBe(200);
    expect(ids(last.body)).toEqual([]);
  });

  it("page and cursor together: 400 even when both are valid alone", async () => {
    const cursor = b64(`c:n:${T0 + 5 * HOUR}:${a.ids[0]}`);
    expect((await list(a.sid, `?cursor=${cursor}`)).status).toBe(200);
    const { status, body } = await list(a.sid, `?cursor=${cursor}&page=1`);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: "BAD_REQUEST", champs: { cursor: [FR.pageAndCursor] } });
  });

  it("cursors that do not decode exactly: 400 on the cursor field", async () => {
    const id = a.ids[0]!;
    const cases: Record<string, string> = {
      "10,000 characters": "A".repeat(10_000),
      "161 characters": "A".repeat(161),
      "plain text": "page-2",
      "padding kept": `${b64(`c:n:${T0}:${id}`)}=`,
      "standard base64 (+ and /)": "+/+/",
      "percent-encoded NUL": "%00",
      "NUL inside the decoded text": b64(`c:n:${T0}\u0000:${id}`),
      "Unicode in the cursor": "%C3%A9t%C3%A9",
      "Latin-1 in the decoded text": b64(`c:n:${T0}:${id}\u00e9`),
      "upper-case id": b64(`c:n:${T0}:${id.toUpperCase()}`),
      "unknown direction": b64(`c:x:${T0}:${id}`),
      "unknown list": b64(`z:n:${T0}:${id}`),
      "non-numeric time": b64(`c:n:abc:${id}`),
      "negative time": b64(`c:n:-1:${id}`),
      "16-digit time": b64(`c:n:1${"0".repeat(15)}:${id}`),
      "time beyond year 9999": b64(`c:n:999999999999999:${id}`),
      "id not a UUID": b64(`c:n:${T0}:1' OR '1'='1`),
      "SQL in the id": b64(`c:n:${T0}:${id}';DROP TABLE "C607Request";--`),
      "trailing field": b64(`c:n:${T0}:${id}:x`),
      "empty after decoding": b64(""),
    };
    for (const [what, cursor] of Object.entries(cases)) {
      const { status, body } = await list(a.sid, `?cursor=${cursor}`);
      expect(status, what).toBe(400);
      expect(body.code, what).toBe("BAD_REQUEST");
      expect(body.champs?.cursor, what).toEqual([FR.cursor]);
    }
    // The ONEM queue's cursor: a deadline that does not exist, a time beyond year 9999.
    for (const [what, cursor] of Object.entries({
      "30 February": b64(`q:n:2026-02-30:${T0}:${id}`),
      "year 0000": b64(`q:n:0000-01-01:${T0}:${id}`),
      "time beyond year 9999": b64(`q:n:2026-11-02:999999999999999:${id}`),
    })) {
      const { status, body } = await list(onem, `?entityId=${a.entityId}&cursor=${cursor}`);
      expect(status, what).toBe(400);
      expect(body.champs?.cursor, what).toEqual([FR.cursor]);
    }
    // The last instant of year 9999 is still a position (nothing after it), and the pages (/c607,
    // /onem) drop a cursor beyond it instead of sending it to PostgreSQL: first page, filters kept.
    const lastInstant = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
    expect(ids((await list(a.sid, `?cursor=${b64(`c:n:${lastInstant}:${id}`)}`)).body)).toEqual([a.ids[2], a.ids[1], a.ids[0]]);
    expect((await list(onem, `?entityId=${a.entityId}&cursor=${b64(`q:n:9999-12-31:${lastInstant}:${id}`)}`)).status).toBe(200);
    for (const [which, cursor] of [
      ["c", b64(`c:n:999999999999999:${id}`)],
      ["q", b64(`q:n:2026-11-02:999999999999999:${id}`)],
    ] as const) {
      expect(parseListQuery({ cursor, status: "SENT" }, which)).toEqual({ filter: { status: "SENT" }, query: { status: "SENT" }, invalid: "cursor" });
    }
    // The table survived the quoted SQL (it never reached the database as text).
    expect(await db.c607Request.count({ where: { entityId: a.entityId } })).toBe(3);
  });

  it("a cursor of the other list: the ONEM queue's on a centre's list and a centre's on the queue → 400", async () => {
    const queueCursor = b64(`q:n:2026-11-02:${T0 + 60_000}:${a.ids[0]}`);
    const centreCursor = b64(`c:n:${T0 + HOUR}:${a.ids[1]}`);
    const onCentre = await list(a.sid, `?cursor=${queueCursor}`);
    expect(onCentre.status).toBe(400);
    expect(onCentre.body).toMatchObject({ code: "BAD_REQUEST", champs: { cursor: [FR.cursor] } });
    const onQueue = await list(onem, `?entityId=${a.entityId}&cursor=${centreCursor}`);
    expect(onQueue.status).toBe(400);
    expect(onQueue.body).toMatchObject({ code: "BAD_REQUEST", champs: { cursor: [FR.cursor] } });
    // The same cursors on their own list place the page.
    expect(ids((await list(a.sid, `?cursor=${centreCursor}`)).body)).toEqual([a.ids[0]]);
    expect(ids((await list(onem, `?entityId=${a.entityId}&cursor=${queueCursor}`)).body)).toEqual([a.ids[1]]);
  });
});

describe("GET /api/c607/requests: a cursor never widens the list", () => {
  it("a cursor placed on centre B's newest request shows agent A only A's rows older than it", async () => {
    // b1 (B's draft) was created at T0 + 25 h: every A request is older.
    const fromB = b64(`c:n:${T0 + 25 * HOUR}:${b.ids[1]}`);
    const next = await list(a.sid, `?cursor=${fromB}`);
    expect(next.status).toBe(200);
    expect(ids(next.body)).toEqual([a.ids[2], a.ids[1], a.ids[0]]);
    expect(next.body.items!.every((i) => i.centre.id === a.entityId)).toBe(true);
    // Backwards from B's oldest: newer than it are only B's rows, which A never sees.
    const previous = await list(a.sid, `?cursor=${b64(`c:p:${T0 + 24 * HOUR}:${b.ids[0]}`)}`);
    expect(previous.status).toBe(200);
    expect(ids(previous.body)).toEqual([]);
  });

  it("forged positions (far future, epoch, random id) show only the reader's own rows", async () => {
    const forged = [
      b64(`c:n:${Date.UTC(9999, 11, 31)}:${randomUUID()}`),
      b64(`c:p:0:00000000-0000-0000-0000-000000000000`),
      b64(`c:n:${T0 + 2 * HOUR}:ffffffff-ffff-ffff-ffff-ffffffffffff`),
    ];
    for (const cursor of forged) {
      const { status, body } = await list(b.sid, `?cursor=${cursor}`);
      expect(status).toBe(200);
      expect(
        ids(body).every((id) => b.ids.includes(id)),
        cursor,
      ).toBe(true);
    }
    expect(ids((await list(b.sid, `?cursor=${forged[0]}`)).body)).toEqual([b.ids[1], b.ids[0]]);
  });

  it("ONEM: a queue cursor taken on centre B's list, used with the filter on A, shows A's sent requests only", async () => {
    const fromB = b64(`q:p:2026-11-03:${T0}:${b.ids[0]}`);
    const { status, body } = await list(onem, `?entityId=${a.entityId}&cursor=${fromB}`);
    expect(status).toBe(200);
    expect(ids(body)).toEqual([a.ids[0], a.ids[1]]);
    expect(body.items!.every((i) => i.centre.id === a.entityId)).toBe(true);
  });

  it("ONEM asking for drafts is refused (403), with or without a cursor", async () => {
    expect((await list(onem, "?status=DRAFT")).status).toBe(403);
    expect((await list(onem, `?status=DRAFT&cursor=${b64(`q:n:2026-11-02:${T0}:${a.ids[0]}`)}`)).status).toBe(403);
  });
});
