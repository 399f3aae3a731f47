import "server-only";

import { AppError, isAppError } from "@/lib/errors/app-error";
import { GENERIC_MESSAGE, reportUnexpectedError } from "@/lib/errors/report-error";

/** Browsers send Origin on every cross-site POST: a state-changing call from another site is refused. */
export function assertSameOrigin(req: Request): void {
  if (req.method === "GET" || req.method === "HEAD") return;
  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (!origin || !host || hostOf(origin) !== host) {
    throw new AppError("FORBIDDEN", "Requête refusée : origine non autorisée (protection CSRF).");
  }
}

/** The host of an Origin header; null for "null" (sandboxed frames, file: pages) or anything unparsable. */
function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * Wraps a route handler: expected errors become JSON with their status, others a generic 500 with
 * an id. `checkOrigin: false` only for calls authenticated by a header the browser never adds by
 * itself (Bearer tokens, lib/c607/api/c607-route.ts); `authChallenge` is sent with every 401.
 */
export function routeHandler<C>(fn: (req: Request, ctx: C) => Promise<Response>, opts: { checkOrigin?: boolean; authChallenge?: string } = {}) {
  return async (req: Request, ctx: C): Promise<Response> => {
    try {
      if (opts.checkOrigin !== false) assertSameOrigin(req);
      return await fn(req, ctx);
    } catch (error) {
      if (isAppError(error)) {
        const headers: HeadersInit = error.status === 401 && opts.authChallenge ? { "WWW-Authenticate": opts.authChallenge } : {};
        return Response.json({ erreur: error.message, code: error.code, champs: error.fieldErrors }, { status: error.status, headers });
      }
      const id = reportUnexpectedError(error, `${req.method} ${new URL(req.url).pathname}`);
      return Response.json({ erreur: `${GENERIC_MESSAGE} : ${id}.`, code: "INTERNAL" }, { status: 500 });
    }
  };
}
