import { deflateRawSync } from "node:zlib";

import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";

import { localize } from "@/lib/i18n/translator";

import { readSheet } from "./read-sheet";
import { checkZipExpansion } from "./zip-expansion";

type Entry = { name: string; data: Buffer; method?: 0 | 8; declaredSize?: number };

/** A minimal zip writer (local headers, central directory, end record), enough to forge archives. */
function zip(entries: Entry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const method = e.method ?? 8;
    const body = method === 8 ? deflateRawSync(e.data) : e.data;
    const name = Buffer.from(e.name);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

describe("zip expansion cap (xlsx import)", () => {
  it("accepts a real workbook and reports what it expands to", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Contrats").addRow(["NISS", "Nom"]);
    const verdict = checkZipExpansion(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(verdict).toMatchObject({ ok: true });
    expect(verdict.ok && verdict.entries).toBeGreaterThan(3);
  });

  it("refuses a bomb: 60 MB of zeros in a few kilobytes, whatever size the headers declare", () => {
    const bomb = Buffer.alloc(60 * 1024 * 1024);
    const honest = zip([{ name: "xl/worksheets/sheet1.xml", data: bomb }]);
    expect(honest.length).toBeLessThan(200 * 1024);
    expect(checkZipExpansion(honest)).toEqual({ ok: false, reason: "too_large" });
    // Headers that lie (10 bytes declared) change nothing: the inflated bytes are counted.
    expect(checkZipExpansion(zip([{ name: "a.xml", data: bomb, declaredSize: 10 }]))).toEqual({ ok: false, reason: "too_large" });
    // Many medium entries add up.
    const eight = Buffer.alloc(8 * 1024 * 1024);
    expect(checkZipExpansion(zip(Array.from({ length: 7 }, (_, i) => ({ name: `p${i}.xml`, data: eight }))))).toEqual({ ok: false, reason: "too_large" });
    expect(checkZipExpansion(zip(Array.from({ length: 5 }, (_, i) => ({ name: `p${i}.xml`, data: eight }))))).toMatchObject({ ok: true });
  });

  it("refuses too many entries, truncated archives and unknown methods as such", () => {
    const many = zip(Array.from({ length: 1001 }, (_, i) => ({ name: `f${i}`, data: Buffer.from("x"), method: 0 as const })));
    expect(checkZipExpansion(many)).toEqual({ ok: false, reason: "too_large" });
    const good = zip([{ name: "a.xml", data: Buffer.from("<a/>".repeat(100)) }]);
    expect(checkZipExpansion(good)).toMatchObject({ ok: true, expandedBytes: 400 });
    expect(checkZipExpansion(good.subarray(0, good.length - 30))).toEqual({ ok: false, reason: "unreadable" });
    expect(checkZipExpansion(new Uint8Array([0x50, 0x4b, 3, 4]))).toEqual({ ok: false, reason: "unreadable" });
    const stored = zip([{ name: "a.xml", data: Buffer.from("abc"), method: 0 }]);
    const bzip = Buffer.from(stored);
    bzip.writeUInt16LE(12, bzip.indexOf(Buffer.from([0x50, 0x4b, 1, 2])) + 10); // method 12 (bzip2) in the central directory
    expect(checkZipExpansion(new Uint8Array(bzip))).toEqual({ ok: false, reason: "unreadable" });
  });

  it("gives the importer a message in its language and never reaches exceljs with a bomb", async () => {
    const bomb = zip([{ name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(60 * 1024 * 1024) }]);
    const error = await readSheet({ fileName: "contrats.xlsx", bytes: bomb }).then(
      () => null,
      (e: Error) => e,
    );
    expect(localize("fr", error?.message ?? "")).toBe(
      "Ce classeur est trop volumineux une fois décompressé (50 Mo au maximum) : découpez-le en plusieurs fichiers.",
    );
    expect(localize("nl", error?.message ?? "")).toBe("Deze werkmap is te groot na decompressie (maximaal 50 MB): splits ze op in meerdere bestanden.");
  });
});
