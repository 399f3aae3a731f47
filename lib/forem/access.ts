import "server-only";

import type { Actor } from "@/lib/access/actor";
import { can } from "@/lib/access/can";
import { notFound } from "@/lib/errors/app-error";

// The contracts register, the FOREM file and attestations are the Agent Social application of a
// CPAS (holders of the right, and the GL/co-GL of its quality: lib/access/permissions.ts).
// Every check is scoped to the actor's own centre; anyone else gets the answer a missing page gets.

export function canUseForem(actor: Actor | null | undefined): actor is Actor {
  return !!actor && actor.entityKind === "CPAS" && can(actor, "app.agent_social", { entityId: actor.entityId });
}

export function assertForemAccess(actor: Actor | null | undefined): asserts actor is Actor {
  if (!canUseForem(actor)) throw notFound();
}

export function canUseFileExchange(actor: Actor | null | undefined): actor is Actor {
  return !!actor && can(actor, "app.file_exchange", { entityId: actor.entityId });
}

export function assertFileExchangeAccess(actor: Actor | null | undefined): asserts actor is Actor {
  if (!canUseFileExchange(actor)) throw notFound();
}
