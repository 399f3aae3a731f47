import "server-only";

import type { Actor, Resource } from "@/lib/access/actor";
import { can } from "@/lib/access/can";
import type { Action } from "@/lib/access/permissions";
import { AppError, forbidden, notFound } from "@/lib/errors/app-error";

/**
 * What an entry point (server action, route handler) declares: an Action of the permission table
 * (several: any of them, e.g. the two sides of C60.7), or one of two markers used by design only:
 * - `public`: no session (health, invitation acceptance, the sign-in steps);
 * - `signedIn`: any signed-in person, on their own things only (session ping, sign-out, their own
 *   sessions, tokens and messages, the usage policy they accept, the API description).
 */
export type Permission = Action | readonly Action[] | "public" | "signedIn";

/** Finds the resource (or the scopes a target lives in: any of them) from the validated input. */
export type ResourceResolver<O> = (o: O) => Resource | readonly Resource[] | Promise<Resource | readonly Resource[]>;

/**
 * The check every entry point makes after validating its input and before its domain function:
 * the resource is resolved (by id and the actor's entity: another centre's id is a 404), then
 * `can(actor, permission, resource)` decides. A refusal is 403, or 404 where the area hides itself.
 */
export async function authorizeEntry<O>(
  actor: Actor | null,
  permission: Permission,
  resolve: ResourceResolver<O> | undefined,
  o: O,
  denied: "forbidden" | "notFound" = "forbidden",
): Promise<void> {
  if (permission === "public") return;
  if (!actor) throw new AppError("UNAUTHENTICATED", "Votre session a pris fin. Reconnectez-vous.");
  if (permission === "signedIn") return;
  // A declared permission without a resolver is a programming error: deny rather than guess a scope.
  if (!resolve) throw denied === "notFound" ? notFound() : forbidden();
  const resolved = await resolve(o);
  const scopes: readonly Resource[] = Array.isArray(resolved) ? resolved : [resolved as Resource];
  const actions: readonly Action[] = typeof permission === "string" ? [permission as Action] : permission;
  if (!actions.some((a) => scopes.some((r) => can(actor, a, r)))) throw denied === "notFound" ? notFound() : forbidden();
}
