import "server-only";

import { notFound as pageNotFound, redirect } from "next/navigation";

import type { Actor } from "@/lib/access/actor";
import { canUseApplication } from "@/lib/access/application-scope";
import { getActor } from "@/lib/auth/get-actor";
import { notFound } from "@/lib/errors/app-error";

// The security log opens to holders of "Rôle - Conseiller en sécurité (Audit)" and to the DPD
// (lib/access/permissions.ts, "app.security_log"), for their own centre only. Anyone else gets the
// answer a missing page gets: the log's existence is not advertised.

export function canReadSecurityLog(actor: Actor | null | undefined): actor is Actor {
  return canUseApplication(actor, "app.security_log");
}

export function assertSecurityLogAccess(actor: Actor | null | undefined): asserts actor is Actor {
  if (!canReadSecurityLog(actor)) throw notFound();
}

/** For pages: no session → sign-in; no right → 404. */
export async function securityLogPageActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  if (!canReadSecurityLog(actor)) pageNotFound();
  return actor;
}
