import "server-only";

import { db } from "@/lib/db/client";
import { forbidden } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import { checkBce } from "@/lib/validation/bce";
import { hasUnsafeChars } from "@/lib/validation/safe-text";

import { type C607Context, sideOf } from "./context";

// The ONEM queue's centre filter, typed (issue 15): a part of a centre's name or its enterprise
// number instead of a list of the 580 centres that sent requests (46 KB of HTML and as much again
// in the React payload on every queue page). The queue itself is still filtered by `entityId`
// (list-requests.ts, the JSON API, its cursors): this only turns what was typed into that id.

/** Longest text accepted in the filter (a centre's name is at most a few dozen characters). */
export const CENTRE_TEXT_MAX = 100;
/** Candidates shown when a name fragment matches several centres. */
export const CENTRE_CANDIDATES = 10;

export type CentreMatch = { id: string; name: string; bceNumber: string };
export type CentreSearch =
  /** One centre: the queue is filtered on it. */
  | { kind: "one"; centre: CentreMatch }
  /** Several: the first CENTRE_CANDIDATES by name; `more` when others match too. */
  | { kind: "several"; candidates: CentreMatch[]; more: boolean }
  /** No centre that sent a request matches. */
  | { kind: "none" }
  /** The enterprise number of a CPAS that never sent a request to ONEM. */
  | { kind: "notSending"; centre: CentreMatch }
  /** Not searched: the text or the number is malformed (`message` is a catalogue reference). */
  | { kind: "invalid"; message: string };

// Accents, case, hyphens and apostrophes do not count: « saint remy » finds « Saint-Rémy ». The
// same fold is applied in SQL to the names and to the text typed (translate + lower), so both
// sides are folded by one function. Only ASCII letters remain to be lowered after translate, which
// PostgreSQL's lower() does whatever the database's locale.
const FOLDS: [string, string][] = [
  ["ÀÁÂÃÄÅ", "A"],
  ["àáâãäå", "a"],
  ["Ç", "C"],
  ["ç", "c"],
  ["ÈÉÊË", "E"],
  ["èéêë", "e"],
  ["ÌÍÎÏ", "I"],
  ["ìíîï", "i"],
  ["Ñ", "N"],
  ["ñ", "n"],
  ["ÒÓÔÕÖ", "O"],
  ["òóôõö", "o"],
  ["ÙÚÛÜ", "U"],
  ["ùúûü", "u"],
  ["ÝŸ", "Y"],
  ["ýÿ", "y"],
  ["-'’", " "],
];
const FOLD_FROM = FOLDS.map(([from]) => from).join("");
const FOLD_TO = FOLDS.map(([from, to]) => to.repeat([...from].length)).join("");

const rowOf = (r: { id: string; name: string; bceNumber: string }): CentreMatch => ({ id: r.id, name: r.name, bceNumber: r.bceNumber });

/**
 * What the ONEM collaborator typed in the queue's centre filter → the centre(s) it names.
 *
 * - Exactly 10 digits once spaces, dots and a leading « BE » are dropped: an enterprise number,
 *   checked (check digits) then looked up among CPAS entities by the unique index on `bceNumber`.
 * - Anything else: a part of the name, case-, accent-, hyphen- and apostrophe-insensitive, among
 *   the centres that sent at least one request (the queue never shows the others). A name that
 *   matches the text whole wins over the longer names that contain it (« CPAS de Hal » is not
 *   ambiguous with « CPAS de Halle »). About 580 names: read whole without an index; the EXISTS
 *   probes the partial index `C607Request_sent_entityId_idx` once per matching centre.
 *
 * One statement either way. ONEM only, like the queue.
 */
export async function findSendingCentre({ ctx, text }: { ctx: C607Context; text: string }): Promise<CentreSearch> {
  if (sideOf(ctx.actor) !== "ONEM") throw forbidden();
  const typed = text.trim().replace(/\s+/g, " ");
  const label = msg("c607.filters.centre");
  if (typed.length > CENTRE_TEXT_MAX) return { kind: "invalid", message: msg("validation.text.tooLong", { label, max: CENTRE_TEXT_MAX }) };
  if (hasUnsafeChars(typed)) return { kind: "invalid", message: msg("validation.text.unsafe", { label }) };

  const digits = typed.replace(/[\s.]/g, "").replace(/^BE/i, "");
  if (/^\d{10}$/.test(digits)) {
    const bce = checkBce(digits);
    if (!bce.ok) return { kind: "invalid", message: bce.message };
    const [found] = await db.$queryRaw<(CentreMatch & { sending: boolean })[]>`
      SELECT e.id, e.name, e."bceNumber",
             EXISTS (SELECT 1 FROM "C607Request" r WHERE r."entityId" = e.id AND r.status <> 'DRAFT') AS sending
      FROM "Entity" e WHERE e."bceNumber" = ${bce.digits} AND e.kind = 'CPAS'`;
    if (!found) return { kind: "none" };
    return found.sending ? { kind: "one", centre: rowOf(found) } : { kind: "notSending", centre: rowOf(found) };
  }

  const rows = await db.$queryRaw<(CentreMatch & { exact: boolean })[]>`
    SELECT e.id, e.name, e."bceNumber",
           lower(translate(e.name, ${FOLD_FROM}, ${FOLD_TO})) = lower(translate(${typed}, ${FOLD_FROM}, ${FOLD_TO})) AS exact
    FROM "Entity" e
    WHERE e.kind = 'CPAS'
      AND strpos(lower(translate(e.name, ${FOLD_FROM}, ${FOLD_TO})), lower(translate(${typed}, ${FOLD_FROM}, ${FOLD_TO}))) > 0
      AND EXISTS (SELECT 1 FROM "C607Request" r WHERE r."entityId" = e.id AND r.status <> 'DRAFT')
    ORDER BY exact DESC, e.name ASC, e.id ASC
    LIMIT ${CENTRE_CANDIDATES + 1}`;
  const exact = rows.filter((r) => r.exact);
  if (rows.length === 1 || exact.length === 1) return { kind: "one", centre: rowOf(exact[0] ?? rows[0]!) };
  if (rows.length === 0) return { kind: "none" };
  return { kind: "several", candidates: rows.slice(0, CENTRE_CANDIDATES).map(rowOf), more: rows.length > CENTRE_CANDIDATES };
}

/**
 * The centre the queue is filtered on (`entityId` in the address), to show its name in the filter:
 * one lookup by primary key, whatever the number of centres. Null for an id that is no CPAS (the
 * queue is then empty, as it always was for such an id).
 */
export async function centreById({ ctx, id }: { ctx: C607Context; id: string }): Promise<CentreMatch | null> {
  if (sideOf(ctx.actor) !== "ONEM") throw forbidden();
  return db.entity.findFirst({ where: { id, kind: "CPAS" }, select: { id: true, name: true, bceNumber: true } });
}
