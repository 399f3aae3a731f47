import "server-only";

import { unstable_rethrow } from "next/navigation";

import { AppError, isAppError } from "@/lib/errors/app-error";
import { GENERIC_MESSAGE, reportUnexpectedError } from "@/lib/errors/report-error";

import { isSameOrigin } from "./same-origin";

/** Browsers send Origin on every cross-site POST: a state-changing call from another site is refused. */
export function assertSameOrigin(req: Request): void {
  if (req.method === "GET" || req.method === "HEAD") return;
  if (!isSameOrigin(req.headers)) throw new AppError("FORBIDDEN", "Requête refusée : origine non autorisée (protection CSRF).");
}

/**
 * The one error mapping of route handlers (define-route.ts): Next's own control-flow errors
 * (notFound, redirect…) go back to Next; expected errors become JSON with their status; anything
 * else a generic 500 with an id, logged with national numbers masked.
 */
export function errorResponse(error: unknown, req: Request, authChallenge?: string): Response {
  unstable_rethrow(error);
  if (isAppError(error)) {
    const headers: HeadersInit = error.status === 401 && authChallenge ? { "WWW-Authenticate": authChallenge } : {};
    return Response.json({ erreur: error.message, code: error.code, champs: error.fieldErrors }, { status: error.status, headers });
  }
  const id = reportUnexpectedError(error, `${req.method} ${new URL(req.url).pathname}`);
  return Response.json({ erreur: `${GENERIC_MESSAGE} : ${id}.`, code: "INTERNAL" }, { status: 500 });
}
