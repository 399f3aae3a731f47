import ExcelJS from "exceljs";
import { describe, expect, it, vi } from "vitest";

import { checkNiss } from "@/lib/validation/niss";

import { makeNiss } from "../testing/make-niss";

import { buildForemWorkbook, FOREM_HEADERS } from "./build-forem-workbook";

async function readBack(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  expect(wb.worksheets).toHaveLength(1);
  return wb.worksheets[0]!;
}

describe("FOREM workbook", () => {
  const bornIn2003 = makeNiss("2003-04-05", 612); // starts with "0": the leading zero must survive
  const rows = [
    { niss: bornIn2003, startDate: "2025-01-06", endDate: "2026-01-05" },
    { niss: makeNiss("1985-07-30", 33), startDate: "2024-12-31", endDate: "2026-02-28" },
  ];

  it("has exactly three columns and a header row", async () => {
    expect(checkNiss(bornIn2003).ok).toBe(true);
    const sheet = await readBack(await buildForemWorkbook(rows));
    expect(sheet.actualColumnCount).toBe(3);
    expect(sheet.columnCount).toBe(3);
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(1).values).toEqual([undefined, ...FOREM_HEADERS]);
    sheet.eachRow((row) => expect(row.cellCount).toBe(3));
  });

  it("writes the national number as a text cell, leading zeros kept", async () => {
    const sheet = await readBack(await buildForemWorkbook(rows));
    const cell = sheet.getCell("A2");
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(bornIn2003);
    expect(String(cell.value)).toMatch(/^0\d{10}$/);
    expect(cell.numFmt).toBe("@");
    expect(sheet.getCell("A3").type).toBe(ExcelJS.ValueType.String);
  });

  it("writes start and end as real date cells of the right calendar day", async () => {
    const sheet = await readBack(await buildForemWorkbook(rows));
    for (const [ref, day] of [
      ["B2", "2025-01-06"],
      ["C2", "2026-01-05"],
      ["B3", "2024-12-31"],
      ["C3", "2026-02-28"],
    ] as const) {
      const cell = sheet.getCell(ref);
      expect(cell.type).toBe(ExcelJS.ValueType.Date);
      expect(cell.value).toBeInstanceOf(Date);
      expect((cell.value as Date).toISOString().slice(0, 10)).toBe(day);
      expect(cell.numFmt).toBe("dd/mm/yyyy");
    }
  });

  it("stores the dates as date serials and the NISS as a string in the XML itself", async () => {
    const bytes = await buildForemWorkbook(rows);
    const { default: JSZip } = await import("jszip");
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    // B2 = 2025-01-06 = serial 45663; no t="s"/"str" attribute on a date cell
    expect(xml).toMatch(/<c r="B2" s="\d+"><v>45663<\/v><\/c>/);
    expect(xml).toMatch(/<c r="A2" s="\d+" t="(s|str|inlineStr)">/);
    expect(xml).not.toMatch(/r="D\d+"/);
  });

  it("is byte-identical when rebuilt from the same rows at another moment (issue 11)", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(new Date("2026-01-01T10:00:00Z"));
      const first = await buildForemWorkbook(rows);
      vi.setSystemTime(new Date("2026-06-15T15:33:27Z"));
      const second = await buildForemWorkbook(rows);
      expect(second.equals(first)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("dates every zip entry 1 December 2020 (the decree n° 58), still a readable archive", async () => {
    const { default: JSZip } = await import("jszip");
    const zip = await JSZip.loadAsync(await buildForemWorkbook(rows));
    const dates = Object.values(zip.files).map((f) => f.date.toISOString());
    expect(dates.length).toBeGreaterThan(3);
    expect(new Set(dates)).toEqual(new Set(["2020-12-01T00:00:00.000Z"]));
  });

  it("refuses anything but an 11-digit national number", async () => {
    await expect(buildForemWorkbook([{ niss: "85.07.30-033.28", startDate: "2025-01-01", endDate: "2025-02-01" }])).rejects.toThrow(RangeError);
  });
});
