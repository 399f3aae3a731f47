import "server-only";

import type { Actor } from "@/lib/access/actor";
import { canAnywhere } from "@/lib/access/can";
import { loadActorForPerson } from "@/lib/auth/load-actor";
import { isLocked } from "@/lib/auth/lockout";
import { isSuspended } from "@/lib/auth/stop-all-access";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import type { RequestMeta } from "@/lib/http/request-context";
import { enforceRateLimits, RATE_LIMITS } from "@/lib/security/rate-limit";

import { LAST_USED_RESOLUTION_MS } from "./config";
import { hashApiToken, isWellFormedApiToken, sameHash } from "./token-format";

// One French answer for every refusal (unknown, revoked, suspended, holder blocked, locked out or
// no longer a technical user, outside the centre's hours or networks): a caller holding a dead token learns nothing
// about the holder's account from the reason.
const REFUSED = msg("apiTokens.errors.refused");
export const unauthenticatedToken = () => new AppError("UNAUTHENTICATED", REFUSED);

/**
 * The actor behind a Bearer token: the token exists, is neither revoked nor suspended, and its
 * holder is, on this very call, ACTIVE and not locked out (issue 9, finding 6: a token must not
 * outlive its holder's access, whatever path locked or blocked them); it is within its rate
 * limit (429 otherwise), its holder passes the centre's access policy
 * (loadActorForPerson), and still holds the technical-user role the token was created under.
 * The actor then has exactly the holder's roles and rights: each C60.7 handler checks
 * "app.c607" / "app.c607.onem" on it as for a browser session.
 */
export async function authenticateApiToken(o: { token: string; meta: RequestMeta; now?: Date }): Promise<Actor> {
  if (!isWellFormedApiToken(o.token)) throw unauthenticatedToken();
  const tokenHash = hashApiToken(o.token);
  const now = o.now ?? new Date();
  const row = await db.apiToken.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      personId: true,
      tokenHash: true,
      revokedAt: true,
      suspendedAt: true,
      suspendedUntil: true,
      lastUsedAt: true,
    },
  });
  if (!row || row.revokedAt !== null || isSuspended(row, now) || !sameHash(row.tokenHash, tokenHash)) throw unauthenticatedToken();
  const holder = await db.person.findUnique({
    where: { id: row.personId },
    select: { status: true, failedLogins: true, lockoutLevel: true, lockedUntil: true },
  });
  if (!holder || holder.status !== "ACTIVE" || isLocked(holder, now)) throw unauthenticatedToken();

  // Counted per token (not per address): a script may run from several servers; a stolen token
  // cannot be used to flood the portal. Unknown tokens never reach this point, so random guesses
  // create no buckets (256 random bits are not guessed anyway).
  await enforceRateLimits([{ key: `api-token:${row.id}`, rule: RATE_LIMITS.apiPerToken }]);

  const actor = await loadActorForPerson(row.personId, { tokenId: row.id, meta: o.meta });
  if (!actor || !canAnywhere(actor, "app.c607.api_token")) throw unauthenticatedToken();

  await touchLastUsed(row, now);
  return actor;
}

/** At most one write a minute per token; the condition keeps concurrent calls from all writing. */
async function touchLastUsed(row: { id: string; lastUsedAt: Date | null }, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (row.lastUsedAt && row.lastUsedAt > cutoff) return;
  await db.apiToken.updateMany({
    where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: cutoff } }] },
    data: { lastUsedAt: now },
  });
}
