import pg from "pg";

import { GENESIS_HASH, hashEvent, type HashableEvent } from "@/lib/audit/hash-event";
import { createSession } from "@/lib/auth/sessions";
import { loadActor } from "@/lib/auth/load-actor";
import { blindIndex, seal } from "@/lib/crypto/keys";
import { db } from "@/lib/db/client";
import { openCampaign } from "@/lib/rapport-unique/workflow";
import { ensureCatalogue, ensureEntity, ensurePerson, ensureRole } from "@/lib/seed/builders";

import { nissFor } from "./lib/build-fixture";
import { withoutIndexes } from "./lib/bulk-load";

// The national dataset of issue 15 (docs/benchmarks.md, "National dataset"): every Belgian centre
// with its staff, a year of C60.7 requests and a year of audit trail. Written with bulk SQL
// (INSERT … SELECT generate_series, and arrays through unnest for what Node must compute: sealed
// NISS, chained audit hashes), not row by row; the big tables without their secondary indexes and
// foreign keys, made again after the load exactly as the migrations define them (bench/lib/bulk-load.ts). The few people the benchmark signs in as are made
// with the seed's own builders; the Rapport unique campaign is opened by the portal's own function.

// BENCH_NATIONAL_SCALE (default 1) shrinks everything alike, for a quick try of the script.
const scale = Number(process.env.BENCH_NATIONAL_SCALE ?? 1);
const scaled = (n: number) => Math.max(1, Math.round(n * scale));
export const SIZE = {
  centres: scaled(580),
  people: scaled(60_000),
  workers: scaled(100_000), // one contract each
  requests: scaled(300_000),
  auditEvents: scaled(2_000_000),
} as const;

export type NationalFixture = {
  centre0: { entityId: string; qualityId: string };
  /** RAE, GL, DPD, security advisor and Rapport unique member of centre 0 (one person: one cookie for its pages). */
  manager: { personId: string; sessionId: string };
  onem: { personId: string; sessionId: string };
  /** The SPP IS collaborator who opened the campaign and reviews the forms sent. */
  sppis: { personId: string; sessionId: string };
  /** Centre 0's « Aide alimentaire » form of the campaign (null if the campaign did not open). */
  ruFormId: string | null;
  campaignId: string | null;
  counts: Record<string, number>;
};

const ONEM_EMAIL = "onem@national.bench.onem.be";
const SPPIS_EMAIL = "sppis@national.bench.mi-is.be";

const BATCH = 10_000;

async function auditEvents(client: pg.Client, centres: { eid: string; people: string[] }[]): Promise<void> {
  // Time runs forward over the last 365 days; event i belongs to centre i mod 580, so ids follow
  // time in every centre (the security log pages by id) and each centre's chain grows in turn.
  const heads = centres.map(() => ({ seq: 0n, hash: GENESIS_HASH }));
  const start = Date.now() - 365 * 86_400_000;
  const step = (365 * 86_400_000) / SIZE.auditEvents;
  const ACTIONS = [
    "auth.sign_in",
    "auth.sign_in",
    "auth.sign_in",
    "auth.sign_out",
    "auth.sign_in_failed",
    "access.right_granted",
    "c607.request_sent",
    "auth.session_ended",
  ];
  // One batch is inserted while Node hashes the next one (two cores: PostgreSQL and Node).
  let inFlight: Promise<unknown> = Promise.resolve();
  for (let from = 0; from < SIZE.auditEvents; from += BATCH) {
    const cols = {
      occurredAt: [] as string[],
      actorId: [] as string[],
      entityId: [] as string[],
      action: [] as string[],
      targetType: [] as (string | null)[],
      targetId: [] as (string | null)[],
      after: [] as (string | null)[],
      ip: [] as string[],
      userAgent: [] as string[],
      chainKey: [] as string[],
      seq: [] as string[],
      prevHash: [] as string[],
      hash: [] as string[],
    };
    for (let i = from; i < Math.min(SIZE.auditEvents, from + BATCH); i++) {
      const c = i % SIZE.centres;
      const centre = centres[c]!;
      const actor = centre.people[Math.floor(i / SIZE.centres) % centre.people.length]!;
      const action = ACTIONS[i % ACTIONS.length]!;
      const granted = action === "access.right_granted";
      const event: HashableEvent = {
        occurredAt: new Date(Math.floor(start + i * step)),
        actorId: actor,
        entityId: centre.eid,
        action,
        targetType: granted ? "Person" : null,
        targetId: granted ? actor : null,
        before: null,
        after: granted ? { rightCode: "AGENT_SOCIAL" } : null,
        ip: `10.${c % 256}.${(i >> 8) % 256}.${i % 256}`,
        userAgent: "Mozilla/5.0 (banc d'essai national)",
      };
      const head = heads[c]!;
      const seq = head.seq + 1n;
      const hash = hashEvent(head.hash, event, { chainKey: centre.eid, seq });
      cols.occurredAt.push(event.occurredAt.toISOString());
      cols.actorId.push(actor);
      cols.entityId.push(centre.eid);
      cols.action.push(action);
      cols.targetType.push(event.targetType);
      cols.targetId.push(event.targetId);
      cols.after.push(event.after === null ? null : JSON.stringify(event.after));
      cols.ip.push(event.ip!);
      cols.userAgent.push(event.userAgent!);
      cols.chainKey.push(centre.eid);
      cols.seq.push(seq.toString());
      cols.prevHash.push(head.hash);
      cols.hash.push(hash);
      heads[c] = { seq, hash };
    }
    await inFlight;
    inFlight = client.query(
      `INSERT INTO "AuditEvent" ("occurredAt", "actorId", "entityId", action, "targetType", "targetId", after, ip, "userAgent", "chainKey", seq, "prevHash", hash)
       SELECT * FROM unnest($1::timestamp[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::text[], $9::text[], $10::text[], $11::bigint[], $12::text[], $13::text[])`,
      Object.values(cols),
    );
  }
  await inFlight;
  await client.query(
    `INSERT INTO "AuditChainHead" ("chainKey", seq, hash, "updatedAt") SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::timestamptz[])
     ON CONFLICT ("chainKey") DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash`,
    [centres.map((c) => c.eid), heads.map((h) => h.seq.toString()), heads.map((h) => h.hash), centres.map(() => new Date().toISOString())],
  );
}

async function session(personId: string): Promise<string> {
  return db.$transaction((tx) => createSession(tx, { personId, ip: "127.0.0.1", userAgent: "bench" }));
}

/** Builds the whole dataset in an empty, migrated database (bench/national.sh resets it first). */
export async function buildNational(databaseUrl: string, log: (s: string) => void): Promise<void> {
  await db.$transaction((tx) => ensureCatalogue(tx));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const t = Date.now();
  const done = (what: string) => log(`  ${what} (${((Date.now() - t) / 1000).toFixed(0)} s)`);
  try {
    await client.query("SET synchronous_commit = off");
    // Centres (valid BCE numbers 03000000xx…), each with an active Action Sociale quality.
    await client.query(`CREATE TEMP TABLE c AS
      SELECT g AS idx, gen_random_uuid() AS eid, gen_random_uuid() AS qid,
             lpad((3000000 + g)::text, 8, '0') || lpad((97 - (3000000 + g) % 97)::text, 2, '0') AS bce
      FROM generate_series(0, ${SIZE.centres - 1}) g`);
    await client.query(`INSERT INTO "Entity" (id, kind, name, "bceNumber", "updatedAt")
      SELECT eid, 'CPAS', 'CPAS national ' || lpad(idx::text, 3, '0'), bce, now() FROM c`);
    await client.query(`INSERT INTO "Quality" (id, "entityId", type, identifier, "isActive", "activatedAt", "updatedAt")
      SELECT qid, eid, 'ACTION_SOCIALE', bce, true, now(), now() FROM c`);
    // People: person g is centre g mod 580's number k = g div 580. k = 0 is the RAE, k = 1 the GL
    // (and DPD), k = 2 the security advisor; everyone holds Agent social, one in three also the e-Box.
    await client.query(`CREATE TEMP TABLE p AS
      SELECT g AS idx, g % ${SIZE.centres} AS cidx, g / ${SIZE.centres} AS k, gen_random_uuid() AS pid
      FROM generate_series(0, ${SIZE.people - 1}) g`);
    await client.query(`INSERT INTO "Person" (id, "entityId", "firstName", "lastName", email, status, "updatedAt")
      SELECT p.pid, c.eid, 'Prénom' || p.k, 'Nom' || p.k, 'p' || p.idx || '@national.bench.cpas.be', 'ACTIVE', now() FROM p JOIN c ON c.idx = p.cidx`);
    await client.query(`INSERT INTO "RoleAssignment" (id, "personId", role, "entityId", "qualityId")
      SELECT gen_random_uuid(), p.pid, CASE p.k WHEN 0 THEN 'RAE'::"RoleKind" ELSE 'GL'::"RoleKind" END, c.eid, CASE p.k WHEN 0 THEN NULL ELSE c.qid END
      FROM p JOIN c ON c.idx = p.cidx WHERE p.k IN (0, 1)`);
    await client.query(`UPDATE "Entity" e SET "dpdPersonId" = p.pid FROM p JOIN c ON c.idx = p.cidx WHERE e.id = c.eid AND p.k = 1`);
    await client.query(`INSERT INTO "RightGrant" (id, "personId", "rightCode", "entityId", "qualityId")
      SELECT gen_random_uuid(), p.pid, r.code, c.eid, c.qid FROM p JOIN c ON c.idx = p.cidx
      CROSS JOIN LATERAL (VALUES ('AGENT_SOCIAL'), (CASE WHEN p.k % 3 = 0 THEN 'EBOX_INSTITUTION' END), (CASE WHEN p.k = 2 THEN 'CONSEILLER_SECURITE' END)) r(code)
      WHERE r.code IS NOT NULL`);
    done(`${SIZE.centres} centres, ${SIZE.people} personnes, rôles et droits`);

    // Workers (sealed NISS, unique within a centre) and one Article 60 §7 contract each.
    const niss = Array.from({ length: Math.ceil(SIZE.workers / SIZE.centres) }, (_, k) => nissFor(k));
    await client.query(`CREATE TEMP TABLE w AS
      SELECT g AS idx, g % ${SIZE.centres} AS cidx, g / ${SIZE.centres} AS k, gen_random_uuid() AS wid, gen_random_uuid() AS kid
      FROM generate_series(0, ${SIZE.workers - 1}) g`);
    await client.query(
      `INSERT INTO "Worker" (id, "entityId", "nissEncrypted", "nissBlindIndex", "firstName", "lastName", "updatedAt")
       SELECT w.wid, c.eid, ($1::text[])[w.k + 1], ($2::text[])[w.k + 1], 'Travailleur' || w.k, 'Nom' || w.k, now() FROM w JOIN c ON c.idx = w.cidx`,
      [niss.map((n) => seal(n)), niss.map((n) => blindIndex(n))],
    );
    await client.query(`INSERT INTO "Contract" (id, "entityId", "workerId", kind, "startDate", "plannedEndDate", "updatedAt")
      SELECT w.kid, c.eid, w.wid, 'ART_60_7', date '2025-01-01' + (w.k % 300), date '2026-01-01' + (w.k % 300), now() FROM w JOIN c ON c.idx = w.cidx`);
    done(`${SIZE.workers} travailleurs et contrats`);

    // C60.7 requests: request n is on contract n mod 100,000; the status mix of a year (as in
    // bench/c607-queue-fixture.ts): most answered long ago, some waiting for ONEM, a few drafts.
    const requestIndexes = await withoutIndexes(client, ["C607Request", "C607Event"], async () => {
      await client.query(`CREATE TEMP TABLE r AS
      SELECT n, w.cidx, w.wid, w.kid, gen_random_uuid() AS rid,
        CASE WHEN n % 100 < 70 THEN 'CALCULATED' WHEN n % 100 < 78 THEN 'DRAFT' WHEN n % 100 < 88 THEN 'SENT'
             WHEN n % 100 < 95 THEN 'IN_PROGRESS' WHEN n % 100 < 98 THEN 'COMPLEMENT_REQUESTED' ELSE 'REFUSED' END::"C607Status" AS status,
        CASE WHEN n % 100 < 70 THEN 20 + n % 330 WHEN n % 100 < 78 THEN n % 30 WHEN n % 100 < 95 THEN n % 12
             WHEN n % 100 < 98 THEN n % 20 ELSE 20 + n % 200 END AS days_ago
      FROM generate_series(0, ${SIZE.requests - 1}) n JOIN w ON w.idx = n % ${SIZE.workers}`);
      await client.query(`INSERT INTO "C607Request" (id, reference, "entityId", "workerId", "contractId", status, "createdById", "createdAt", "updatedAt", "sentAt", deadline)
      SELECT r.rid, 'C607-2025-' || lpad((r.n + 1)::text, 7, '0'), c.eid, r.wid, r.kid, r.status, p.pid,
        now() - r.days_ago * interval '1 day' - interval '1 hour', now(),
        CASE WHEN r.status = 'DRAFT' THEN NULL ELSE now() - r.days_ago * interval '1 day' - interval '30 minutes' END,
        CASE WHEN r.status = 'DRAFT' THEN NULL ELSE (now() - r.days_ago * interval '1 day')::date + 7 END
      FROM r JOIN c ON c.idx = r.cidx JOIN p ON p.cidx = r.cidx AND p.k = 3`);
      await client.query(`INSERT INTO "C607Event" (id, "requestId", at, "actorId", kind, "fromStatus", "toStatus")
      SELECT gen_random_uuid(), q.id, q."createdAt", q."createdById", 'created', NULL::"C607Status", 'DRAFT'::"C607Status" FROM "C607Request" q
      UNION ALL
      SELECT gen_random_uuid(), q.id, q."sentAt", q."createdById", 'sent', 'DRAFT'::"C607Status", 'SENT'::"C607Status" FROM "C607Request" q WHERE q."sentAt" IS NOT NULL`);
    });
    done(`${SIZE.requests} demandes C60.7 et leur historique (index refaits en ${requestIndexes.toFixed(0)} s)`);

    const rows = await client.query<{ eid: string; people: string[] }>(
      `SELECT c.eid, array_agg(p.pid ORDER BY p.k) AS people FROM c JOIN p ON p.cidx = c.idx GROUP BY c.idx, c.eid ORDER BY c.idx`,
    );
    const auditIndexes = await withoutIndexes(client, ["AuditEvent"], () => auditEvents(client, rows.rows));
    done(`${SIZE.auditEvents} événements d'audit en ${SIZE.centres} chaînes (index refaits en ${auditIndexes.toFixed(0)} s)`);

    // As a live system's tables are: statistics for the planner, visibility map for index-only scans.
    await client.query("VACUUM (ANALYZE)");
    done("VACUUM (ANALYZE)");
  } finally {
    await client.end();
  }
  await finishNational(databaseUrl, log);
}

/** Centre 0 (found by its name, so a dataset built earlier serves too): its entity, Action Sociale quality and first person. */
async function findCentre0(client: pg.Client) {
  const { rows } = await client.query<{ eid: string; qid: string; pid: string }>(
    `SELECT e.id AS eid, q.id AS qid, p.id AS pid FROM "Entity" e JOIN "Quality" q ON q."entityId" = e.id AND q.type = 'ACTION_SOCIALE'
     JOIN "Person" p ON p."entityId" = e.id AND p."lastName" = 'Nom0' WHERE e.name = 'CPAS national 000'`,
  );
  return rows[0]!;
}

/**
 * The people the benchmark signs in as, and the campaign; also run alone on a dataset already
 * built (BENCH_NATIONAL_REUSE=1 bench/national.sh): it finds centre 0 by its name.
 */
export async function finishNational(databaseUrl: string, log: (s: string) => void): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const t = Date.now();
  const done = (what: string) => log(`  ${what} (${((Date.now() - t) / 1000).toFixed(0)} s)`);
  try {
    const centre0 = await findCentre0(client);
    // The measured people: centre 0's RAE also GL, DPD, security advisor and Rapport unique member;
    // an ONEM collaborator; an SPP IS collaborator who opens the Rapport unique campaign (one form
    // per centre and subsidy). Run again on the same data (REUSE), it adds nothing twice.
    await client.query(
      `INSERT INTO "RoleAssignment" (id, "personId", role, "entityId", "qualityId") SELECT gen_random_uuid(), $1, 'GL', $2, $3
       WHERE NOT EXISTS (SELECT 1 FROM "RoleAssignment" WHERE "personId" = $1 AND role = 'GL')`,
      [centre0.pid, centre0.eid, centre0.qid],
    );
    for (const right of ["CONSEILLER_SECURITE", "RU_MEMBRE_PERSONNEL"]) {
      await client.query(
        `INSERT INTO "RightGrant" (id, "personId", "rightCode", "entityId", "qualityId") SELECT gen_random_uuid(), $1, $4, $2, $3
         WHERE NOT EXISTS (SELECT 1 FROM "RightGrant" WHERE "personId" = $1 AND "rightCode" = $4 AND "revokedAt" IS NULL)`,
        [centre0.pid, centre0.eid, centre0.qid, right],
      );
    }
    await db.$transaction(async (tx) => {
      const entity = await ensureEntity(tx, { name: "ONEM (banc national)", bce: "0100000070", kind: "ONEM" });
      const person = await ensurePerson(tx, { entityId: entity.id, email: ONEM_EMAIL, firstName: "Collaborateur", lastName: "ONEM" });
      await ensureRole(tx, { personId: person.id, role: "ONEM_COLLABORATOR", entityId: entity.id });
      return person;
    });
    const sppis = await db.$transaction(async (tx) => {
      const entity = await ensureEntity(tx, { name: "SPP IS (banc national)", bce: "0100000169", kind: "SPP_IS" });
      const person = await ensurePerson(tx, { entityId: entity.id, email: SPPIS_EMAIL, firstName: "Collaborateur", lastName: "SPP IS" });
      await ensureRole(tx, { personId: person.id, role: "SPPIS_COLLABORATOR", entityId: entity.id });
      return person;
    });
    const sppisActor = await loadActor(await session(sppis.id), { touch: false });
    if (!sppisActor) throw new Error("Collaborateur SPP IS non chargé.");
    const year = new Date().getUTCFullYear() - 1;
    // The portal's own function, in one interactive transaction (the portal's limit, 10 s). Before
    // its forms were written with one INSERT … SELECT it did not fit at 580 centres; if it fails
    // again, the run goes on without the campaign and says so.
    if (!(await db.ruCampaign.findUnique({ where: { year } }))) {
      const t0 = Date.now();
      try {
        await openCampaign({ ctx: { actor: sppisActor, meta: { ip: "127.0.0.1", userAgent: "bench" } }, input: { year, deadline: `${year + 1}-06-30` } });
        done(`campagne Rapport unique ${year} ouverte en ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      } catch (e) {
        const last = (e as Error).message.split("\n").filter(Boolean).at(-1);
        log(`  ÉCHEC de l'ouverture de la campagne ${year} après ${((Date.now() - t0) / 1000).toFixed(1)} s : ${last}`);
      }
    }
    // Mid-campaign: every third centre has sent its five forms (the SPP IS reviewer's list), the
    // others, centre 0 among them, are still encoding. Sent at 09:00 on one of the last 60 days.
    await client.query(
      `UPDATE "RuForm" f SET status = 'SENT', "readyAt" = s.at, "sentAt" = s.at, "updatedAt" = s.at
       FROM (SELECT e.id, date_trunc('day', now() AT TIME ZONE 'UTC') - (substring(e.name from '[0-9]+$')::int % 60) * interval '1 day' + interval '9 hours' AS at
             FROM "Entity" e WHERE e.kind = 'CPAS' AND substring(e.name from '[0-9]+$')::int % 3 = 1) s
       WHERE f."entityId" = s.id AND f.status = 'DRAFT'`,
    );
    await client.query("ANALYZE");
  } finally {
    await client.end();
  }
}

/** The counts, the measured people's sessions and centre 0's form, on a dataset built and finished. */
export async function measuredPeople(databaseUrl: string): Promise<NationalFixture> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const centre0 = await findCentre0(client);
    const byEmail = async (email: string) => (await client.query<{ id: string }>(`SELECT id FROM "Person" WHERE email = $1`, [email])).rows[0]!.id;
    const [onem, sppis] = [await byEmail(ONEM_EMAIL), await byEmail(SPPIS_EMAIL)];
    const form = (
      await client.query<{ id: string; campaignId: string }>(
        `SELECT f.id, f."campaignId" FROM "RuForm" f JOIN "RuCampaign" c ON c.id = f."campaignId"
         WHERE f."entityId" = $1 AND f."formCode" = 'AIDE_ALIMENTAIRE' ORDER BY c.year DESC LIMIT 1`,
        [centre0.eid],
      )
    ).rows[0];
    const counts: Record<string, number> = {};
    for (const table of ["Entity", "Person", "RoleAssignment", "RightGrant", "Worker", "Contract", "C607Request", "C607Event", "AuditEvent", "RuForm"]) {
      counts[table] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`)).rows[0]!.n);
    }
    counts.RuFormSent = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "RuForm" WHERE status = 'SENT'`)).rows[0]!.n);
    return {
      centre0: { entityId: centre0.eid, qualityId: centre0.qid },
      manager: { personId: centre0.pid, sessionId: await session(centre0.pid) },
      onem: { personId: onem, sessionId: await session(onem) },
      sppis: { personId: sppis, sessionId: await session(sppis) },
      ruFormId: form?.id ?? null,
      campaignId: form?.campaignId ?? null,
      counts,
    };
  } finally {
    await client.end();
  }
}
