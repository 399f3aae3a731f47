import "server-only";

import { z } from "zod";

import type { Actor } from "@/lib/access/actor";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import type { RequestMeta } from "@/lib/http/request-context";
import { safeText } from "@/lib/validation/safe-text";

import { assertForemAccess } from "../access";
import { auditContext } from "../audit-context";
import { toDbDate } from "../dates";

import { foremFileName } from "./build-forem-workbook";
import { countEndedContracts } from "./list-ended-contracts";
import { ZPeriod } from "./period-schema";

export const ZRecordTransmission = z.object({
  period: ZPeriod,
  sha256: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^[0-9a-f]{64}$/, msg("forem.validation.fileHash"))
      .optional(),
  ),
  note: z.preprocess((v) => (v === "" ? undefined : v), safeText({ max: 500, label: msg("forem.fields.note") }).optional()),
  isConfirmed: z.literal(true, { error: msg("forem.validation.confirmSent") }),
});
export type TRecordTransmission = z.infer<typeof ZRecordTransmission>;

/**
 * Records, after the agent confirms the sending, that the FOREM file of a period went out: who,
 * when, which period, how many rows. The row count is recomputed here, not taken from the browser.
 * The password never reaches the server: there is no field for it.
 */
export async function recordTransmission(o: { actor: Actor; input: TRecordTransmission; meta: RequestMeta }) {
  assertForemAccess(o.actor);
  const { period } = o.input;
  const rowCount = await countEndedContracts({ actor: o.actor, period });
  if (rowCount === 0) throw new AppError("UNPROCESSABLE", msg("forem.errors.nothingToRecord"));
  const fileName = `${foremFileName(period)}.enc`;
  return db.$transaction(async (tx) => {
    const t = await tx.foremTransmission.create({
      data: {
        entityId: o.actor.entityId,
        createdById: o.actor.personId,
        periodFrom: toDbDate(period.from),
        periodTo: toDbDate(period.to),
        rowCount,
        fileName,
        sha256: o.input.sha256,
        note: o.input.note,
      },
    });
    await writeAuditEvent(tx, auditContext(o.actor, o.meta), {
      action: "forem.transmission_recorded",
      targetType: "ForemTransmission",
      targetId: t.id,
      after: { periodFrom: period.from, periodTo: period.to, rowCount, fileName },
    });
    return t;
  });
}
