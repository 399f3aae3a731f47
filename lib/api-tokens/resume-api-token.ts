import "server-only";

import type { Actor } from "@/lib/access/actor";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import { AppError, forbidden } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import type { RequestMeta } from "@/lib/http/request-context";

import { TOKEN_SESSION_PREFIX } from "./config";

const NOT_SUSPENDED = msg("apiTokens.errors.notSuspended");

/**
 * Resumes one of the actor's own tokens suspended without end (after a block: lib/auth/
 * stop-all-access.ts). Only from a browser session, which proves the holder is back (both factors,
 * account active and not locked): a token never resumes itself, nor another token.
 */
export async function resumeApiToken(o: { actor: Actor; meta: RequestMeta; tokenId: string }): Promise<{ name: string }> {
  const { actor } = o;
  if (actor.sessionId.startsWith(TOKEN_SESSION_PREFIX)) throw forbidden();
  return db.$transaction(async (tx) => {
    const where = { id: o.tokenId, personId: actor.personId, revokedAt: null, suspendedAt: { not: null }, suspendedUntil: null };
    const token = await tx.apiToken.findFirst({ where, select: { id: true, name: true, suspendedReason: true } });
    if (!token) throw new AppError("NOT_FOUND", NOT_SUSPENDED);
    // The same condition in the update: a double click resumes (and audits) once.
    const { count } = await tx.apiToken.updateMany({ where, data: { suspendedAt: null, suspendedUntil: null, suspendedReason: null } });
    if (count === 0) throw new AppError("NOT_FOUND", NOT_SUSPENDED);
    await writeAuditEvent(
      tx,
      { actorId: actor.personId, entityId: actor.entityId, ...o.meta },
      { action: "api_token.resumed", targetType: "ApiToken", targetId: token.id, before: { name: token.name, suspendedReason: token.suspendedReason } },
    );
    return { name: token.name };
  });
}
