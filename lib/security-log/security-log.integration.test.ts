import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/access/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { createSession } from "@/lib/auth/sessions";
import { startPasswordStep } from "@/lib/auth/sign-in/start-password-step";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { db } from "@/lib/db/client";
import { countQueries } from "@/lib/db/query-counter";
import { ensureGrant } from "@/lib/seed/builders";
import { createCentre, createPerson } from "@/tests/fixtures/people";

import { createRequest, sendRequest } from "@/lib/c607/requests";
import { sampleContent } from "@/lib/c607/requests/test-fixtures";

import { exportSecurityLog } from "./export-security-log";
import { searchSecurityLog } from "./search-security-log";

const meta = { ip: "192.0.2.10", userAgent: "integration" };
afterAll(() => db.$disconnect());

async function actorOf(personId: string): Promise<Actor> {
  const sid = await db.$transaction((tx) => createSession(tx, { personId, ip: null, userAgent: null }));
  return (await loadActor(sid, { touch: false }))!;
}

async function readCsv(file: Awaited<ReturnType<typeof exportSecurityLog>>): Promise<string> {
  let text = "";
  for await (const line of file.lines()) text += line;
  return text;
}

const todayBrussels = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels" }).format(new Date());
const shiftDay = (d: string, days: number) => new Date(Date.parse(`${d}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

// Two centres: A (where the advisor works) and B (whose events must never reach A's advisor).
let advisor: Actor;
let dpd: Actor;
let agent: Actor;
let colleague: { id: string; email: string };
let outsider: { id: string; email: string };
let entityA: string;

beforeAll(async () => {
  const a = await createCentre();
  const b = await createCentre();
  entityA = a.entity.id;
  const advisorP = await createPerson(a.entity.id, { label: "conseiller" });
  await db.$transaction((tx) => ensureGrant(tx, { personId: advisorP.id, rightCode: "CONSEILLER_SECURITE", entityId: a.entity.id, qualityId: a.quality.id }));
  advisor = await actorOf(advisorP.id);
  const dpdP = await createPerson(a.entity.id, { label: "dpd" });
  await db.entity.update({ where: { id: a.entity.id }, data: { dpdPersonId: dpdP.id } });
  dpd = await actorOf(dpdP.id);
  const agentP = await createPerson(a.entity.id, { label: "agent" });
  await db.$transaction((tx) => ensureGrant(tx, { personId: agentP.id, rightCode: "AGENT_SOCIAL", entityId: a.entity.id, qualityId: a.quality.id }));
  agent = await actorOf(agentP.id);

  colleague = await createPerson(a.entity.id, { label: "zoecollegue" });
  outsider = await createPerson(b.entity.id, { label: "zoecollegue" });
  // A failed password in each centre, through the real sign-in service.
  await startPasswordStep({ email: colleague.email, password: "Mauvais-Mot-2026!", meta });
  await startPasswordStep({ email: outsider.email, password: "Mauvais-Mot-2026!", meta });
});

describe("security log consultation", () => {
  it("opens to the security advisor and the DPD only", async () => {
    await expect(searchSecurityLog({ actor: agent, filters: {} })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(exportSecurityLog({ actor: agent, filters: {}, meta })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await searchSecurityLog({ actor: dpd, filters: {} })).rows.length).toBeGreaterThan(0);
    expect((await searchSecurityLog({ actor: advisor, filters: {} })).rows.length).toBeGreaterThan(0);
  });

  it("finds a colleague's failed sign-in by name, e-mail and type, and never another centre's", async () => {
    const byName = await searchSecurityLog({ actor: advisor, filters: { q: "zoecollegue Intégration", type: "echecs" } });
    expect(byName.rows).toHaveLength(1);
    expect(byName.rows[0]).toMatchObject({ action: "auth.sign_in_failed", label: "Échec de connexion", target: "zoecollegue Intégration", ip: "192.0.2.10" });
    expect(byName.rows[0]!.change).toContain("mot de passe incorrect");

    const byEmail = await searchSecurityLog({ actor: advisor, filters: { q: colleague.email.toUpperCase() } });
    expect(byEmail.rows.map((r) => r.action)).toEqual(["auth.sign_in_failed"]);

    // The same name exists in centre B: its events stay out, by name or by e-mail.
    expect((await searchSecurityLog({ actor: advisor, filters: { q: outsider.email } })).rows).toEqual([]);
    const outsiderEvents = await db.auditEvent.findMany({ where: { OR: [{ actorId: outsider.id }, { targetId: outsider.id }] }, select: { id: true } });
    expect(outsiderEvents.length).toBeGreaterThan(0);
    const all = await searchSecurityLog({ actor: advisor, filters: {}, pageSize: 1000 });
    const seen = new Set(all.rows.map((r) => r.id));
    for (const e of outsiderEvents) expect(seen.has(e.id.toString())).toBe(false);
    const entities = await db.auditEvent.findMany({ where: { id: { in: all.rows.map((r) => BigInt(r.id)) } }, select: { entityId: true } });
    expect(new Set(entities.map((e) => e.entityId))).toEqual(new Set([entityA]));
  });

  it("filters by type group and by Brussels date range", async () => {
    expect((await searchSecurityLog({ actor: advisor, filters: { q: colleague.email, type: "connexions" } })).rows).toEqual([]);
    const today = todayBrussels();
    expect((await searchSecurityLog({ actor: advisor, filters: { q: colleague.email, du: today, au: today } })).rows).toHaveLength(1);
    expect((await searchSecurityLog({ actor: advisor, filters: { q: colleague.email, au: shiftDay(today, -1) } })).rows).toEqual([]);
    expect((await searchSecurityLog({ actor: advisor, filters: { q: colleague.email, du: shiftDay(today, 1) } })).rows).toEqual([]);
  });

  it("pages with a keyset cursor, both ways, in the same number of queries whatever the page", async () => {
    const p = await createPerson(entityA, { label: "pagination" });
    for (let i = 0; i < 7; i++) {
      await db.$transaction((tx) => writeAuditEvent(tx, { actorId: p.id, entityId: entityA }, { action: "access.test_page", after: { i } }));
    }
    const filters = { q: p.email, type: "acces" as const };
    const seen: string[] = [];
    const counts: number[] = [];
    let cursor: bigint | undefined;
    const pages = [];
    for (;;) {
      const c = cursor;
      const { result, queries } = await countQueries(() =>
        searchSecurityLog({ actor: advisor, filters, cursor: c === undefined ? {} : { apres: c }, pageSize: 3 }),
      );
      pages.push(result);
      counts.push(queries);
      seen.push(...result.rows.map((r) => r.id));
      if (!result.olderThan) break;
      cursor = BigInt(result.olderThan);
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen).toEqual([...seen].sort((x, y) => Number(BigInt(y) - BigInt(x))));
    expect(pages.map((pg) => pg.rows.length)).toEqual([3, 3, 1]);
    expect(new Set(counts).size).toBe(1);
    // The page, then people and subdivisions named in it (two lookups side by side): four at most.
    expect(counts[0]).toBeLessThanOrEqual(4);
    expect(pages[0]!.newerThan).toBeNull();

    // Back from the last page: the middle page again, with links both ways.
    const back = await searchSecurityLog({ actor: advisor, filters, cursor: { avant: BigInt(pages[2]!.newerThan!) }, pageSize: 3 });
    expect(back.rows.map((r) => r.id)).toEqual(pages[1]!.rows.map((r) => r.id));
    expect(back.newerThan).not.toBeNull();
    expect(back.olderThan).toBe(pages[1]!.olderThan);
  });
});

describe("CSV export", () => {
  it('writes a BOM, a header, escapes ; " and line breaks, guards formulas, and is audited', async () => {
    const tricky = await createPerson(entityA, { label: '=HYPERLINK("http://x")' });
    await db.$transaction((tx) =>
      writeAuditEvent(
        tx,
        { actorId: tricky.id, entityId: entityA, ip: "-1", userAgent: "integration" },
        { action: "policy.test_csv", after: { note: 'a;b "c"\nd' } },
      ),
    );
    const file = await exportSecurityLog({ actor: advisor, filters: { q: tricky.email }, meta });
    expect(file.fileName).toMatch(/^journal-securite-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readCsv(file);
    expect(csv.startsWith("\uFEFFN°;Date et heure (Bruxelles);Événement;Code;Auteur;")).toBe(true);
    const lines = csv.split("\r\n");
    expect(lines).toHaveLength(3); // header, one event, final empty string
    const row = lines[1]!;
    expect(row).toContain(";Violation de politique (test_csv);policy.test_csv;");
    expect(row).toContain(`;"'=HYPERLINK(""http://x"") Intégration";`);
    expect(row).toContain(`;"note : a;b ""c""\nd";`);
    expect(row).toContain(";'-1;integration"); // IP cell starting with "-" and the user agent
    const audit = await db.auditEvent.findFirstOrThrow({ where: { actorId: advisor.personId, action: "security_log.exported" }, orderBy: { id: "desc" } });
    expect(audit.entityId).toBe(entityA);
    expect(audit.after).toMatchObject({ filtres: { q: tricky.email }, limite: 50_000 });
  });

  it("is written in the reader's language: Dutch headings, labels and words for a Dutch-speaking advisor (issue 13)", async () => {
    const someone = await createPerson(entityA, { label: "Nederlands" });
    await db.$transaction((tx) =>
      writeAuditEvent(
        tx,
        { actorId: someone.id, entityId: entityA, ip: "10.0.0.9", userAgent: "integration" },
        { action: "access.person_blocked", targetType: "person", targetId: someone.id, before: { status: "ACTIVE" }, after: { status: "BLOCKED" } },
      ),
    );
    const file = await exportSecurityLog({ actor: { ...advisor, language: "nl" }, filters: { q: someone.email }, meta });
    expect(file.fileName).toMatch(/^beveiligingslogboek-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await readCsv(file)).split("\r\n");
    expect(lines[0]).toBe("\uFEFFNr.;Datum en uur (Brussel);Gebeurtenis;Code;Uitgevoerd door;E-mail van de uitvoerder;Doel;Voor → na;IP-adres;Browser");
    expect(lines[1]).toContain(";Persoon geblokkeerd;access.person_blocked;");
    expect(lines[1]).toContain(";status: actief → geblokkeerd;10.0.0.9;");
  });

  it("stops at the limit and says so", async () => {
    const p = await createPerson(entityA, { label: "limite" });
    for (let i = 0; i < 3; i++) await db.$transaction((tx) => writeAuditEvent(tx, { actorId: p.id, entityId: entityA }, { action: "access.test_limit" }));
    const csv = await readCsv(await exportSecurityLog({ actor: advisor, filters: { q: p.email }, meta, limit: 2 }));
    const lines = csv.split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(/^Export limité à 2 lignes/);
  });

  it("reads a C60.7 request in words: its reference, the worker's name, statuses and dates, no id (issue 11)", async () => {
    const ctx = { actor: agent, meta };
    const created = await createRequest({ ctx, input: { clientKey: crypto.randomUUID(), content: sampleContent({ shift: Math.floor(Math.random() * 300) }) } });
    await sendRequest({ ctx, id: created.id, input: { version: created.version }, now: new Date("2026-03-02T10:00:00Z") });
    const { rows } = await searchSecurityLog({ actor: advisor, filters: { q: agent.email, type: "exports" } });
    const sent = rows.find((r) => r.action === "c607.sent" && r.target.includes(created.reference));
    // Sent on Monday 2 March 2026: five working days from the next working day → 9 March.
    expect(sent).toMatchObject({
      label: "Demande C60.7 envoyée à l'ONEM",
      target: `demande C60.7 « ${created.reference} »`,
      change: "statut : Brouillon → Envoyé à l'ONEM ; échéance : 09/03/2026 ; dérogation : —",
    });
    const all = await searchSecurityLog({ actor: advisor, filters: { q: agent.email } });
    const worker = all.rows.find((r) => r.action === "worker.created");
    expect(worker?.target).toBe("travailleur « Jean Dupont »");
    const csv = await readCsv(await exportSecurityLog({ actor: advisor, filters: { q: agent.email }, meta }));
    expect(csv).toContain(`;demande C60.7 « ${created.reference} »;"statut : Brouillon → Envoyé à l'ONEM ; échéance : 09/03/2026`);
    expect(csv).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    expect(csv).not.toMatch(/\b(DRAFT|SENT|ART_60_7|FULL_TIME)\b|[{}]/);
  });

  it("leaves the audit chain intact", async () => {
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});
