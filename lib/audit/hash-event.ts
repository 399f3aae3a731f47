import { createHash } from "node:crypto";

// Each event's hash covers its own fields and the previous event's hash in its chain, so editing,
// inserting or deleting any row breaks every later link of that chain (`npm run audit:verify`).

export const GENESIS_HASH = "0".repeat(64);

export type HashableEvent = {
  occurredAt: Date;
  actorId: string | null;
  entityId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
};

/** Where an event sits: its chain and its position there. Hashed too, so no event moves unnoticed. */
export type ChainLink = { chainKey: string; seq: bigint };

/** JSON with keys sorted at every level: jsonb does not keep key order, the hash must not care. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === "bigint") return JSON.stringify(value.toString());
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * Without `link`: the formula of the single portal-wide chain, kept for its events (chain "legacy").
 * With it: the per-centre chains, whose body also names the chain and the position.
 */
export function hashEvent(prevHash: string, e: HashableEvent, link?: ChainLink): string {
  const body = canonicalJson({ ...e, occurredAt: e.occurredAt.toISOString(), prevHash, chainKey: link?.chainKey, seq: link?.seq.toString() });
  return createHash("sha256").update(body).digest("hex");
}
