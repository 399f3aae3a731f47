import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/access/actor";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { localize } from "@/lib/i18n/translator";

import { ZCreateContract, type TCreateContract } from "./contracts/contract-schema";
import { createContract } from "./contracts/create-contract";
import { getContract } from "./contracts/get-contract";
import { importContracts } from "./contracts/import-contracts";
import { listContracts } from "./contracts/list-contracts";
import { updateContract } from "./contracts/update-contract";
import { buildForemFile } from "./export/build-forem-file";
import { listEndedContracts } from "./export/list-ended-contracts";
import { listTransmissions } from "./export/list-transmissions";
import { recordTransmission } from "./export/record-transmission";
import { centreWithStaff, META } from "./testing/actors";
import { uniqueNiss } from "./testing/make-niss";

afterAll(() => db.$disconnect());

const Q1 = { from: "2026-01-01", to: "2026-03-31" };

function input(o: Partial<Record<keyof TCreateContract, string>> & { niss: string }): TCreateContract {
  return ZCreateContract.parse({
    firstName: "Awa",
    lastName: "Diallo",
    kind: "ART_60_7",
    startDate: "2025-01-06",
    plannedEndDate: "2026-01-05",
    regime: "FULL_TIME",
    ...o,
  });
}

const dump = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? x.toString() : x));

async function expectNotFound(p: Promise<unknown>) {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error) && error.code).toBe("NOT_FOUND");
}

let a: Awaited<ReturnType<typeof centreWithStaff>>;
let b: Awaited<ReturnType<typeof centreWithStaff>>;

beforeAll(async () => {
  [a, b] = await Promise.all([centreWithStaff(), centreWithStaff()]);
});

describe("contracts register", () => {
  it("keeps one worker per NISS and centre, and audits every change without the NISS", async () => {
    const niss = uniqueNiss();
    const c1 = await createContract({ actor: a.agent, input: input({ niss }), meta: META });
    const c2 = await createContract({
      actor: a.gl,
      input: input({ niss, kind: "ART_61", employerName: "Boulangerie", startDate: "2026-02-01", plannedEndDate: "2026-12-31" }),
      meta: META,
    });
    expect(c2.workerId).toBe(c1.workerId);
    // The same NISS in another centre is another worker.
    const c3 = await createContract({ actor: b.agent, input: input({ niss }), meta: META });
    expect(c3.workerId).not.toBe(c1.workerId);
    const worker = await db.worker.findUniqueOrThrow({ where: { id: c1.workerId } });
    expect(worker.nissEncrypted).not.toContain(niss);
    const events = await db.auditEvent.findMany({ where: { targetId: { in: [c1.id, c2.id, c1.workerId] } } });
    expect(events.map((e) => e.action).sort()).toEqual(["contract.created", "contract.created", "worker.created"]);
    expect(dump(events)).not.toContain(niss);

    await expect(createContract({ actor: a.agent, input: input({ niss }), meta: META })).rejects.toMatchObject({ code: "CONFLICT" });
    const updated = await updateContract({ actor: a.agent, input: { id: c1.id, ...input({ niss, actualEndDate: "2025-12-19" }) }, meta: META });
    expect(updated.actualEndDate?.toISOString().slice(0, 10)).toBe("2025-12-19");
    const update = await db.auditEvent.findFirstOrThrow({ where: { targetId: c1.id, action: "contract.updated" } });
    expect(update.before).toMatchObject({ actualEndDate: null });
    expect(update.after).toMatchObject({ actualEndDate: "2025-12-19" });
  });

  it("is reached only by holders of Agent Social (or the GL) of the same centre", async () => {
    const c = await createContract({ actor: a.agent, input: input({ niss: uniqueNiss() }), meta: META });
    for (const actor of [a.other, a.rae, a.exchanger]) {
      await expectNotFound(listContracts({ actor }));
      await expectNotFound(createContract({ actor, input: input({ niss: uniqueNiss() }), meta: META }));
      await expectNotFound(listEndedContracts({ actor, period: Q1 }));
      await expectNotFound(listTransmissions({ actor }));
    }
    expect((await listContracts({ actor: a.gl })).rows.some((r) => r.id === c.id)).toBe(true);
    // Another centre's agent: the id does not exist for them.
    expect(await getContract({ actor: b.agent, id: c.id })).toBeNull();
    await expectNotFound(updateContract({ actor: b.agent, input: { id: c.id, ...input({ niss: uniqueNiss() }) }, meta: META }));
    expect((await listContracts({ actor: b.agent })).rows.some((r) => r.id === c.id)).toBe(false);
  });

  it("finds a worker by full NISS through the blind index, or by last name", async () => {
    const niss = uniqueNiss();
    await createContract({ actor: a.agent, input: input({ niss, lastName: "Zyxwvu" }), meta: META });
    expect((await listContracts({ actor: a.agent, query: niss })).rows.map((r) => r.workerName)).toEqual(["Zyxwvu Awa"]);
    expect((await listContracts({ actor: a.agent, query: "zyxw" })).total).toBe(1);
  });
});

describe("FOREM file", () => {
  it("lists only this centre's contracts that ended in the period, bounds included, and reads back as three typed columns", async () => {
    const { agent } = await centreWithStaff();
    const mk = (actualEndDate: string | undefined, niss = uniqueNiss()) =>
      createContract({
        actor: agent,
        input: input({ niss, startDate: "2025-01-01", plannedEndDate: "2026-06-30", ...(actualEndDate ? { actualEndDate } : {}) }),
        meta: META,
      });
    await mk("2025-12-31");
    const first = await mk("2026-01-01");
    const last = await mk("2026-03-31");
    await mk("2026-04-01");
    await mk(undefined); // still running, planned end outside: never listed
    await createContract({
      actor: b.agent,
      input: input({ niss: uniqueNiss(), startDate: "2025-01-01", plannedEndDate: "2026-06-30", actualEndDate: "2026-02-01" }),
      meta: META,
    });

    const rows = await listEndedContracts({ actor: agent, period: Q1 });
    expect(rows.map((r) => r.contractId)).toEqual([first.id, last.id]);

    const file = await buildForemFile({ actor: agent, period: Q1, meta: META });
    expect(file.rowCount).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes.buffer.slice(file.bytes.byteOffset, file.bytes.byteOffset + file.bytes.byteLength) as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.actualColumnCount).toBe(3);
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getCell("A2").type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell("A2").value).toBe(rows[0]!.niss);
    expect(sheet.getCell("C2").type).toBe(ExcelJS.ValueType.Date);
    expect((sheet.getCell("C3").value as Date).toISOString().slice(0, 10)).toBe("2026-03-31");
    const built = await db.auditEvent.findFirstOrThrow({ where: { actorId: agent.personId, action: "forem.file_built" } });
    expect(built.after).toMatchObject({ periodFrom: "2026-01-01", periodTo: "2026-03-31", rowCount: 2 });
    expect(dump(built)).not.toContain(rows[0]!.niss);

    await expect(buildForemFile({ actor: agent, period: { from: "2020-01-01", to: "2020-12-31" }, meta: META })).rejects.toMatchObject({
      code: "UNPROCESSABLE",
    });
  });

  it("records a transmission with the row count recomputed by the server, audited, never a password", async () => {
    const { agent, gl } = await centreWithStaff();
    await createContract({ actor: agent, input: input({ niss: uniqueNiss(), actualEndDate: "2026-02-15" }), meta: META });
    const t = await recordTransmission({ actor: agent, input: { period: Q1, isConfirmed: true, sha256: "a".repeat(64) }, meta: META });
    expect(t).toMatchObject({ rowCount: 1, createdById: agent.personId, fileName: "forem-impulsion-2026-01-01-au-2026-03-31.xlsx.enc" });
    expect(await listTransmissions({ actor: gl })).toMatchObject([{ id: t.id, rowCount: 1, periodFrom: "2026-01-01", periodTo: "2026-03-31" }]);
    expect(await db.auditEvent.count({ where: { targetId: t.id, action: "forem.transmission_recorded" } })).toBe(1);
    expect(await listTransmissions({ actor: b.agent })).not.toContainEqual(expect.objectContaining({ id: t.id }));
    await expect(
      recordTransmission({ actor: agent, input: { period: { from: "2019-01-01", to: "2019-01-31" }, isConfirmed: true }, meta: META }),
    ).rejects.toMatchObject({ code: "UNPROCESSABLE" });
  });
});

describe("contracts import", () => {
  const header = "Numéro national;Nom;Prénom;Type;Début;Fin prévue;Fin effective;Employeur;Régime;Heures/semaine";
  const csv = (lines: string[]) => new TextEncoder().encode([header, ...lines].join("\n"));

  it("saves nothing when a line is refused, reports each line, then imports the corrected file in one go", async () => {
    const { agent } = await centreWithStaff();
    const [n1, n2] = [uniqueNiss(), uniqueNiss()];
    const bad = await importContracts({
      actor: agent,
      fileName: "contrats.csv",
      meta: META,
      bytes: csv([`${n1};Martin;Léa;60§7;06/01/2025;05/01/2026;;;;`, `${n2};Peeters;An;61;01/02/2025;31/01/2026;;;;`]),
    });
    expect(bad).toMatchObject({ isImported: false, importedCount: 0, accepted: [2], refused: [{ line: 3 }] });
    // Reasons are catalogue references (issue 13): their French text, written by hand.
    expect(bad.refused[0]!.reasons.map((r) => localize("fr", r))).toEqual(["Article 61 : indiquez l'employeur tiers (utilisateur)."]);
    expect((await listContracts({ actor: agent })).total).toBe(0);

    const lines = [`${n1};Martin;Léa;60§7;06/01/2025;05/01/2026;;;;`, `${n2};Peeters;An;61;01/02/2025;31/01/2026;31/12/2025;Boulangerie;temps partiel;19,5`];
    const good = await importContracts({ actor: agent, fileName: "contrats.csv", meta: META, bytes: csv(lines) });
    expect(good).toMatchObject({ isImported: true, importedCount: 2, refused: [] });
    expect((await listContracts({ actor: agent })).total).toBe(2);
    expect(await db.auditEvent.count({ where: { actorId: agent.personId, action: "contract.imported" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { actorId: agent.personId, action: "contract.created" } })).toBe(2);

    // Same file again: every line already exists; a known NISS under another name is refused too.
    const again = await importContracts({
      actor: agent,
      fileName: "contrats.csv",
      meta: META,
      bytes: csv([...lines, `${n1};Autre;Nom;60§7;01/03/2026;28/02/2027;;;;`]),
    });
    expect(again.isImported).toBe(false);
    expect(again.refused.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(localize("fr", again.refused[0]!.reasons[0]!)).toBe("Ce contrat est déjà enregistré (même travailleur, même type, même début).");
    expect(localize("fr", again.refused[2]!.reasons[0]!)).toBe(
      "Ce numéro national est enregistré sous un autre nom (Martin Léa) : vérifiez le numéro ou le nom.",
    );
    expect(localize("nl", again.refused[2]!.reasons[0]!)).toBe(
      "Dit rijksregisternummer is geregistreerd onder een andere naam (Martin Léa): controleer het nummer of de naam.",
    );
    expect((await listContracts({ actor: agent })).total).toBe(2);
  });

  it("reports a file-level problem and refuses an actor without the right", async () => {
    const { agent, other } = await centreWithStaff();
    const r = await importContracts({ actor: agent, fileName: "x.csv", meta: META, bytes: new TextEncoder().encode("a;b;c\n1;2;3") });
    expect(localize("fr", r.fileError!)).toBe("Colonnes obligatoires absentes de la première ligne : Numéro national, Nom, Prénom, Type, Début, Fin prévue.");
    await expectNotFound(importContracts({ actor: other as Actor, fileName: "x.csv", meta: META, bytes: csv([]) }));
  });
});
