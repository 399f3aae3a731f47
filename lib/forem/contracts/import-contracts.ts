import "server-only";

import type { Actor } from "@/lib/access/actor";
import { deferAuditEvents, writeAuditEvent } from "@/lib/audit/write-audit-event";
import { blindIndex } from "@/lib/crypto/keys";
import { db } from "@/lib/db/client";
import type { RequestMeta } from "@/lib/http/request-context";
import { msg } from "@/lib/i18n/message-ref";
import { findOrCreateWorker } from "@/lib/workers";

import { assertForemAccess } from "../access";
import { auditContext } from "../audit-context";
import { fromDbDate } from "../dates";

import { contractSummary, toContractData } from "./contract-data";
import { parseContractRows, type ParsedRow } from "./parse-contract-rows";
import { readSheet, SheetError } from "./read-sheet";
import { sameName } from "./same-name";

export type ImportReport = {
  fileName: string;
  /** True only when every line was valid and all were saved together. */
  isImported: boolean;
  importedCount: number;
  /** Catalogue references (msg), like `refused[].reasons`: the route says them in the reader's language. */
  fileError?: string;
  refused: { line: number; reasons: string[] }[];
  accepted: number[];
};

/**
 * All or nothing: if one line is refused, nothing is saved and the report lists every refused line
 * with its reasons. The agent corrects the file and imports it again — no half-imported file to
 * reconcile, and no duplicate when the corrected file is sent again (docs/forem.md).
 */
export async function importContracts(o: { actor: Actor; fileName: string; bytes: Uint8Array; meta: RequestMeta }): Promise<ImportReport> {
  assertForemAccess(o.actor);
  const entityId = o.actor.entityId;
  const report = (r: Partial<ImportReport>): ImportReport => ({ fileName: o.fileName, isImported: false, importedCount: 0, refused: [], accepted: [], ...r });
  let parsed;
  try {
    parsed = parseContractRows(await readSheet({ fileName: o.fileName, bytes: o.bytes }));
  } catch (error) {
    if (error instanceof SheetError) return report({ fileError: error.message });
    throw error;
  }
  if (parsed.fileError) return report({ fileError: parsed.fileError });

  const rows = await checkAgainstRegister(entityId, parsed.rows);
  const refused = rows.flatMap((r) => (r.ok ? [] : [{ line: r.line, reasons: r.reasons }]));
  const valid = rows.flatMap((r) => (r.ok ? [r] : []));
  if (refused.length) return report({ refused, accepted: valid.map((r) => r.line) });

  const audit = auditContext(o.actor, o.meta);
  await db.$transaction(
    // The import's events (contracts, new workers) are written together at the end: the centre's
    // audit chain is locked only for that last step, not while 1,000 rows are saved (issue 9).
    async (tx) =>
      deferAuditEvents(tx, async () => {
        for (const row of valid) {
          const { niss, firstName, lastName, ...fields } = row.input;
          // A known NISS under another name was refused above: this never renames anyone by surprise.
          const { worker } = await findOrCreateWorker(tx, { entityId, niss, firstName, lastName, audit });
          const contract = await tx.contract.create({ data: { entityId, workerId: worker.id, createdById: o.actor.personId, ...toContractData(fields) } });
          await writeAuditEvent(tx, audit, {
            action: "contract.created",
            targetType: "Contract",
            targetId: contract.id,
            after: { workerId: worker.id, source: "import", line: row.line, ...contractSummary(contract) },
          });
        }
        await writeAuditEvent(tx, audit, { action: "contract.imported", after: { fileName: o.fileName, count: valid.length } });
      }),
    { timeout: 120_000, maxWait: 10_000 },
  );
  return report({ isImported: true, importedCount: valid.length, accepted: valid.map((r) => r.line) });
}

/** Lines that are valid on their own but clash with the register: a known NISS under another name, or the same contract already saved. */
async function checkAgainstRegister(entityId: string, rows: ParsedRow[]): Promise<ParsedRow[]> {
  const valid = rows.flatMap((r) => (r.ok ? [r] : []));
  const indexes = [...new Set(valid.map((r) => blindIndex(r.input.niss)))];
  const workers = await db.worker.findMany({
    where: { entityId, nissBlindIndex: { in: indexes } },
    select: { id: true, nissBlindIndex: true, firstName: true, lastName: true, contracts: { select: { kind: true, startDate: true } } },
  });
  const byIndex = new Map(workers.map((w) => [w.nissBlindIndex, w]));
  return rows.map((r) => {
    if (!r.ok) return r;
    const w = byIndex.get(blindIndex(r.input.niss));
    if (!w) return r;
    if (!sameName(w, r.input)) {
      return {
        line: r.line,
        ok: false,
        reasons: [msg("forem.import.errors.otherName", { name: `${w.lastName} ${w.firstName}` })],
      };
    }
    if (w.contracts.some((c) => c.kind === r.input.kind && fromDbDate(c.startDate) === r.input.startDate)) {
      return { line: r.line, ok: false, reasons: [msg("forem.import.errors.alreadySaved")] };
    }
    return r;
  });
}
