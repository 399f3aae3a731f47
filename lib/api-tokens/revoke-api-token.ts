import "server-only";

import type { Actor } from "@/lib/access/actor";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import type { RequestMeta } from "@/lib/http/request-context";

/**
 * Revokes one of the actor's own tokens; its next call gets a 401. Only the holder's tokens are
 * looked at (another person's id is simply not found). No role is required: revoking only takes
 * access away, and someone who lost the technical-user role must still be able to clean up.
 */
export async function revokeApiToken(o: { actor: Actor; meta: RequestMeta; tokenId: string }): Promise<{ name: string }> {
  const { actor } = o;
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: o.tokenId, personId: actor.personId, revokedAt: null }, select: { id: true, name: true } });
    if (!token) throw new AppError("NOT_FOUND", msg("apiTokens.errors.notFoundOrRevoked"));
    // The revokedAt condition makes a double click revoke (and audit) once.
    const { count } = await tx.apiToken.updateMany({ where: { id: token.id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) throw new AppError("NOT_FOUND", msg("apiTokens.errors.notFoundOrRevoked"));
    await writeAuditEvent(
      tx,
      { actorId: actor.personId, entityId: actor.entityId, ...o.meta },
      { action: "api_token.revoked", targetType: "ApiToken", targetId: token.id, before: { name: token.name } },
    );
    return { name: token.name };
  });
}
