import { randomUUID } from "node:crypto";

import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/access/actor";
import { localize, localizeFieldErrors } from "@/lib/i18n/translator";
import { loadActor } from "@/lib/auth/load-actor";
import { createSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { ensureEntity, ensureGrant, ensureRole } from "@/lib/seed/builders";
import { createCentre, createPerson, randomBce } from "@/tests/fixtures/people";

import type { RuContext } from "./access";
import { importGrants } from "./grants-import";
import { importMeasure, measureTemplate, removeImport } from "./spreadsheet";
import { openCampaign, saveSection } from "./workflow";

// A measure justified by the spreadsheet for the whole measure, never mixed with online lines
// (mi-is.be FAQ), on the real PostgreSQL. Files are built like a person fills the portal's template.

afterAll(() => db.$disconnect());
const meta = { ip: "127.0.0.1", userAgent: "vitest" };
async function ctxOf(personId: string): Promise<RuContext> {
  const sid = await db.$transaction((tx) => createSession(tx, { personId, ip: null, userAgent: null }));
  return { actor: (await loadActor(sid, { touch: false })) as Actor, meta };
}
async function errorOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    // The French text a person reads (issue 13: messages are catalogue references).
    if (isAppError(e)) return { code: e.code, message: localize("fr", e.message), fieldErrors: localizeFieldErrors("fr", e.fieldErrors) };
    throw e;
  }
  throw new Error("expected an AppError");
}

let campaignId: string;
let sppis: RuContext;
beforeAll(async () => {
  const org = await db.$transaction((tx) => ensureEntity(tx, { name: `SPP IS ${randomUUID().slice(0, 6)}`, bce: randomBce(), kind: "SPP_IS" }));
  const p = await createPerson(org.id, { label: "sppis" });
  await db.$transaction((tx) => ensureRole(tx, { personId: p.id, role: "SPPIS_COLLABORATOR", entityId: org.id }));
  sppis = await ctxOf(p.id);
  const existing = await db.ruCampaign.findUnique({ where: { year: 2025 } });
  campaignId = existing?.id ?? (await openCampaign({ ctx: sppis, input: { year: 2025, deadline: "2099-06-30" } })).id;
});

async function memberOfNewCentre() {
  const { entity, quality } = await createCentre();
  const p = await createPerson(entity.id, { label: "membre" });
  await db.$transaction((tx) => ensureGrant(tx, { personId: p.id, rightCode: "RU_MEMBRE_PERSONNEL", entityId: entity.id, qualityId: quality.id }));
  const ctx = await ctxOf(p.id);
  const { cpasOverview } = await import("./queries");
  await cpasOverview(ctx, 2025);
  const form = await db.ruForm.findFirstOrThrow({ where: { campaignId, entityId: entity.id, formCode: "FRAIS_PERSONNEL" } });
  return { ctx, form };
}

/** The template of the measure, filled with these rows (as a person does in Excel). */
async function filled(ctx: RuContext, formId: string, section: string, rows: (string | number | Date)[][], header?: string[]) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await measureTemplate(ctx, { formId, section })).bytes.buffer as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  if (header) sheet.getRow(1).values = header;
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
const version = async (id: string) => (await db.ruForm.findUniqueOrThrow({ where: { id } })).version;

describe("Rapport unique — a measure by the spreadsheet", () => {
  it("imports the whole measure, then refuses online lines in it; withdrawn, the measure is free again", async () => {
    const { ctx, form } = await memberOfNewCentre();
    // 1 FTE all year 45 000,00 € + a function of 2 FTE from 1 July, 40 000,50 € = 85 000,50 €.
    const bytes = await filled(ctx, form.id, "PERSONNEL_NORMES", [
      ["P", "A. Dupont", "01/01/2025", "31/12/2025", 1, "45 000,00"],
      ["F", "Assistants sociaux", new Date("2025-07-01T00:00:00Z"), "31/12/2025", "2", 40000.5],
    ]);
    const r = await importMeasure({ ctx, input: { formId: form.id, version: form.version, section: "PERSONNEL_NORMES", fileName: "personnel.xlsx", bytes } });
    const after = await db.ruForm.findUniqueOrThrow({ where: { id: form.id } });
    const section = (after.content as { sections: Record<string, { mode: string; staff: { costCents: number; from: string }[] }> }).sections.PERSONNEL_NORMES!;
    expect(section.mode).toBe("SPREADSHEET");
    expect(section.staff.map((l) => [l.from, l.costCents])).toEqual([
      ["2025-01-01", 4_500_000],
      ["2025-07-01", 4_000_050],
    ]);
    expect(r.check.envelopes.find((e) => e.code === "NORMES")!.justifiedCents).toBe(8_500_050);

    const mix = await errorOf(
      saveSection({
        ctx,
        input: {
          formId: form.id,
          version: after.version,
          section: "PERSONNEL_NORMES",
          raw: { staff: [{ kind: "PERSON", label: "X", from: "2025-01-01", to: "2025-01-31", fte: "1", cost: "10" }] },
        },
      }),
    );
    expect(mix.message).toContain("soit en ligne, soit par le fichier tableur, jamais les deux");

    await removeImport({ ctx, input: { formId: form.id, version: after.version, section: "PERSONNEL_NORMES" } });
    const freed = await db.ruForm.findUniqueOrThrow({ where: { id: form.id } });
    expect((freed.content as { sections: Record<string, { mode: string | null; staff: unknown[] }> }).sections.PERSONNEL_NORMES).toMatchObject({
      mode: null,
      staff: [],
    });
  });

  it("refuses an import into a measure encoded online (never a mix), with the reason", async () => {
    const { ctx, form } = await memberOfNewCentre();
    const s = await saveSection({
      ctx,
      input: {
        formId: form.id,
        version: form.version,
        section: "PERSONNEL_ACCUEIL",
        raw: { staff: [{ kind: "PERSON", label: "Y", from: "2025-01-01", to: "2025-01-31", fte: "1", cost: "10" }] },
      },
    });
    const bytes = await filled(ctx, form.id, "PERSONNEL_ACCUEIL", [["P", "Z", "01/01/2025", "31/01/2025", 1, 10]]);
    const e = await errorOf(importMeasure({ ctx, input: { formId: form.id, version: s.version, section: "PERSONNEL_ACCUEIL", fileName: "a.xlsx", bytes } }));
    expect(e).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("est encodée en ligne (1 ligne)") });
  });

  it("refuses a file that is not the template, and names each bad row; nothing is kept", async () => {
    const { ctx, form } = await memberOfNewCentre();
    const other = await filled(ctx, form.id, "PERSONNEL_NORMES", [["P", "A", "01/01/2025", "31/12/2025", 1, 10]], ["Nom", "Prénom", "NISS"]);
    expect(
      (await errorOf(importMeasure({ ctx, input: { formId: form.id, version: form.version, section: "PERSONNEL_NORMES", fileName: "x.xlsx", bytes: other } })))
        .message,
    ).toContain("n'est pas le modèle de cette mesure");
    const bad = await filled(ctx, form.id, "PERSONNEL_NORMES", [
      ["P", "A", "01/01/2025", "31/12/2025", 1, 10],
      ["P", "B", "31/02/2025", "31/12/2025", 1, "dix euros"],
    ]);
    const e = await errorOf(
      importMeasure({ ctx, input: { formId: form.id, version: form.version, section: "PERSONNEL_NORMES", fileName: "x.xlsx", bytes: bad } }),
    );
    expect(e.message).toBe("Rien n'a été importé : 1 ligne du fichier à corriger.");
    expect(Object.keys(e.fieldErrors!)).toEqual(["ligne.3"]); // the page says « Ligne 3 du fichier »
    expect(e.fieldErrors!["ligne.3"]!.join(" ")).toMatch(/Date de début invalide.*Montant invalide/);
    // A workbook of a few hundred kilobytes that expands past 50 MB: refused before it is opened.
    const big = new ExcelJS.Workbook();
    big.addWorksheet("Mesure").addRow(["Personne ou fonction (P/F)", "a".repeat(56 * 1024 * 1024)]);
    const bomb = new Uint8Array(await big.xlsx.writeBuffer());
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    expect(
      (await errorOf(importMeasure({ ctx, input: { formId: form.id, version: form.version, section: "PERSONNEL_NORMES", fileName: "x.xlsx", bytes: bomb } })))
        .message,
    ).toContain("trop volumineux une fois décompressé");
    const text = new TextEncoder().encode("pas un classeur");
    expect(
      (await errorOf(importMeasure({ ctx, input: { formId: form.id, version: form.version, section: "PERSONNEL_NORMES", fileName: "x.xlsx", bytes: text } })))
        .code,
    ).toBe("UNPROCESSABLE");
    expect(await version(form.id)).toBe(form.version);
  });
});

describe("Rapport unique — amounts granted from a spreadsheet (SPP IS)", () => {
  const csv = (rows: string[][]) =>
    new TextEncoder().encode(
      [["Numéro d'entreprise du CPAS", "Formulaire (code)", "Enveloppe (code)", "Montant octroyé (€)"], ...rows].map((r) => r.join(";")).join("\r\n"),
    );

  it("records nothing when one row is refused, and says why row by row; then records every row", async () => {
    const { form } = await memberOfNewCentre();
    const bce = (await db.entity.findUniqueOrThrow({ where: { id: form.entityId } })).bceNumber;
    const bad = await importGrants({
      ctx: sppis,
      input: {
        year: 2025,
        fileName: "octrois.csv",
        bytes: csv([
          [bce, "FRAIS_PERSONNEL", "NORMES", "60 000,00"],
          [bce, "FRAIS_PERSONNEL", "INCONNUE", "1"],
          ["0000000097", "PIIS", "PIIS", "1"],
          [bce, "FRAIS_PERSONNEL", "ACCUEIL", "-5"],
          [bce, "FRAIS_PERSONNEL", "NORMES", "1"],
        ]),
      },
    });
    expect(bad.recorded).toBe(0);
    expect(bad.report.map((r) => [r.row, r.outcome, localize("fr", r.detail)])).toEqual([
      [2, "ok", "à enregistrer"],
      [3, "refused", "enveloppe inconnue pour « Frais de personnel »"],
      [4, "refused", "aucun CPAS n'a ce numéro d'entreprise"],
      [5, "refused", "Un montant ne peut pas être négatif."],
      [6, "refused", "ligne en double dans le fichier"],
    ]);
    expect(await db.ruGrant.count({ where: { campaignId, entityId: form.entityId } })).toBe(0);

    const good = await importGrants({
      ctx: sppis,
      input: {
        year: 2025,
        fileName: "octrois.csv",
        bytes: csv([
          [bce, "FRAIS_PERSONNEL", "NORMES", "60 000,00"],
          [bce, "frais_personnel", "accueil", "20000"],
        ]),
      },
    });
    expect([good.recorded, good.refused]).toEqual([2, 0]);
    const again = await importGrants({
      ctx: sppis,
      input: { year: 2025, fileName: "octrois.csv", bytes: csv([[bce, "FRAIS_PERSONNEL", "NORMES", "61 000,00"]]) },
    });
    expect(localize("fr", again.report[0]!.detail)).toBe("enregistré (auparavant 60\u202f000,00\u00a0€)");
    const grants = await db.ruGrant.findMany({ where: { campaignId, entityId: form.entityId }, orderBy: { envelopeCode: "asc" } });
    expect(grants.map((g) => [g.envelopeCode, g.amountCents])).toEqual([
      ["ACCUEIL", 2_000_000n],
      ["NORMES", 6_100_000n],
    ]);
  });

  it("is the SPP IS's only: a member of the centre gets « not found »", async () => {
    const { ctx } = await memberOfNewCentre();
    expect((await errorOf(importGrants({ ctx, input: { year: 2025, fileName: "x.csv", bytes: csv([]) } }))).code).toBe("NOT_FOUND");
  });
});
