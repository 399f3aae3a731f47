import "server-only";

import type { Tx } from "@/lib/db/client";

/**
 * Locks this year's counter row for the rest of the transaction. Creates therefore run one after
 * the other: the caller can look for its idempotency key *after* taking the lock and be sure a
 * concurrent twin has either committed (and is found) or not started.
 */
export async function lockReferenceCounter(tx: Tx, year: number): Promise<number> {
  await tx.$executeRaw`INSERT INTO "C607ReferenceCounter" ("year", "lastValue") VALUES (${year}, 0) ON CONFLICT ("year") DO NOTHING`;
  const rows = await tx.$queryRaw<{ lastValue: number }[]>`SELECT "lastValue" FROM "C607ReferenceCounter" WHERE "year" = ${year} FOR UPDATE`;
  return rows[0]!.lastValue;
}

/** C607-YYYY-NNNNNN: next number of the year, taken under the lock (no gap, no duplicate). */
export async function takeReference(tx: Tx, year: number): Promise<string> {
  const last = await lockReferenceCounter(tx, year);
  const next = last + 1;
  await tx.$executeRaw`UPDATE "C607ReferenceCounter" SET "lastValue" = ${next} WHERE "year" = ${year}`;
  return formatReference(year, next);
}

export function formatReference(year: number, n: number): string {
  return `C607-${year}-${String(n).padStart(6, "0")}`;
}
