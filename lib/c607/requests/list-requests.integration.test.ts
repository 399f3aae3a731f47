import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import { blindIndex, seal } from "@/lib/crypto/keys";
import { db } from "@/lib/db/client";
import { countQueries } from "@/lib/db/query-counter";
import { isAppError } from "@/lib/errors/app-error";
import type { C607Status } from "@/lib/generated/prisma/enums";

import type { C607Context } from "./context";
import { listRequests } from "./list-requests";
import { decodeCursor, encodeCursor, type QueueCursor } from "./queue-cursor";
import { ZQueueFilter } from "./schemas";
import { cpasAgent, onemCollaborator } from "./test-fixtures";

// Keyset pages of the ONEM queue and of a centre's list (issue 15), on requests written directly
// with known sort values. Centre A: requests 1–55 sent, three drafts; centre B: five sent. Ids are
// chosen so that ties sort by the number. Every expectation below is written by hand from these rules:
// - ONEM order: deadline, sentAt, id. Deadlines by groups of twelve (1–12 on 1 Nov, 13–24 on 2 Nov,
//   25–36, 37–48, 49–55 on 5 Nov); within a group, sentAt goes down by pairs (the group's 11th and
//   12th were received first, its 1st and 2nd last), so a group reads 11,12,9,10,7,8,5,6,3,4,1,2.
// - CPAS order: createdAt newest first, then id descending: createdAt = 20 Oct + ⌊k/2⌋ hours, the
//   drafts 100 hours later (d1 < d2 < d3).

const HOUR = 3_600_000;
const BASE_CREATED = Date.UTC(2026, 9, 20);

type Made = { ids: Map<string, string>; entityId: string; ctx: C607Context };

async function centreWith(rows: { key: string; status: C607Status; createdAt: number; deadline?: string; sentAt?: number }[]): Promise<Made> {
  const { ctx, entityId } = await cpasAgent();
  const prefix = randomUUID().slice(0, 24); // 8-4-4-4- : the last group orders the ids
  const worker = await db.worker.create({
    data: { entityId, nissEncrypted: seal("85073003328"), nissBlindIndex: blindIndex(`85073003328-${prefix}`), firstName: "Keyset", lastName: "Test" },
  });
  const contract = await db.contract.create({
    data: { entityId, workerId: worker.id, kind: "ART_60_7", startDate: new Date("2026-12-01T00:00:00Z"), plannedEndDate: new Date("2027-06-30T00:00:00Z") },
  });
  const ids = new Map<string, string>();
  await db.c607Request.createMany({
    data: rows.map((r, n) => {
      const id = `${prefix}${String(n + 1).padStart(12, "0")}`;
      ids.set(r.key, id);
      return {
        id,
        reference: `KS-${prefix.slice(0, 8)}-${r.key}`,
        entityId,
        workerId: worker.id,
        contractId: contract.id,
        status: r.status,
        createdById: ctx.actor.personId,
        createdAt: new Date(r.createdAt),
        sentAt: r.sentAt === undefined ? null : new Date(r.sentAt),
        deadline: r.deadline === undefined ? null : new Date(`${r.deadline}T00:00:00Z`),
      };
    }),
  });
  return { ids, entityId, ctx };
}

/** Centre A: 1–55 sent (SENT, CALCULATED alternately), d1–d3 drafts. Ids in the order written: 1…55, d1, d2, d3. */
async function centreA(): Promise<Made> {
  const sent = Array.from({ length: 55 }, (_, i) => {
    const k = i + 1;
    const group = Math.floor((k - 1) / 12);
    const minute = Math.floor((11 - ((k - 1) % 12)) / 2);
    return {
      key: String(k),
      status: (k % 2 === 0 ? "CALCULATED" : "SENT") as C607Status,
      createdAt: BASE_CREATED + Math.floor(k / 2) * HOUR,
      deadline: `2026-11-0${1 + group}`,
      sentAt: Date.UTC(2026, 9, 25, 8, minute),
    };
  });
  const drafts = [1, 2, 3].map((d) => ({ key: `d${d}`, status: "DRAFT" as C607Status, createdAt: BASE_CREATED + (100 + d) * HOUR }));
  return centreWith([...sent, ...drafts]);
}

/** Centre B: b1–b4 created 0.5, 1.5, 2.5, 3.5 hours after 20 Oct, b5 30 hours after; all sent, deadline 1 Nov. */
const centreB = () =>
  centreWith(
    [0.5, 1.5, 2.5, 3.5, 30].map((h, i) => ({
      key: `b${i + 1}`,
      status: "SENT" as C607Status,
      createdAt: BASE_CREATED + h * HOUR,
      deadline: "2026-11-01",
      sentAt: Date.UTC(2026, 9, 25, 7, i),
    })),
  );

const refsOf = (made: Made, listing: { items: { id: string }[] }) => {
  const byId = new Map([...made.ids].map(([k, id]) => [id, k]));
  return listing.items.map((i) => byId.get(i.id) ?? `other centre: ${i.id}`);
};
const group = (g: number) => [11, 12, 9, 10, 7, 8, 5, 6, 3, 4, 1, 2].map((k) => String(k + 12 * g));
const errorCodeOf = (p: Promise<unknown>) =>
  p.then(
    () => "resolved",
    (e: unknown) => (isAppError(e) ? e.code : String(e)),
  );

describe("ONEM queue pages (keyset on deadline, sentAt, id)", () => {
  it("reads page 1, the next page across a tie, and back; page numbers give the same rows", async () => {
    const a = await centreA();
    const onem = await onemCollaborator();
    const filter = { entityId: a.entityId };
    const first = await listRequests({ ctx: onem, filter });
    expect(refsOf(a, first)).toEqual([...group(0), ...group(1), ...group(2), ...group(3), "55", "53"]);
    expect(first).toMatchObject({ page: 1, total: 55, totalCapped: false, pageCount: 2, previousCursor: null });
    expect(first.nextCursor).not.toBeNull();

    // 53 and 54 share their deadline and their receipt: the page ends between them.
    const second = await listRequests({ ctx: onem, filter: { ...filter, cursor: first.nextCursor! } });
    expect(refsOf(a, second)).toEqual(["54", "51", "52", "49", "50"]);
    expect(second).toMatchObject({ page: null, total: 55, nextCursor: null });

    const back = await listRequests({ ctx: onem, filter: { ...filter, cursor: second.previousCursor! } });
    expect(refsOf(a, back)).toEqual(refsOf(a, first));
    expect(back).toMatchObject({ page: 1, previousCursor: null, nextCursor: first.nextCursor });

    const byNumber = await listRequests({ ctx: onem, filter: { ...filter, page: 2 } });
    expect(refsOf(a, byNumber)).toEqual(["54", "51", "52", "49", "50"]);
    expect(byNumber).toMatchObject({ page: 2, nextCursor: null });
    expect(byNumber.previousCursor).toBe(second.previousCursor);

    // The waiting view keeps its filter across pages: the SENT ones (odd numbers) of centre A.
    const waiting = await listRequests({ ctx: onem, filter: { ...filter, status: "SENT" } });
    expect(refsOf(a, waiting)).toEqual([
      "11",
      "9",
      "7",
      "5",
      "3",
      "1",
      "23",
      "21",
      "19",
      "17",
      "15",
      "13",
      "35",
      "33",
      "31",
      "29",
      "27",
      "25",
      "47",
      "45",
      "43",
      "41",
      "39",
      "37",
      "55",
      "53",
      "51",
      "49",
    ]);
    expect(waiting.nextCursor).toBeNull();

    // Two statements, first page or cursor page.
    const counted = await countQueries(() => listRequests({ ctx: onem, filter: { ...filter, cursor: first.nextCursor! } }));
    expect(counted.queries).toBe(2);
    expect((await countQueries(() => listRequests({ ctx: onem, filter }))).queries).toBe(2);
  });

  it("a cursor only places the page: another centre's position shows that centre's rows only", async () => {
    const a = await centreA();
    const b = await centreB();
    const onem = await onemCollaborator();
    // Centre A's page 1 ends on 53 (5 Nov); centre B's requests are all due 1 Nov, before it.
    const first = await listRequests({ ctx: onem, filter: { entityId: a.entityId } });
    const onB = await listRequests({ ctx: onem, filter: { entityId: b.entityId, cursor: first.nextCursor! } });
    expect(onB.items).toEqual([]);
    // The same position read backwards: everything of B (due before it), nothing of A.
    const before = encodeCursor({ ...(decodeCursor(first.nextCursor!) as Extract<QueueCursor, { list: "q" }>), dir: "p" });
    const backOnB = await listRequests({ ctx: onem, filter: { entityId: b.entityId, cursor: before } });
    expect(refsOf(b, backOnB)).toEqual(["b1", "b2", "b3", "b4", "b5"]);
    expect(backOnB.items.every((i) => i.centre.id === b.entityId)).toBe(true);
  });
});

describe("a centre's list pages (keyset on createdAt, id, newest first)", () => {
  it("reads page 1 with the drafts, the older page across a tie, and back", async () => {
    const a = await centreA();
    const first = await listRequests({ ctx: a.ctx, filter: {} });
    const newestSent = Array.from({ length: 47 }, (_, i) => String(55 - i)); // 55 … 9
    expect(refsOf(a, first)).toEqual(["d3", "d2", "d1", ...newestSent]);
    expect(first).toMatchObject({ page: 1, total: 58, totalCapped: false, previousCursor: null });

    // 8 and 9 were created in the same millisecond: the page ends between them.
    const older = await listRequests({ ctx: a.ctx, filter: { cursor: first.nextCursor! } });
    expect(refsOf(a, older)).toEqual(["8", "7", "6", "5", "4", "3", "2", "1"]);
    expect(older).toMatchObject({ page: null, nextCursor: null });

    const newer = await listRequests({ ctx: a.ctx, filter: { cursor: older.previousCursor! } });
    expect(refsOf(a, newer)).toEqual(refsOf(a, first));
    expect(newer).toMatchObject({ page: 1, previousCursor: null });
  });

  it("another centre's cursor never shows that centre's requests", async () => {
    const a = await centreA();
    const b = await centreB();
    // A's page 1 ends on 9 (created 4 h after 20 Oct): B's requests created before that are b4 … b1.
    const first = await listRequests({ ctx: a.ctx, filter: {} });
    const onB = await listRequests({ ctx: b.ctx, filter: { cursor: first.nextCursor! } });
    expect(refsOf(b, onB)).toEqual(["b4", "b3", "b2", "b1"]);
    expect(onB.items.every((i) => i.centre.id === b.entityId)).toBe(true);
  });
});

describe("cursors that are not ones", () => {
  it("refuses a malformed cursor, a cursor of the other list, and a page with a cursor (400, never 500)", async () => {
    const a = await centreA();
    const onem = await onemCollaborator();
    const queueCursor = (await listRequests({ ctx: onem, filter: { entityId: a.entityId } })).nextCursor!;
    const listCursor = (await listRequests({ ctx: a.ctx, filter: {} })).nextCursor!;
    for (const bad of [
      "abc",
      "",
      "%%%",
      "eDp5",
      `${queueCursor}A`,
      "x".repeat(500),
      encodeCursor({ list: "c", dir: "n", createdAt: new Date(0), id: a.ids.get("1")! }).replace(/.$/, "*"),
    ]) {
      const parsed = ZQueueFilter.safeParse({ cursor: bad });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/c607\.validation\.cursor/);
      expect(await errorCodeOf(listRequests({ ctx: onem, filter: { cursor: bad } }))).toBe("BAD_REQUEST");
    }
    // A date that is no date, in an otherwise well-formed cursor.
    expect(decodeCursor(btoa(`q:n:2026-02-30:1:${a.ids.get("1")}`).replace(/=+$/, ""))).toBeNull();
    expect(await errorCodeOf(listRequests({ ctx: onem, filter: { cursor: listCursor } }))).toBe("BAD_REQUEST");
    expect(await errorCodeOf(listRequests({ ctx: a.ctx, filter: { cursor: queueCursor } }))).toBe("BAD_REQUEST");
    const both = ZQueueFilter.safeParse({ page: "2", cursor: queueCursor });
    expect(both.error?.issues[0]?.message).toMatch(/c607\.validation\.pageAndCursor/);
    expect(ZQueueFilter.safeParse({ page: "201" }).error?.issues[0]?.message).toMatch(/c607\.validation\.page/);
    expect(ZQueueFilter.safeParse({ page: "200" }).success).toBe(true);
  });
});

describe("the statements reach the partial indexes", () => {
  it("sends the statuses as literals, so the overdue page can be read from C607Request_waiting_deadline_sentAt_idx", async () => {
    const a = await centreA();
    const onem = await onemCollaborator();
    const captured: { query: string; params: string }[] = [];
    let listening = true; // Prisma has no way to remove a listener: this one goes quiet instead.
    db.$on("query", (e) => {
      if (listening) captured.push({ query: e.query, params: e.params });
    });
    // 2 Nov as "today": 1–12 (due 1 Nov) are overdue; the SENT ones among them are 11, 9, 7, 5, 3, 1.
    const overdue = await listRequests({ ctx: onem, filter: { entityId: a.entityId, deadline: "OVERDUE" }, now: new Date("2026-11-02T10:00:00Z") });
    listening = false;
    expect(refsOf(a, overdue)).toEqual(["11", "9", "7", "5", "3", "1"]);
    const rows = captured.find((q) => /ORDER BY/.test(q.query))!;
    expect(rows.query).toContain("r.status IN ('SENT','IN_PROGRESS')");
    expect(rows.query).not.toMatch(/CAST\(\$\d+::text AS "C607Status"\)/);
    // Whatever the planner prefers on this small table, the partial index must be usable: with
    // sequential scans, bitmaps and sorts priced out, only an index in queue order remains.
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      await tx.$executeRawUnsafe("SET LOCAL enable_bitmapscan = off");
      await tx.$executeRawUnsafe("SET LOCAL enable_sort = off");
      const lines = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${rows.query}`, ...(JSON.parse(rows.params) as unknown[]));
      return lines.map((l) => l["QUERY PLAN"]).join("\n");
    });
    expect(plan).toMatch(/C607Request_(waiting_deadline_sentAt|sent_entityId)_idx/);
    expect(plan).not.toMatch(/Seq Scan/);
  });
});
