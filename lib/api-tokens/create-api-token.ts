import "server-only";

import type { Actor } from "@/lib/access/actor";
import { canAnywhere } from "@/lib/access/can";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import { AppError, forbidden } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import type { RequestMeta } from "@/lib/http/request-context";

import { MAX_ACTIVE_TOKENS, TOKEN_SESSION_PREFIX } from "./config";
import type { TCreateApiToken } from "./schemas";
import { generateApiToken } from "./token-format";

export type CreatedApiToken = { id: string; name: string; token: string };

/**
 * A new personal token for the actor (a technical user: action "app.c607.api_token"). The token
 * itself is returned once and never stored: only its SHA-256 is. A token cannot mint another
 * token: only a browser session can (a leaked token must not be able to multiply itself).
 */
export async function createApiToken(o: { actor: Actor; meta: RequestMeta; input: TCreateApiToken }): Promise<CreatedApiToken> {
  const { actor } = o;
  if (actor.sessionId.startsWith(TOKEN_SESSION_PREFIX) || !canAnywhere(actor, "app.c607.api_token")) throw forbidden();
  const { token, tokenHash } = generateApiToken();
  return db.$transaction(async (tx) => {
    // Serialise the creations of one person so the limit holds under double submits.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`api-token:${actor.personId}`}))`;
    const active = await tx.apiToken.count({ where: { personId: actor.personId, revokedAt: null } });
    if (active >= MAX_ACTIVE_TOKENS) {
      throw new AppError("CONFLICT", msg("apiTokens.errors.tooMany", { max: MAX_ACTIVE_TOKENS }));
    }
    const row = await tx.apiToken.create({ data: { personId: actor.personId, name: o.input.name, tokenHash }, select: { id: true, name: true } });
    await writeAuditEvent(
      tx,
      { actorId: actor.personId, entityId: actor.entityId, ...o.meta },
      { action: "api_token.created", targetType: "ApiToken", targetId: row.id, after: { name: row.name } },
    );
    return { ...row, token };
  });
}
