import "server-only";

import { createHash } from "node:crypto";

import ExcelJS from "exceljs";

import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import { type Cell, readSheet, SheetError } from "@/lib/forem/contracts/read-sheet";

import { cpasRoles, type RuContext } from "./access";
import { parseSectionInput, type RawSection, sectionOf } from "./content";
import { definitionIn, type Section } from "./definition";
import { headingsIn, isTemplateRow, sheetText } from "./sheet-headings";
import { contentOf, definitionOf, findForm, lockEditable, writeContent } from "./workflow";

// A measure justified by the spreadsheet (« fichier tableur ») for the whole measure, never mixed with
// lines encoded online (mi-is.be FAQ). The official SPP IS template is not public: the portal gives
// its own template per measure (same columns as the online screen) and reads it back — the first row
// must be exactly the template's (in French or in Dutch: the template is written in its downloader's
// language, lib/rapport-unique/sheet-headings.ts), the rest is checked with the same rules as online lines. The file
// goes through the FOREM import's reader (size and zip-bomb limits, lib/forem/contracts/read-sheet.ts).

export const MAX_ROWS = 5000;

type LineSection = Exclude<Section, { kind: "indicators" }>;
const lineSection = (s: Section): s is LineSection => s.kind !== "indicators";

/** The template of one measure, in its downloader's language: the header row and, for expenses, the list of category codes. */
export async function measureTemplate(ctx: RuContext, o: { formId: string; section: string }): Promise<{ bytes: Uint8Array; fileName: string }> {
  const { form } = await findForm(db, ctx, o.formId);
  const def = definitionOf(form.definition);
  const section = def.sections.find((s) => s.code === o.section);
  if (!section || !lineSection(section)) throw notFound();
  const locale = ctx.actor.language;
  const wb = new ExcelJS.Workbook();
  wb.creator = "Portail CPAS";
  const sheet = wb.addWorksheet(sheetText(locale, "ru.sheet.sheets.measure"));
  sheet.addRow(headingsIn(section.kind, locale));
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((c) => (c.width = 28));
  if (section.kind === "expenses") {
    const codes = wb.addWorksheet(sheetText(locale, "ru.sheet.sheets.categories"));
    codes.addRow([
      sheetText(locale, "ru.sheet.categories.code"),
      sheetText(locale, "ru.sheet.categories.label"),
      sheetText(locale, "ru.sheet.categories.eligible"),
    ]);
    const shown = definitionIn(def, locale).sections.find((s) => s.code === section.code);
    const categories = shown?.kind === "expenses" ? shown.categories : section.categories;
    for (const c of categories) {
      codes.addRow([
        c.code,
        c.label,
        c.eligible ? sheetText(locale, "ru.sheet.categories.yes") : sheetText(locale, "ru.sheet.categories.no", { reason: c.reason ?? "" }),
      ]);
    }
  }
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return { bytes, fileName: `rapport-unique-${def.year}-${section.code.toLowerCase()}-modele.xlsx` };
}

/** A cell as the text a person typed (dates as ISO days, decimals with a comma). */
export const text = (c: Cell | undefined): string => {
  if (c === null || c === undefined) return "";
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  if (typeof c === "number") return String(c).replace(".", ",");
  return String(c).trim();
};
/** « 31/12/2025 » or a real date cell → ISO day; anything else is left for the parser to refuse. */
const day = (c: Cell | undefined): string => {
  const t = text(c);
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  return m ? `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}` : t;
};

/** File rows → the same raw lines the online screen sends; line i of the section is row i + 2 of the file. */
function rowsToRaw(section: LineSection, rows: Cell[][]): RawSection {
  if (section.kind === "staff") {
    return {
      staff: rows.map((r) => ({
        kind: /^f/i.test(text(r[0])) ? "FUNCTION" : "PERSON",
        label: text(r[1]),
        from: day(r[2]),
        to: day(r[3]),
        fte: text(r[4]),
        cost: text(r[5]),
      })),
    };
  }
  return { expenses: rows.map((r) => ({ category: text(r[0]).toUpperCase(), description: text(r[1]), amount: text(r[2]) })) };
}

/**
 * Imports the spreadsheet of one measure: all or nothing. Refused with the reason when the measure
 * has lines encoded online (never a mix), when the file is not the template, or when a row breaks a
 * typing rule (each error names its row of the file). A form in signature goes back to encoding.
 */
export async function importMeasure({
  ctx,
  input,
}: {
  ctx: RuContext;
  input: { formId: string; version: number; section: string; fileName: string; bytes: Uint8Array };
}) {
  if (!cpasRoles(ctx.actor).member) throw new AppError("FORBIDDEN", msg("ru.errors.memberOnly"));
  const { form: seen } = await findForm(db, ctx, input.formId);
  const def = definitionOf(seen.definition);
  const section = def.sections.find((s) => s.code === input.section);
  if (!section || !lineSection(section) || !section.importable) throw notFound();
  let grid: Cell[][];
  try {
    grid = await readSheet({ fileName: input.fileName, bytes: input.bytes });
  } catch (e) {
    if (e instanceof SheetError) throw new AppError("UNPROCESSABLE", e.message, { fichier: [e.message] });
    throw e;
  }
  const headers = headingsIn(section.kind, ctx.actor.language);
  const first = (grid[0] ?? []).slice(0, headers.length).map(text);
  if (!isTemplateRow(section.kind, first)) {
    const message = msg("ru.errors.notMeasureTemplate", { headers: headers.join(" | "), title: section.title });
    throw new AppError("UNPROCESSABLE", message, { fichier: [message] });
  }
  const rows = grid.slice(1).filter((r) => r.some((c) => text(c) !== ""));
  if (rows.length === 0) throw new AppError("UNPROCESSABLE", msg("ru.errors.noRows"), { fichier: [msg("ru.errors.noRowsField")] });
  if (rows.length > MAX_ROWS)
    throw new AppError("UNPROCESSABLE", msg("ru.errors.tooManyRows", { max: MAX_ROWS }), { fichier: [msg("ru.errors.tooManyRowsField", { max: MAX_ROWS })] });
  const parsed = parseSectionInput(section, rowsToRaw(section, rows));
  if (!parsed.ok) {
    // « staff.3.cost » → « Ligne 5 du fichier » (header on row 1, first line on row 2).
    const byRow: Record<string, string[]> = {};
    for (const [path, messages] of Object.entries(parsed.errors)) {
      const i = Number(path.split(".")[1]);
      const key = Number.isInteger(i) ? `ligne.${i + 2}` : "fichier";
      (byRow[key] ??= []).push(...messages);
    }
    const n = Object.keys(byRow).length;
    throw new AppError("UNPROCESSABLE", msg("ru.errors.importRefused", { count: n }), byRow);
  }
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  return db.$transaction(async (tx) => {
    const { form: locked } = await lockEditable(tx, ctx, input.formId, input.version);
    const content = contentOf(locked);
    const current = sectionOf(content, section.code);
    const online = current.mode === "ONLINE" ? current.staff.length + current.expenses.length : 0;
    if (online > 0) {
      throw new AppError("CONFLICT", msg("ru.errors.onlineNotImport", { title: section.title, count: online }));
    }
    content.sections[section.code] = {
      ...current,
      ...parsed.section,
      mode: "SPREADSHEET",
      spreadsheet: { fileName: input.fileName.slice(0, 200), sha256, importedAt: new Date().toISOString(), rows: rows.length },
    };
    return writeContent(tx, ctx, {
      form: locked,
      def,
      content,
      kind: "spreadsheet_imported",
      note: msg("ru.note.imported", { title: section.title, fileName: input.fileName.slice(0, 200), count: rows.length }),
      summary: { section: section.code, rows: rows.length, sha256 },
    });
  });
}

/** Withdraws a measure's import (its lines go with it): the measure can then be encoded online. */
export async function removeImport({ ctx, input }: { ctx: RuContext; input: { formId: string; version: number; section: string } }) {
  if (!cpasRoles(ctx.actor).member) throw new AppError("FORBIDDEN", msg("ru.errors.memberOnly"));
  return db.$transaction(async (tx) => {
    const { form: locked, def } = await lockEditable(tx, ctx, input.formId, input.version);
    const section = def.sections.find((s) => s.code === input.section);
    if (!section) throw notFound();
    const content = contentOf(locked);
    const current = sectionOf(content, section.code);
    if (current.mode !== "SPREADSHEET") throw new AppError("CONFLICT", msg("ru.errors.notImported"));
    content.sections[section.code] = { ...current, mode: null, staff: [], expenses: [], spreadsheet: null };
    return writeContent(tx, ctx, { form: locked, def, content, kind: "spreadsheet_removed", note: msg("ru.note.importRemoved", { title: section.title }) });
  });
}
