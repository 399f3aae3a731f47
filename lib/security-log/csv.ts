// CSV for Excel in a Belgian locale: UTF-8 with a BOM (else Excel reads it as Windows-1252), ";"
// as separator (Excel fr-BE expects it), CRLF line ends, RFC 4180 quoting.

export const CSV_BOM = "\uFEFF";

// A cell starting with one of these is read by spreadsheets as a formula (CSV injection, OWASP):
// a value such as `=HYPERLINK(…)` typed as an e-mail address must stay text.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(";")}\r\n`;
}
