import ExcelJS from "exceljs";

import { toDbDate, type CalendarDate } from "../dates";

import { fixZipTimestamps } from "./fix-zip-timestamps";

// The FOREM Impulsion file (seed 000): exactly three columns — national number as TEXT (a number
// cell would drop leading zeros and show 8.5073E+10), start and end as real DATE cells.

export type ForemRow = { niss: string; startDate: CalendarDate; endDate: CalendarDate };

export const FOREM_HEADERS = ["Numéro national", "Date de début", "Date de fin"] as const;
const TEXT_FORMAT = "@";
const DATE_FORMAT = "dd/mm/yyyy";
/** Fixed timestamps (workbook properties and zip entries): the same rows give the same bytes. */
const EPOCH = new Date("2020-12-01T00:00:00Z");

export async function buildForemWorkbook(rows: readonly ForemRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Portail CPAS";
  workbook.created = EPOCH;
  workbook.modified = EPOCH;
  const sheet = workbook.addWorksheet("Impulsion");
  sheet.getColumn(1).width = 18;
  sheet.getColumn(2).width = 14;
  sheet.getColumn(3).width = 14;
  const header = sheet.addRow([...FOREM_HEADERS]);
  header.font = { bold: true };
  header.getCell(1).numFmt = TEXT_FORMAT;
  for (const r of rows) {
    if (!/^\d{11}$/.test(r.niss)) throw new RangeError("Numéro national attendu sur 11 chiffres");
    // exceljs turns a Date into an Excel serial from its UTC time: UTC midnight is the calendar day.
    const row = sheet.addRow([r.niss, toDbDate(r.startDate), toDbDate(r.endDate)]);
    row.getCell(1).numFmt = TEXT_FORMAT;
    row.getCell(2).numFmt = DATE_FORMAT;
    row.getCell(3).numFmt = DATE_FORMAT;
  }
  return fixZipTimestamps(new Uint8Array(await workbook.xlsx.writeBuffer()), EPOCH);
}

export function foremFileName(period: { from: CalendarDate; to: CalendarDate }): string {
  return `forem-impulsion-${period.from}-au-${period.to}.xlsx`;
}
