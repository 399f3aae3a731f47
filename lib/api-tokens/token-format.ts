import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// Personal API tokens: `cpas_` + 32 random bytes in base64url (43 characters). The prefix lets
// secret scanners and people recognise a leaked token; only its SHA-256 is stored. A plain hash
// (no salt, no argon2) is enough here: 256 random bits cannot be guessed from the hash, and a fast
// hash lets each request find its token by a unique index instead of trying every row.

export const TOKEN_PREFIX = "cpas_";
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^cpas_[A-Za-z0-9_-]{43}$/;

/** A new token (shown once to its holder) and the hash stored in its place. */
export function generateApiToken(): { token: string; tokenHash: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(TOKEN_BYTES).toString("base64url")}`;
  return { token, tokenHash: hashApiToken(token) };
}

/** Hex SHA-256 of the whole token, prefix included. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function isWellFormedApiToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/**
 * The token of an `Authorization: Bearer …` header: `undefined` when the header is absent or uses
 * another scheme (the request is then a session call), `null` when it says Bearer but carries no
 * well-formed token (refused: never fall back to the cookie).
 */
export function bearerTokenOf(authorization: string | null): string | null | undefined {
  if (!authorization) return undefined;
  const m = /^Bearer(?:\s+(.*))?$/i.exec(authorization.trim());
  if (!m) return undefined;
  const value = (m[1] ?? "").trim();
  return isWellFormedApiToken(value) ? value : null;
}

/** Constant-time comparison of two hex hashes (the lookup is by unique index; this double-checks). */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}
