import ExcelJS from "exceljs";

import { msg } from "@/lib/i18n/message-ref";

import { checkZipExpansion, MAX_XLSX_EXPANDED_BYTES } from "./zip-expansion";

// Turns an uploaded spreadsheet (xlsx or csv) into a grid of cells. Only three kinds of value
// survive: text, number and Date (a real date cell); everything else is reduced to its text.

export type Cell = string | number | Date | null;
export type Grid = Cell[][];

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
const UNREADABLE_XLSX = msg("forem.import.errors.unreadableXlsx");

/** Its message is a catalogue reference (forem.import.errors.*). */
export class SheetError extends Error {}

export async function readSheet(o: { fileName: string; bytes: Uint8Array }): Promise<Grid> {
  if (o.bytes.length > MAX_IMPORT_BYTES) throw new SheetError(msg("forem.import.errors.tooLarge"));
  const isZip = o.bytes[0] === 0x50 && o.bytes[1] === 0x4b; // "PK": xlsx is a zip archive
  if (isZip) return readXlsx(o.bytes);
  if (/\.xlsx$/i.test(o.fileName)) throw new SheetError(UNREADABLE_XLSX);
  if (/\.(xls|ods|numbers)$/i.test(o.fileName)) throw new SheetError(msg("forem.import.errors.unsupported"));
  return parseCsv(decodeText(o.bytes));
}

async function readXlsx(bytes: Uint8Array): Promise<Grid> {
  const verdict = checkZipExpansion(bytes);
  if (!verdict.ok) {
    throw new SheetError(
      verdict.reason === "too_large" ? msg("forem.import.errors.expandedTooLarge", { max: MAX_XLSX_EXPANDED_BYTES / 1024 / 1024 }) : UNREADABLE_XLSX,
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new SheetError(UNREADABLE_XLSX);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SheetError(msg("forem.import.errors.noSheet"));
  const grid: Grid = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = toCell(cell.value);
    });
    grid[rowNumber - 1] = Array.from(cells, (c) => c ?? null);
  });
  return Array.from(grid, (r) => r ?? []);
}

function toCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || value instanceof Date) return value;
  if (typeof value === "boolean") return String(value);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("result" in value) return toCell((value.result ?? null) as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
    if ("error" in value) return null;
  }
  return null;
}

/** Excel's "CSV" export is often Windows-1252, not UTF-8: try UTF-8 strictly first. */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** RFC 4180 with the delimiter guessed from the header line (Belgian Excel writes ";"). */
export function parseCsv(text: string): Grid {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = [";", "\t", ","].reduce((best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best), ";");
  const rows: Grid = [];
  let row: Cell[] = [];
  let field = "";
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') inQuotes = false;
      else field += ch;
    } else if (ch === '"' && field === "") inQuotes = true;
    else if (ch === delimiter) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.map((r) => r.map((c) => (c === "" ? null : c)));
}
