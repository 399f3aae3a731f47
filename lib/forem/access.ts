import "server-only";

import type { Actor } from "@/lib/access/actor";
import { canUseApplication } from "@/lib/access/application-scope";
import { notFound } from "@/lib/errors/app-error";

// The contracts register, the FOREM file and attestations are the Agent Social application of a
// CPAS (holders of the right under Action Sociale, and the GL/co-GL of that quality:
// lib/access/permissions.ts; a right or GL role under another quality opens nothing).
// Every check is scoped to the actor's own centre; anyone else gets the answer a missing page gets.

export function canUseForem(actor: Actor | null | undefined): actor is Actor {
  return !!actor && actor.entityKind === "CPAS" && canUseApplication(actor, "app.agent_social");
}

export function assertForemAccess(actor: Actor | null | undefined): asserts actor is Actor {
  if (!canUseForem(actor)) throw notFound();
}

export function canUseFileExchange(actor: Actor | null | undefined): actor is Actor {
  return !!actor && actor.entityKind === "CPAS" && canUseApplication(actor, "app.file_exchange");
}

export function assertFileExchangeAccess(actor: Actor | null | undefined): asserts actor is Actor {
  if (!canUseFileExchange(actor)) throw notFound();
}
