import "server-only";

import { notFound, redirect } from "next/navigation";

import { getActor } from "@/lib/auth/get-actor";
import { sideOf } from "@/lib/c607/requests";
import type { C607Context } from "@/lib/c607/requests/context";
import { isAppError } from "@/lib/errors/app-error";
import { requestMeta } from "@/lib/http/request-context";

/** The page's context, or the sign-in page / a 404 (never reveal a request to the wrong reader). */
export async function pageContext(): Promise<C607Context> {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  try {
    sideOf(actor);
  } catch {
    notFound();
  }
  return { actor, meta: await requestMeta() };
}

/** Runs a loader; an expected 403/404 becomes the not-found page. */
export async function loadOrNotFound<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
}
