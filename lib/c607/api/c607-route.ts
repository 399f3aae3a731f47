import "server-only";

import type { z } from "zod";

import type { Actor } from "@/lib/access/actor";
import { authenticateApiToken, bearerTokenOf, unauthenticatedToken } from "@/lib/api-tokens";
import { requireActor } from "@/lib/auth/get-actor";
import { AppError } from "@/lib/errors/app-error";
import { metaFromHeaders, type RequestMeta } from "@/lib/http/request-context";
import { routeHandler } from "@/lib/http/route-handler";
import { parseInput } from "@/lib/http/server-action";

import { type C607Context, sideOf } from "../requests/context";

const MAX_JSON_BYTES = 1024 * 1024;

type Handler<P> = (o: { req: Request; ctx: C607Context; params: P }) => Promise<Response>;
type RouteContext<P> = { params: Promise<P> };

/**
 * Every /api/c607 handler accepts two credentials, and the domain functions then decide with the
 * same actor type whichever was used:
 * - a personal API token (`Authorization: Bearer cpas_…`, technical users, lib/api-tokens). It takes
 *   precedence: when the header says Bearer, the session cookie is never read, and a bad token is a
 *   401 even if a valid cookie came along (no fallback that could turn a token call into a cookie call);
 * - otherwise the browser session (cookie), with the same-origin check of routeHandler.
 */
export function c607Route<P extends Record<string, string> = Record<string, never>>(fn: Handler<P>) {
  // A caller on neither side of the workflow gets 403 before its body or query is read, so the
  // answer never depends on what it sent. The domain functions check again, per request and centre.
  const gated = (o: { req: Request; ctx: C607Context; params: P }) => {
    sideOf(o.ctx.actor);
    return fn(o);
  };
  const viaSession = routeHandler<RouteContext<P>>(async (req, { params }) =>
    gated({
      req,
      ctx: { actor: await requireActor(), meta: metaFromHeaders(req.headers) },
      params: await params,
    }),
  );
  const viaToken = tokenRouteHandler<P>(async (req, { params }, actor, meta) => gated({ req, ctx: { actor, meta }, params: await params }));
  return (req: Request, routeCtx: RouteContext<P>): Promise<Response> =>
    bearerTokenOf(req.headers.get("authorization")) === undefined ? viaSession(req, routeCtx) : viaToken(req, routeCtx);
}

/**
 * A Bearer call skips routeHandler's Origin check on purpose. CSRF works because the browser adds
 * the victim's cookie by itself to a request another site triggers; it never adds an Authorization
 * header by itself. A page can only send a Bearer token it already holds (and a cross-site fetch
 * with that header needs a CORS preflight, which the portal never grants), so the header proves the
 * caller holds the credential. And since a Bearer call ignores the cookie entirely (above), a forged
 * request carrying the victim's cookie plus the attacker's own token acts as the attacker. Scripts
 * (curl, servers) send no Origin at all, so the check would refuse every legitimate call.
 */
function tokenRouteHandler<P>(fn: (req: Request, routeCtx: RouteContext<P>, actor: Actor, meta: RequestMeta) => Promise<Response>) {
  return routeHandler<RouteContext<P>>(
    async (req, routeCtx) => {
      const token = bearerTokenOf(req.headers.get("authorization"));
      if (!token) throw unauthenticatedToken();
      const meta = metaFromHeaders(req.headers);
      return fn(req, routeCtx, await authenticateApiToken({ token, meta }), meta);
    },
    { checkOrigin: false, authChallenge: 'Bearer realm="portail-cpas"' },
  );
}

/** The body parsed with the input's schema; malformed JSON or a wrong content type is a 400. */
export async function readBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  if (!/^application\/json\b/i.test(req.headers.get("content-type") ?? "")) {
    throw new AppError("BAD_REQUEST", "Envoyez un corps JSON (Content-Type: application/json).");
  }
  const text = await req.text();
  if (text.length > MAX_JSON_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "Corps de requête trop volumineux (1 Mo au maximum).");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "Le corps de la requête n'est pas un JSON valide.");
  }
  return parseInput(schema, value);
}

export const json = (body: unknown, status = 200) => Response.json(body, { status });
