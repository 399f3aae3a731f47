import type pg from "pg";

import type { ChainPageReader, ChainRow } from "./verify-audit-chain";

// Raw rows for `npm run audit:verify` (issue 15, goal 3): at two million events, Prisma's reading
// of each row cost as much as hashing it. The pg driver returns the same values: jsonb parsed,
// the instant as the ISO text Prisma would give (timestamp(3) read as UTC), seq as a bigint.

type RawRow = Omit<ChainRow, "occurredAt" | "seq"> & { occurredAt: string; seq: string };

export function pgPageReader(client: pg.Pool | pg.Client): ChainPageReader {
  return async (chainKey, afterSeq, limit) => {
    const { rows } = await client.query<RawRow>(
      `SELECT id, to_char("occurredAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurredAt", "actorId", "entityId", action, "targetType",
              "targetId", before, after, ip, "userAgent", seq, "prevHash", hash
       FROM "AuditEvent" WHERE "chainKey" = $1 AND seq > $2 ORDER BY seq ASC LIMIT $3`,
      [chainKey, afterSeq.toString(), limit],
    );
    return rows.map((r) => ({ ...r, occurredAt: new Date(r.occurredAt), seq: BigInt(r.seq) }));
  };
}
