import "server-only";

import ExcelJS from "exceljs";

import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import { type Cell, readSheet, SheetError } from "@/lib/forem/contracts/read-sheet";

import { type RuContext, ruSide } from "./access";
import { formatCents, parseEuros } from "./money";
import { definitionIn } from "./definition";
import { headingsIn, isTemplateRow, sheetText } from "./sheet-headings";
import { text } from "./spreadsheet";
import { definitionOf, recordGrant } from "./workflow";

// The SPP IS records the amounts granted for a whole campaign from a spreadsheet: one row per centre,
// subsidy and envelope. All or nothing: every row is checked first and the report says, row by row,
// what was recorded or why not; one refused row records nothing (nothing half-saved).

export const MAX_GRANT_ROWS = 10_000;

export type GrantReportRow = { row: number; centre: string; form: string; envelope: string; amount: string; outcome: "ok" | "refused"; detail: string };

async function campaignOf(ctx: RuContext, year: number) {
  if (ruSide(ctx.actor) !== "SPPIS") throw notFound();
  const campaign = await db.ruCampaign.findUnique({ where: { year }, include: { definitions: { orderBy: { position: "asc" } } } });
  if (!campaign) throw notFound();
  return campaign;
}

export async function grantsTemplate(ctx: RuContext, year: number) {
  const campaign = await campaignOf(ctx, year);
  // In the downloader's language; either language's first row is accepted back (sheet-headings.ts).
  const locale = ctx.actor.language;
  const wb = new ExcelJS.Workbook();
  wb.creator = "Portail CPAS";
  const sheet = wb.addWorksheet(sheetText(locale, "ru.sheet.sheets.grants"));
  sheet.addRow(headingsIn("grants", locale));
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((c) => (c.width = 30));
  const codes = wb.addWorksheet(sheetText(locale, "ru.sheet.sheets.codes"));
  codes.addRow([
    sheetText(locale, "ru.sheet.grants.form"),
    sheetText(locale, "ru.sheet.grants.envelope"),
    sheetText(locale, "ru.sheet.subsidy"),
    sheetText(locale, "ru.form.envelope"),
  ]);
  for (const d of campaign.definitions) {
    const def = definitionIn(definitionOf(d), locale);
    for (const e of def.envelopes) codes.addRow([def.code, e.code, def.title, e.label]);
  }
  return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), fileName: `rapport-unique-${year}-montants-octroyes-modele.xlsx` };
}

export async function importGrants({ ctx, input }: { ctx: RuContext; input: { year: number; fileName: string; bytes: Uint8Array } }) {
  const campaign = await campaignOf(ctx, input.year);
  let grid: Cell[][];
  try {
    grid = await readSheet({ fileName: input.fileName, bytes: input.bytes });
  } catch (e) {
    if (e instanceof SheetError) throw new AppError("UNPROCESSABLE", e.message, { fichier: [e.message] });
    throw e;
  }
  const headers = headingsIn("grants", ctx.actor.language);
  const first = (grid[0] ?? []).slice(0, headers.length).map(text);
  if (!isTemplateRow("grants", first)) {
    const m = msg("ru.errors.notGrantsTemplate", { headers: headers.join(" | ") });
    throw new AppError("UNPROCESSABLE", m, { fichier: [m] });
  }
  const rows = grid
    .slice(1)
    .map((r, i) => ({ r, row: i + 2 }))
    .filter(({ r }) => r.some((c) => text(c) !== ""));
  if (rows.length === 0) throw new AppError("UNPROCESSABLE", msg("ru.errors.noRows"), { fichier: [msg("ru.errors.noRowsField")] });
  if (rows.length > MAX_GRANT_ROWS)
    throw new AppError("UNPROCESSABLE", msg("ru.errors.tooManyRowsField", { max: MAX_GRANT_ROWS }), {
      fichier: [msg("ru.errors.tooManyRowsField", { max: MAX_GRANT_ROWS })],
    });

  // Pass 1: every row checked against the campaign, the centres and their forms (3 queries in all).
  const defs = new Map(campaign.definitions.map((d) => [d.code, definitionOf(d)]));
  const bces = [...new Set(rows.map(({ r }) => text(r[0]).replace(/[.\s]/g, "")))];
  const centres = new Map(
    (await db.entity.findMany({ where: { kind: "CPAS", bceNumber: { in: bces } }, select: { id: true, name: true, bceNumber: true } })).map((e) => [
      e.bceNumber,
      e,
    ]),
  );
  const forms = await db.ruForm.findMany({
    where: { campaignId: campaign.id, entityId: { in: [...centres.values()].map((c) => c.id) } },
    select: { entityId: true, formCode: true, status: true },
  });
  const seen = new Set<string>();
  const report: GrantReportRow[] = [];
  const valid: { bce: string; formCode: string; envelopeCode: string; amountCents: number; row: number }[] = [];
  for (const { r, row } of rows) {
    const bce = text(r[0]).replace(/[.\s]/g, "");
    const formCode = text(r[1]).toUpperCase();
    const envelopeCode = text(r[2]).toUpperCase();
    const amount = parseEuros(text(r[3]));
    const base = {
      row,
      centre: centres.get(bce)?.name ?? bce,
      form: formCode,
      envelope: envelopeCode,
      amount: amount.ok ? formatCents(amount.value) : text(r[3]),
    };
    const def = defs.get(formCode);
    const form = forms.find((f) => f.entityId === centres.get(bce)?.id && f.formCode === formCode);
    const why = !centres.has(bce)
      ? msg("ru.grantRow.centreUnknown")
      : !def
        ? msg("ru.grantRow.formUnknown", { year: String(campaign.year) })
        : !def.envelopes.some((e) => e.code === envelopeCode)
          ? msg("ru.grantRow.envelopeUnknown", { title: def.title })
          : !amount.ok
            ? amount.message
            : seen.has(`${bce}|${formCode}|${envelopeCode}`)
              ? msg("ru.grantRow.duplicate")
              : form && !["DRAFT", "RETURNED"].includes(form.status)
                ? msg("ru.grantRow.locked")
                : null;
    seen.add(`${bce}|${formCode}|${envelopeCode}`);
    if (why || !amount.ok) report.push({ ...base, outcome: "refused", detail: why ?? msg("ru.grantRow.amountInvalid") });
    else {
      valid.push({ bce, formCode, envelopeCode, amountCents: amount.value, row });
      report.push({ ...base, outcome: "ok", detail: msg("ru.grantRow.toRecord") });
    }
  }
  const refused = report.filter((x) => x.outcome === "refused").length;
  if (refused) return { recorded: 0, refused, report };

  // Pass 2: all rows in one transaction, each audited by recordGrant (before/after).
  try {
    const results = await db.$transaction(
      async (tx) => {
        const out: (number | null)[] = [];
        for (const v of valid) out.push((await recordGrant(tx, ctx, { campaignId: campaign.id, ...v })).before);
        return out;
      },
      { timeout: 120_000 },
    );
    results.forEach((before, i) => {
      const line = report.find((x) => x.row === valid[i]!.row)!;
      line.detail = before === null ? msg("ru.grantRow.recorded") : msg("ru.grantRow.recordedBefore", { before: before / 100 });
    });
    return { recorded: valid.length, refused: 0, report };
  } catch (e) {
    // The transaction rolled back: nothing is recorded. The error says which row (its own message).
    throw e;
  }
}
