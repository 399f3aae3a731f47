import "server-only";

import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";

import { type Environment, MAX_SEQUENCE } from "./file-names";

// The sequence number of a sending's file names (batch directives, number.htm): unique per sender
// number, date and environment, 5 digits from 00001. The social security refuses a name already
// sent (ACRF 133), so a number is given once and never again, even when its deposit fails (the
// server may have received part of it). One INSERT … ON CONFLICT DO UPDATE increments the counter:
// PostgreSQL locks the counter's row until the transaction ends, so two deposits at the same moment
// wait for each other and get different numbers.

export async function nextSequence(tx: Tx, o: { senderNumber: string; date: string; environment: Environment }): Promise<number> {
  const ymd = o.date.replaceAll("-", "");
  const [row] = await tx.$queryRaw<{ lastValue: number }[]>`
    INSERT INTO "BatchFileSequence" ("senderNumber", "date", "environment", "lastValue")
    VALUES (${o.senderNumber}, ${ymd}, ${o.environment}, 1)
    ON CONFLICT ("senderNumber", "date", "environment") DO UPDATE SET "lastValue" = "BatchFileSequence"."lastValue" + 1
    RETURNING "lastValue"`;
  const value = Number(row!.lastValue);
  if (value > MAX_SEQUENCE) {
    throw new AppError("UNPROCESSABLE", msg("batch.errors.sequenceExhausted", { max: MAX_SEQUENCE }));
  }
  return value;
}
