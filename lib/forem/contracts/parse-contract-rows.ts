import { msg } from "@/lib/i18n/message-ref";

import type { Cell, Grid } from "./read-sheet";
import { ZCreateContract, type TCreateContract } from "./contract-schema";

// Grid → one result per data line: a valid contract input, or the reasons it is refused.
// Line numbers are the spreadsheet's (the header is line 1), so the report points at real cells.

export const MAX_IMPORT_ROWS = 1000;

export type ParsedRow = { line: number; ok: true; input: TCreateContract } | { line: number; ok: false; reasons: string[] };
// Reasons and fileError are catalogue references (msg): said in the reader's language by the route.
export type ParsedSheet = { rows: ParsedRow[]; fileError?: string };

type Field = keyof TCreateContract;

// French headings, and the Dutch ones the import page names (issue 13: an OCMW's own spreadsheet).
const HEADERS: Record<Field, string[]> = {
  niss: ["niss", "numeronational", "numeroregistrenational", "numeroderegistrenational", "registrenational", "nn", "inss", "insz", "rijksregisternummer"],
  lastName: ["nom", "nomdefamille", "naam", "achternaam", "familienaam"],
  firstName: ["prenom", "prenoms", "voornaam"],
  kind: ["type", "typedecontrat", "typecontrat", "article", "soort", "soortcontract", "artikel"],
  startDate: ["debut", "datededebut", "datedebut", "debutducontrat", "begin", "begindatum"],
  plannedEndDate: ["finprevue", "datedefinprevue", "datefinprevue", "geplandeeinddatum", "geplandeeinde"],
  actualEndDate: [
    "fineffective",
    "finreelle",
    "datedefineffective",
    "datefineffective",
    "datedefinreelle",
    "datedefin",
    "fin",
    "werkelijkeeinddatum",
    "einddatum",
  ],
  employerName: ["employeur", "employeurtiers", "employeurutilisateur", "entrepriseutilisatrice", "werkgever", "derdewerkgever"],
  employerBce: ["bce", "bceemployeur", "numerobce", "numerodentreprise", "numeroentreprise", "kbo", "kbowerkgever", "ondernemingsnummer"],
  regime: ["regime", "regimedetravail", "arbeidsregeling", "regeling"],
  weeklyHours: ["heuressemaine", "heuresparsemaine", "heureshebdomadaires", "urenperweek"],
  fullTimeWeeklyHours: ["heurestempsplein", "heuresduntempsplein", "heurestpleinhebdomadaires", "urenvoltijds"],
};
const REQUIRED: Field[] = ["niss", "lastName", "firstName", "kind", "startDate", "plannedEndDate"];

export const normalizeHeader = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

function text(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/** A number cell lost the NISS's leading zeros: put them back. */
function nissText(cell: Cell | undefined): string {
  return typeof cell === "number" && Number.isInteger(cell) ? String(cell).padStart(11, "0") : text(cell);
}

/** Real date cells, Excel serial numbers, dd/mm/yyyy (also - or .) and yyyy-mm-dd. */
export function dateText(cell: Cell | undefined): string {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === "number" && cell > 20_000 && cell < 80_000) return new Date(Math.round((cell - 25_569) * 86_400_000)).toISOString().slice(0, 10);
  const t = text(cell);
  const be = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (be) return `${be[3]}-${be[2]!.padStart(2, "0")}-${be[1]!.padStart(2, "0")}`;
  return t;
}

export function kindValue(t: string): string {
  const n = normalizeHeader(t);
  if (!n) return "";
  if (/60/.test(n)) return "ART_60_7";
  if (/61/.test(n)) return "ART_61";
  return t;
}

export function regimeValue(t: string): string {
  const n = normalizeHeader(t);
  if (!n || ["tempsplein", "plein", "tp", "fulltime", "full", "voltijds"].includes(n)) return "FULL_TIME";
  if (["tempspartiel", "partiel", "parttime", "mitemps", "part", "deeltijds"].includes(n)) return "PART_TIME";
  return t;
}

/** « Numéro national, Nom » in the reader's language: each name a reference, joined by nested references. */
function columnList(fields: Field[]): string {
  const [first, ...rest] = fields.map((f) => msg(`forem.import.columns.${f}`));
  return rest.length ? msg("forem.import.errors.columnList", { first: first!, rest: columnList(fields.slice(1)) }) : first!;
}

export function parseContractRows(grid: Grid): ParsedSheet {
  const [header = [], ...body] = grid;
  const columns = new Map<Field, number>();
  header.forEach((cell, index) => {
    const h = normalizeHeader(text(cell));
    const field = (Object.keys(HEADERS) as Field[]).find((f) => HEADERS[f].includes(h));
    if (field && !columns.has(field)) columns.set(field, index);
  });
  const missing = REQUIRED.filter((f) => !columns.has(f));
  if (missing.length) return { rows: [], fileError: msg("forem.import.errors.missingColumns", { columns: columnList(missing) }) };
  const lines = body.map((cells, i) => ({ line: i + 2, cells })).filter(({ cells }) => cells.some((c) => text(c) !== ""));
  if (lines.length === 0) return { rows: [], fileError: msg("forem.import.errors.noRows") };
  if (lines.length > MAX_IMPORT_ROWS) return { rows: [], fileError: msg("forem.import.errors.tooManyRows", { count: lines.length, max: MAX_IMPORT_ROWS }) };

  const seen = new Map<string, number>();
  const rows = lines.map(({ line, cells }): ParsedRow => {
    const get = (f: Field) => {
      const i = columns.get(f);
      return i === undefined ? undefined : cells[i];
    };
    const raw = {
      niss: nissText(get("niss")),
      lastName: text(get("lastName")),
      firstName: text(get("firstName")),
      kind: kindValue(text(get("kind"))),
      startDate: dateText(get("startDate")),
      plannedEndDate: dateText(get("plannedEndDate")),
      actualEndDate: dateText(get("actualEndDate")),
      employerName: text(get("employerName")),
      employerBce: text(get("employerBce")),
      regime: regimeValue(text(get("regime"))),
      weeklyHours: text(get("weeklyHours")),
      fullTimeWeeklyHours: text(get("fullTimeWeeklyHours")),
    };
    const parsed = ZCreateContract.safeParse(raw);
    if (!parsed.success) return { line, ok: false, reasons: [...new Set(parsed.error.issues.map((i) => i.message))] };
    const key = `${parsed.data.niss}|${parsed.data.kind}|${parsed.data.startDate}`;
    const first = seen.get(key);
    if (first) return { line, ok: false, reasons: [msg("forem.import.errors.duplicateLine", { line: first })] };
    seen.set(key, line);
    return { line, ok: true, input: parsed.data };
  });
  return { rows };
}
