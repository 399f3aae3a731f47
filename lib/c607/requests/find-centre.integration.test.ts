import { randomUUID } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { blindIndex, seal } from "@/lib/crypto/keys";
import { db } from "@/lib/db/client";
import { countQueries } from "@/lib/db/query-counter";
import { isAppError } from "@/lib/errors/app-error";
import type { C607Status } from "@/lib/generated/prisma/enums";
import { ensureEntity } from "@/lib/seed/builders";
import { createPerson, randomBce } from "@/tests/fixtures/people";

import type { C607Context } from "./context";
import { centreById, findSendingCentre } from "./find-centre";
import { cpasAgent, onemCollaborator } from "./test-fixtures";

// The ONEM queue's typed centre filter (issue 15, goal 3) on real PostgreSQL. Centres are made with
// a random tag in their names, so that the other test files' centres (same database) never match.
// Expectations written by hand from docs/c607.md, « Centre filter »: an enterprise number with or
// without dots; a part of the name whatever the case, accents, hyphens and apostrophes; only
// centres that sent a request; a name typed whole wins over longer names holding it.

const TAG = `zq${randomUUID().slice(0, 6)}`;
type Centre = { id: string; name: string; bceNumber: string };

/**
 * A CPAS whose requests have these statuses, all for its one worker and contract. One worker per
 * centre, its blind index that of its NISS: several workers of one centre with the same NISS under
 * made-up indexes collided once keys:rotate (rotate-keys.integration.test.ts, same database) gave
 * them their real index.
 */
async function centre(name: string, statuses: C607Status[], bce = randomBce()): Promise<Centre> {
  const entity = await db.$transaction((tx) => ensureEntity(tx, { name, bce }));
  const person = await createPerson(entity.id, { label: "auteur" });
  const worker = await db.worker.create({
    data: { entityId: entity.id, nissEncrypted: seal("85073003328"), nissBlindIndex: blindIndex("85073003328"), firstName: "Filtre", lastName: "Centre" },
  });
  const contract = await db.contract.create({
    data: { entityId: entity.id, workerId: worker.id, kind: "ART_60_7", startDate: new Date("2026-12-01"), plannedEndDate: new Date("2027-06-30") },
  });
  for (const [n, status] of statuses.entries()) {
    const sent = status !== "DRAFT";
    await db.c607Request.create({
      data: {
        reference: `FC-${randomUUID().slice(0, 13)}-${n}`,
        entityId: entity.id,
        workerId: worker.id,
        contractId: contract.id,
        status,
        createdById: person.id,
        sentAt: sent ? new Date("2026-11-20T09:00:00Z") : null,
        deadline: sent ? new Date("2026-11-27") : null,
      },
    });
  }
  return { id: entity.id, name: entity.name, bceNumber: entity.bceNumber };
}

let onem: C607Context;
let remy: Centre;
let remacle: Centre;
let ecaussinnes: Centre;
let hal: Centre;
let halle: Centre;
let silent: Centre;

beforeAll(async () => {
  onem = await onemCollaborator();
  remy = await centre(`CPAS de Saint-Rémy-Geest ${TAG}`, ["SENT"]);
  remacle = await centre(`CPAS de Saint-Remacle ${TAG}`, ["CALCULATED", "DRAFT"]);
  ecaussinnes = await centre(`OCMW d'Écaussinnes ${TAG}`, ["IN_PROGRESS"]);
  hal = await centre(`${TAG} OCMW Hal`, ["SENT"]);
  halle = await centre(`${TAG} OCMW Halle`, ["REFUSED"]);
  // Only a draft: ONEM never saw anything from this centre.
  silent = await centre(`CPAS Sans Envoi ${TAG}`, ["DRAFT"]);
});

const one = (c: Centre) => ({ kind: "one", centre: c });

describe("findSendingCentre: an enterprise number", () => {
  it("finds the centre written with dots, without, with spaces or with BE", async () => {
    const d = remy.bceNumber;
    const dotted = `${d.slice(0, 4)}.${d.slice(4, 7)}.${d.slice(7)}`;
    for (const text of [dotted, d, `  ${d.slice(0, 4)} ${d.slice(4, 7)} ${d.slice(7)} `, `BE ${dotted}`, `be${d}`]) {
      expect(await findSendingCentre({ ctx: onem, text }), text).toEqual(one(remy));
    }
  });

  it("says so when no CPAS has the number", async () => {
    // 0100.000.070 is well formed (97 − 1,000,000 mod 97 = 70); the fixtures' numbers start at 02.
    expect(await findSendingCentre({ ctx: onem, text: "0100.000.070" })).toEqual({ kind: "none" });
  });

  it("refuses ten digits whose check digits are wrong, without a query", async () => {
    const wrong = `${remy.bceNumber.slice(0, 8)}${String((Number(remy.bceNumber.slice(8)) % 97) + 1).padStart(2, "0")}`;
    const { result, queries } = await countQueries(() => findSendingCentre({ ctx: onem, text: wrong }));
    expect(result).toEqual({ kind: "invalid", message: "i18n:validation.bce.checkDigits" });
    expect(queries).toBe(0);
    expect(await findSendingCentre({ ctx: onem, text: "2123456789" })).toEqual({ kind: "invalid", message: "i18n:validation.bce.format" });
  });

  it("names a CPAS that sent nothing instead of filtering on it", async () => {
    expect(await findSendingCentre({ ctx: onem, text: silent.bceNumber })).toEqual({ kind: "notSending", centre: silent });
  });

  it("is one statement", async () => {
    expect((await countQueries(() => findSendingCentre({ ctx: onem, text: remy.bceNumber }))).queries).toBe(1);
  });
});

describe("findSendingCentre: a part of the name", () => {
  it("ignores case, accents, hyphens and apostrophes", async () => {
    expect(await findSendingCentre({ ctx: onem, text: `rémy geest ${TAG}` })).toEqual(one(remy));
    expect(await findSendingCentre({ ctx: onem, text: `SAINT-REMY-GEEST ${TAG.toUpperCase()}` })).toEqual(one(remy));
    expect(await findSendingCentre({ ctx: onem, text: `ecaussinnes ${TAG}` })).toEqual(one(ecaussinnes));
    expect(await findSendingCentre({ ctx: onem, text: `d’ÉCAUSSINNES ${TAG}` })).toEqual(one(ecaussinnes));
    expect(await findSendingCentre({ ctx: onem, text: `  OCMW   d Ecaussinnes  ${TAG} ` })).toEqual(one(ecaussinnes));
  });

  it("lists the candidates by name when several centres match", async () => {
    // Two of this file's centres are « Saint-Re… » (centres of other files may be too): several.
    expect(await findSendingCentre({ ctx: onem, text: "SAINT-re" })).toMatchObject({ kind: "several" });
    // The tag: the five centres that sent something, by name (« CPAS de Saint-Remacle » before
    // « CPAS de Saint-Rémy-Geest »: a < y); the silent centre is not a candidate.
    expect(await findSendingCentre({ ctx: onem, text: TAG })).toEqual({ kind: "several", candidates: [remacle, remy, ecaussinnes, hal, halle], more: false });
  });

  it("prefers the name typed whole over longer names that contain it", async () => {
    expect(await findSendingCentre({ ctx: onem, text: `${TAG} ocmw hal` })).toEqual(one(hal));
    expect(await findSendingCentre({ ctx: onem, text: `${TAG} OCMW Halle` })).toEqual(one(halle));
    expect(await findSendingCentre({ ctx: onem, text: `${TAG} ocmw ha` })).toEqual({ kind: "several", candidates: [hal, halle], more: false });
  });

  it("leaves out the centres that never sent a request", async () => {
    expect(await findSendingCentre({ ctx: onem, text: `sans envoi ${TAG}` })).toEqual({ kind: "none" });
    expect(await findSendingCentre({ ctx: onem, text: `nulle part ${TAG}` })).toEqual({ kind: "none" });
  });

  it("shows ten candidates at most and says that more match", async () => {
    const many = `zm${randomUUID().slice(0, 6)}`;
    for (let k = 0; k < 11; k++) await centre(`CPAS ${many} ${String.fromCharCode(97 + k)}`, ["SENT"]);
    const r = await findSendingCentre({ ctx: onem, text: many });
    expect(r.kind).toBe("several");
    if (r.kind !== "several") return;
    expect(r.more).toBe(true);
    // By name: a … j; k is the eleventh.
    expect(r.candidates.map((c) => c.name)).toEqual("abcdefghij".split("").map((l) => `CPAS ${many} ${l}`));
  });

  it("refuses control characters and overlong text without a query", async () => {
    const nul = await countQueries(() => findSendingCentre({ ctx: onem, text: "CPAS\u0000x" }));
    expect(nul.result).toEqual({ kind: "invalid", message: expect.stringContaining("i18n:validation.text.unsafe") });
    expect(nul.queries).toBe(0);
    expect(await findSendingCentre({ ctx: onem, text: "x".repeat(101) })).toEqual({
      kind: "invalid",
      message: expect.stringContaining("i18n:validation.text.tooLong"),
    });
    // SQL's LIKE wildcards are plain characters here (strpos, not LIKE).
    expect(await findSendingCentre({ ctx: onem, text: `%${TAG}` })).toEqual({ kind: "none" });
    expect(await findSendingCentre({ ctx: onem, text: `_ocmw hal` })).toEqual({ kind: "none" });
  });
});

describe("centreById and the side", () => {
  it("names the centre the queue is filtered on; null for an id that is no CPAS", async () => {
    expect(await centreById({ ctx: onem, id: remy.id })).toEqual(remy);
    expect(await centreById({ ctx: onem, id: randomUUID() })).toBeNull();
    expect(await centreById({ ctx: onem, id: onem.actor.entityId })).toBeNull(); // the ONEM's own entity
  });

  it("is ONEM's only", async () => {
    const { ctx } = await cpasAgent();
    for (const call of [() => findSendingCentre({ ctx, text: remy.bceNumber }), () => centreById({ ctx, id: remy.id })]) {
      const error = await call().catch((e: unknown) => e);
      expect(isAppError(error) && error.code).toBe("FORBIDDEN");
    }
  });
});
