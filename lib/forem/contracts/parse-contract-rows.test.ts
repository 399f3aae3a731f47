import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";

import { localize } from "@/lib/i18n/translator";

import { makeNiss } from "../testing/make-niss";

import { parseContractRows } from "./parse-contract-rows";
import { parseCsv, readSheet } from "./read-sheet";

const niss1 = makeNiss("1985-07-30", 33);
const niss2 = makeNiss("2003-04-05", 612);

// Reasons and file errors are catalogue references (issue 13): read in French, and in Dutch where said.
const fr = (text: string | undefined) => localize("fr", text ?? "");
const nl = (text: string | undefined) => localize("nl", text ?? "");

describe("contract import parser", () => {
  it("reads a Belgian CSV (semicolons, dd/mm/yyyy, quoted fields) and reports each refused line", () => {
    const csv = [
      "Numéro national;Nom;Prénom;Type;Début;Fin prévue;Fin effective;Employeur;Régime;Heures/semaine",
      `${niss1};Diallo;Awa;art. 60 § 7;06/01/2025;05/01/2026;;;temps plein;`,
      `${niss2};"Van Damme; junior";Jean;61;01/02/2025;31/01/2026;31/12/2025;"Boulangerie ""Le Pain""";temps partiel;19,5`,
      `85073003329;Dupont;Marc;60§7;01/03/2025;28/02/2026;;;;`,
      `${niss1};Diallo;Awa;ART_60_7;2025-01-06;2026-01-05;;;;`,
      `;;;;;;;;;`,
      `${niss2};Peeters;An;61;2025-03-01;2025-02-01;;;;`,
    ].join("\r\n");
    const { rows, fileError } = parseContractRows(parseCsv(csv));
    expect(fileError).toBeUndefined();
    expect(rows.map((r) => [r.line, r.ok])).toEqual([
      [2, true],
      [3, true],
      [4, false],
      [5, false],
      [7, false],
    ]);
    const ok = rows[1]!;
    expect(ok.ok && ok.input).toMatchObject({
      lastName: "Van Damme; junior",
      kind: "ART_61",
      employerName: 'Boulangerie "Le Pain"',
      regime: "PART_TIME",
      weeklyHours: 19.5,
      actualEndDate: "2025-12-31",
    });
    const reasons = Object.fromEntries(rows.flatMap((r) => (r.ok ? [] : [[r.line, r.reasons.map(fr).join(" ")]])));
    expect(reasons[4]).toMatch(/chiffres de contrôle/);
    expect(reasons[5]).toBe("Doublon de la ligne 2 (même travailleur, même type, même début).");
    expect(reasons[7]).toMatch(/fin prévue précède le début/);
    expect(reasons[7]).toMatch(/employeur tiers/);
  });

  it("names the missing mandatory columns", () => {
    const { fileError, rows } = parseContractRows(parseCsv("NISS,Nom,Début\n85073003328,X,2025-01-01"));
    expect(rows).toEqual([]);
    expect(fr(fileError)).toBe("Colonnes obligatoires absentes de la première ligne : Prénom, Type, Fin prévue.");
    expect(nl(fileError)).toBe("Verplichte kolommen ontbreken op de eerste regel: Voornaam, Type, Geplande einddatum.");
  });

  it("reads the Dutch column headings of an OCMW's spreadsheet (voltijds / deeltijds)", () => {
    const csv = [
      "Rijksregisternummer;Naam;Voornaam;Soort;Begin;Geplande einddatum;Werkelijke einddatum;Werkgever;Arbeidsregeling;Uren per week",
      `${niss1};Peeters;An;artikel 60 § 7;06/01/2025;05/01/2026;;;voltijds;`,
      `${niss2};Janssens;Jan;61;01/02/2025;31/01/2026;;Bakkerij Janssens;deeltijds;19`,
    ].join("\n");
    const { rows, fileError } = parseContractRows(parseCsv(csv));
    expect(fileError).toBeUndefined();
    expect(rows[0]).toMatchObject({ line: 2, ok: true, input: { niss: niss1, lastName: "Peeters", kind: "ART_60_7", regime: "FULL_TIME" } });
    expect(rows[1]).toMatchObject({ line: 3, ok: true, input: { kind: "ART_61", employerName: "Bakkerij Janssens", regime: "PART_TIME", weeklyHours: 19 } });
  });

  it("reads an xlsx: real date cells, and NISS typed as a number gets its leading zero back", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Contrats");
    ws.addRow(["NISS", "Nom", "Prénom", "Type de contrat", "Date de début", "Date de fin prévue", "Date de fin effective"]);
    ws.addRow([
      Number(niss2),
      "Martin",
      "Léa",
      "Article 60 §7",
      new Date(Date.UTC(2025, 0, 6)),
      new Date(Date.UTC(2026, 0, 5)),
      new Date(Date.UTC(2025, 11, 31)),
    ]);
    ws.addRow([{ richText: [{ text: niss1 }] }, "Diallo", "Awa", "60§7", "06/01/2025", 46027, null]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const { rows } = parseContractRows(await readSheet({ fileName: "contrats.xlsx", bytes }));
    expect(rows[0]).toMatchObject({
      line: 2,
      ok: true,
      input: { niss: niss2, startDate: "2025-01-06", plannedEndDate: "2026-01-05", actualEndDate: "2025-12-31", kind: "ART_60_7" },
    });
    expect(rows[1]).toMatchObject({ line: 3, ok: true, input: { niss: niss1, startDate: "2025-01-06", plannedEndDate: "2026-01-05" } });
  });

  it("refuses an unreadable xlsx and an old .xls", async () => {
    const refusal = (o: { fileName: string; bytes: Uint8Array }) =>
      readSheet(o).then(
        () => "read",
        (e: Error) => fr(e.message),
      );
    await expect(refusal({ fileName: "x.xlsx", bytes: new Uint8Array([0x50, 0x4b, 1, 2, 3]) })).resolves.toBe(
      "Ce fichier .xlsx est illisible ou n'est pas un classeur Excel.",
    );
    await expect(refusal({ fileName: "x.xls", bytes: new Uint8Array([0xd0, 0xcf]) })).resolves.toBe(
      "Format non pris en charge : enregistrez le classeur au format .xlsx ou .csv.",
    );
  });

  it("decodes a Windows-1252 CSV", async () => {
    const header = "NISS;Nom;Prénom;Type;Début;Fin prévue";
    const bytes = Uint8Array.from([...header].map((c) => (c === "é" ? 0xe9 : c.charCodeAt(0))));
    const grid = await readSheet({ fileName: "x.csv", bytes });
    expect(grid[0]).toContain("Prénom");
  });
});
