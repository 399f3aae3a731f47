import { randomUUID } from "node:crypto";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/access/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { createSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { ensureEntity, ensureRole } from "@/lib/seed/builders";
import { createPerson, randomBce } from "@/tests/fixtures/people";

import { sppisOverview } from "./queries";
import { openCampaign } from "./workflow";

// Issue 15, goal 3: the SPP IS opens the Rapport unique campaign for every Belgian centre at once.
// Through Prisma's createMany, one form per centre and subsidy in one interactive transaction
// took ~10 s at 580 centres and outran the transaction's limit; the campaign did not open. Here
// 1,500 centres (2.6 times the country) with the portal's own transaction limits (lib/db/client.ts:
// 10 s, not the integration tier's 30 s), in a database of their own so that no other file of
// this worker meets 1,500 centres and an open 2025 campaign.

const CENTRES = 1_500;
// lib/rapport-unique/definitions/2025.json: five subsidies, with these sections.
const SECTIONS_2025: Record<string, string[]> = {
  FRAIS_PERSONNEL: ["PERSONNEL_NORMES", "PERSONNEL_ACCUEIL"],
  FONDS_GAZ_ELECTRICITE: ["PERSONNEL", "APUREMENT", "PREVENTIF"],
  PARTICIPATION_ACTIVATION_SOCIALE: ["PARTICIPATION_DEPENSES", "PARTICIPATION_PERSONNEL", "MODULES_DEPENSES", "PAUVRETE_DEPENSES", "INDICATEURS"],
  PIIS: ["PERSONNEL"],
  AIDE_ALIMENTAIRE: ["AIDES"],
};

const base = process.env.INTEGRATION_DATABASE_URL;
const own = base ? new URL(base) : null;
if (own) own.pathname = `${own.pathname}_ru_national_${process.env.VITEST_POOL_ID ?? 1}`;
const ownName = own ? decodeURIComponent(own.pathname.slice(1)) : "";

async function maintenance<T>(run: (c: pg.Client) => Promise<T>): Promise<T> {
  const url = new URL(base!);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

let sppis: { actor: Actor; meta: { ip: string; userAgent: string } };

beforeAll(async () => {
  if (!base || !own) throw new Error("INTEGRATION_DATABASE_URL manquante (tests/integration-global-setup.ts).");
  if ((globalThis as { cpasDb?: unknown }).cpasDb) throw new Error("Le client de la base est déjà ouvert : ce fichier doit choisir sa base avant.");
  // A copy of the run's migrated, empty database (no one is connected to it after the setup).
  const template = decodeURIComponent(new URL(base).pathname.slice(1));
  await maintenance(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${ownName}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${ownName}" TEMPLATE "${template}"`);
  });
  process.env.DATABASE_URL = own.toString();
  delete process.env.DB_TRANSACTION_MAX_WAIT_MS;
  delete process.env.DB_TRANSACTION_TIMEOUT_MS;

  // The centres, as bench/national-fixture.ts makes them (valid BCE numbers 04000000xx…).
  await db.$executeRaw`INSERT INTO "Entity" (id, kind, name, "bceNumber", "updatedAt")
    SELECT gen_random_uuid(), 'CPAS', 'CPAS ' || lpad(g::text, 4, '0'), lpad((4000000 + g)::text, 8, '0') || lpad((97 - (4000000 + g) % 97)::text, 2, '0'), now()
    FROM generate_series(1, ${CENTRES}) g`;
  const org = await db.$transaction((tx) => ensureEntity(tx, { name: `SPP IS ${randomUUID().slice(0, 6)}`, bce: randomBce(), kind: "SPP_IS" }));
  const person = await createPerson(org.id, { label: "sppis" });
  await db.$transaction((tx) => ensureRole(tx, { personId: person.id, role: "SPPIS_COLLABORATOR", entityId: org.id }));
  const sessionId = await db.$transaction((tx) => createSession(tx, { personId: person.id, ip: null, userAgent: null }));
  sppis = { actor: (await loadActor(sessionId, { touch: false })) as Actor, meta: { ip: "127.0.0.1", userAgent: "vitest" } };
}, 120_000);

afterAll(async () => {
  await db.$disconnect();
  if (base) await maintenance((c) => c.query(`DROP DATABASE IF EXISTS "${ownName}" WITH (FORCE)`));
});

describe("Rapport unique — opening the campaign for every centre of the country", () => {
  it("opens one form per centre and subsidy in one transaction, audited, and refuses a second opening", async () => {
    const { id } = await openCampaign({ ctx: sppis, input: { year: 2025, deadline: "2026-06-30" } });

    const forms = await db.ruForm.findMany({
      where: { campaignId: id },
      select: { entityId: true, formCode: true, status: true, version: true, content: true },
    });
    expect(forms).toHaveLength(CENTRES * 5); // 7,500: the SPP IS itself gets none
    const perCentre = new Map<string, string[]>();
    for (const f of forms) perCentre.set(f.entityId, [...(perCentre.get(f.entityId) ?? []), f.formCode]);
    expect(perCentre.size).toBe(CENTRES);
    for (const codes of perCentre.values()) expect(codes.sort()).toEqual(Object.keys(SECTIONS_2025).sort());
    for (const f of forms) {
      expect(f.status).toBe("DRAFT");
      expect(f.version).toBe(1);
      // Each section empty, as a member finds it before any line (lib/rapport-unique/content.ts).
      expect(f.content).toEqual({
        sections: Object.fromEntries(SECTIONS_2025[f.formCode]!.map((s) => [s, { mode: null, staff: [], expenses: [], values: {}, spreadsheet: null }])),
      });
    }

    const audit = await db.auditEvent.findMany({ where: { action: "rapport_unique.campaign_opened", targetId: id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(sppis.actor.personId);
    expect(audit[0]!.after).toEqual({
      year: 2025,
      deadline: "2026-06-30",
      forms: ["FRAIS_PERSONNEL", "FONDS_GAZ_ELECTRICITE", "PARTICIPATION_ACTIVATION_SOCIALE", "PIIS", "AIDE_ALIMENTAIRE"],
      centres: CENTRES,
    });

    // A second opening of the year is refused and changes nothing.
    let refusal: unknown;
    try {
      await openCampaign({ ctx: sppis, input: { year: 2025, deadline: "2026-09-30" } });
    } catch (e) {
      refusal = e;
    }
    expect(isAppError(refusal) && refusal.code).toBe("CONFLICT");
    expect(await db.ruCampaign.count()).toBe(1);
    expect(await db.ruForm.count()).toBe(CENTRES * 5);
    expect(await db.auditEvent.count({ where: { action: "rapport_unique.campaign_opened" } })).toBe(1);
  });

  it("counts every form waiting for the SPP IS and lists them 25 per page, oldest first", async () => {
    // 60 forms sent: the « Aide alimentaire » of CPAS 0001…0060, CPAS n sent on 1 March 2026 at
    // n minutes past 08:00 UTC, except CPAS 0007, sent first (07:00). The page listed at most 200
    // and said « Formulaires à examiner (200) » whatever the number waiting.
    const centres = await db.entity.findMany({
      where: { kind: "CPAS", name: { lte: "CPAS 0060" } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    });
    expect(centres).toHaveLength(60);
    for (const [i, c] of centres.entries()) {
      const sentAt = c.name === "CPAS 0007" ? new Date("2026-03-01T07:00:00Z") : new Date(Date.UTC(2026, 2, 1, 8, i + 1));
      await db.ruForm.updateMany({ where: { entityId: c.id, formCode: "AIDE_ALIMENTAIRE" }, data: { status: "SENT", sentAt } });
    }
    const centreOf = (o: Awaited<ReturnType<typeof sppisOverview>>) => o.toReview.map((f) => f.centre);
    const names = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => `CPAS ${String(from + k).padStart(4, "0")}`);

    const first = await sppisOverview(sppis, 2025);
    expect(first).toMatchObject({ toReviewTotal: 60, reviewPage: 1, reviewPages: 3 });
    expect(centreOf(first)).toEqual(["CPAS 0007", ...names(1, 6), ...names(8, 25)]);
    expect(new Set(first.toReview.map((f) => f.title))).toEqual(new Set(["Aide alimentaire"]));
    // Every centre's progress, by hand: CPAS 0001–0060 sent their « Aide alimentaire », 1 of their
    // 5 forms; the others sent nothing. The deadline (30 June 2026) has passed: every centre with a
    // form not sent is late.
    const row = (name: string) => first.centres.find((c) => c.name === name);
    expect(first.centres).toHaveLength(CENTRES);
    expect(first.centres.slice(0, 2).map((c) => c.name)).toEqual(["CPAS 0001", "CPAS 0002"]);
    expect(row("CPAS 0001")).toMatchObject({ counts: { DRAFT: 4, SENT: 1 }, total: 5, sent: 1, late: true });
    expect(row("CPAS 0060")).toMatchObject({ counts: { DRAFT: 4, SENT: 1 }, total: 5, sent: 1, late: true });
    expect(row("CPAS 0061")).toMatchObject({ counts: { DRAFT: 5 }, total: 5, sent: 0, late: true });

    expect(centreOf(await sppisOverview(sppis, 2025, 2))).toEqual(names(26, 50));
    // The last page has the 10 left; a page past the end shows the last one.
    expect(centreOf(await sppisOverview(sppis, 2025, 3))).toEqual(names(51, 60));
    const past = await sppisOverview(sppis, 2025, 99);
    expect(past.reviewPage).toBe(3);
    expect(centreOf(past)).toEqual(names(51, 60));
  });
});
