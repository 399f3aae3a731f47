import "server-only";

import { createHash } from "node:crypto";

import type { Actor } from "@/lib/access/actor";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import type { RequestMeta } from "@/lib/http/request-context";

import { auditContext } from "../audit-context";

import { buildForemWorkbook, foremFileName } from "./build-forem-workbook";
import { listEndedContracts } from "./list-ended-contracts";
import type { TPeriod } from "./period-schema";

/**
 * Builds the FOREM workbook for a period. Producing a file of national numbers is itself recorded
 * in the audit trail (who, which period, how many rows): it is a disclosure of personal data,
 * even before anything is sent.
 */
export async function buildForemFile(o: { actor: Actor; period: TPeriod; meta: RequestMeta }) {
  const rows = await listEndedContracts({ actor: o.actor, period: o.period });
  if (rows.length === 0) throw new AppError("UNPROCESSABLE", msg("forem.errors.noFileToProduce"));
  const bytes = await buildForemWorkbook(rows);
  const fileName = foremFileName(o.period);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  await db.$transaction((tx) =>
    writeAuditEvent(tx, auditContext(o.actor, o.meta), {
      action: "forem.file_built",
      targetType: "ForemFile",
      after: { periodFrom: o.period.from, periodTo: o.period.to, rowCount: rows.length, fileName, sha256 },
    }),
  );
  return { bytes, fileName, rowCount: rows.length, sha256 };
}
