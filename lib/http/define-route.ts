import "server-only";

// zod's own messages as catalogue references (issue 13), before any schema parses.
import "@/lib/i18n/zod-messages";

import { type z } from "zod";

import type { Actor } from "@/lib/access/actor";
import { authenticateApiToken, bearerTokenOf, unauthenticatedToken } from "@/lib/api-tokens";
import { requireActor } from "@/lib/auth/get-actor";
import { isAppError, notFound } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";

import { authorizeEntry, type Permission, type ResourceResolver } from "./authorize-entry";
import { parseInput } from "./parse-input";
import { readForm, readJson } from "./read-body";
import { metaFromHeaders, type RequestMeta } from "./request-context";
import { assertSameOrigin, errorResponse } from "./route-handler";
import { queryObject } from "./search-params";

// THE way into a route handler (issue 9, STYLE 5), the twin of define-action.ts: authenticate
// (session cookie, or a Bearer API token where `auth: "sessionOrToken"`), refuse a cross-site
// state change, parse the path's ids and the query (a non-UUID id is a 404, a repeated query
// parameter a 400), resolve the resource from them and check `can(actor, permission, resource)`,
// and only then read the body — bounded while it streams (read-body.ts) — and run the handler.

/**
 * `json`: a JSON body and its schema; `form`: a multipart upload (FormData); `fields`: the few
 * fields of a plain form POST (downloads that are audited), one value per name, and their schema.
 * Every kind is bounded while it streams (read-body.ts).
 */
type Body = { json: z.ZodType; maxBytes?: number } | { form: { maxBytes: number; tooLarge: string } } | { fields: z.ZodType; maxBytes?: number } | undefined;
type BodyOf<B> = B extends { json: infer S extends z.ZodType }
  ? z.output<S>
  : B extends { fields: infer S extends z.ZodType }
    ? z.output<S>
    : B extends { form: unknown }
      ? FormData
      : undefined;
type OutOf<S> = S extends z.ZodType ? z.output<S> : Record<string, never>;
type ActorFor<P extends Permission> = P extends "public" ? null : Actor;

export type RouteDefinition<P extends Permission, PS extends z.ZodType | undefined, QS extends z.ZodType | undefined, B extends Body> = {
  permission: P;
  /** The path's parameters, e.g. `z.object({ id: ZId })`. */
  params?: PS;
  /** The query string (one value per name). */
  query?: QS;
  body?: B;
  /** `sessionOrToken`: the C60.7 API also accepts personal API tokens (lib/c607/api/c607-route.ts). */
  auth?: "session" | "sessionOrToken";
  /** Runs right after authentication, before anything the caller sent is read (the C60.7 side). */
  gate?: (actor: Actor) => void;
  handler: (o: { req: Request; actor: ActorFor<P>; meta: RequestMeta; params: OutOf<PS>; query: OutOf<QS>; body: BodyOf<B> }) => Promise<Response>;
} & (P extends "public" | "signedIn"
  ? { resource?: never }
  : { resource: ResourceResolver<{ actor: Actor; params: OutOf<PS>; query: OutOf<QS> }>; denied?: "forbidden" | "notFound" });

type RouteContext = { params: Promise<Record<string, string | string[]>> };

type Loose = {
  permission: Permission;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: Body;
  auth?: "session" | "sessionOrToken";
  gate?: (actor: Actor) => void;
  resource?: ResourceResolver<{ actor: Actor; params: unknown; query: unknown }>;
  denied?: "forbidden" | "notFound";
  handler: (o: { req: Request; actor: Actor | null; meta: RequestMeta; params: unknown; query: unknown; body: unknown }) => Promise<Response>;
};

/**
 * A Bearer call skips the Origin check on purpose: a browser never adds an Authorization header by
 * itself, so the header proves the caller holds the credential (and a Bearer call never reads the
 * cookie, so a forged request carrying the victim's cookie plus the attacker's token acts as the
 * attacker). Scripts send no Origin at all. A bad token is a 401, even with a valid cookie.
 */
async function authenticate(req: Request, def: Loose, meta: RequestMeta): Promise<{ actor: Actor | null; viaToken: boolean }> {
  const bearer = def.auth === "sessionOrToken" ? bearerTokenOf(req.headers.get("authorization")) : undefined;
  if (bearer !== undefined) {
    if (!bearer) throw unauthenticatedToken();
    return { actor: await authenticateApiToken({ token: bearer, meta }), viaToken: true };
  }
  assertSameOrigin(req);
  if (def.permission === "public") return { actor: null, viaToken: false };
  return { actor: await requireActor(), viaToken: false };
}

export function defineRoute<
  P extends Permission,
  PS extends z.ZodType | undefined = undefined,
  QS extends z.ZodType | undefined = undefined,
  B extends Body = undefined,
>(definition: RouteDefinition<P, PS, QS, B>): ((req: Request, ctx: RouteContext) => Promise<Response>) & { permission: P } {
  const def = definition as unknown as Loose;
  const handler = async (req: Request, ctx: RouteContext): Promise<Response> => {
    const isTokenRoute = def.auth === "sessionOrToken" && bearerTokenOf(req.headers.get("authorization")) !== undefined;
    try {
      const meta = metaFromHeaders(req.headers);
      const { actor } = await authenticate(req, def, meta);
      if (actor && def.gate) def.gate(actor);
      const params = def.params ? parsePath(def.params, (await ctx?.params) ?? {}) : {};
      const query = def.query ? parseInput(def.query, queryObject(new URL(req.url).searchParams)) : {};
      await authorizeEntry(actor, def.permission, def.resource, { actor: actor!, params, query }, def.denied);
      const body = await readDeclaredBody(req, def.body);
      return await def.handler({ req, actor, meta, params, query, body });
    } catch (error) {
      return errorResponse(error, req, isTokenRoute ? 'Bearer realm="portail-cpas"' : undefined);
    }
  };
  return Object.assign(handler, { permission: definition.permission });
}

/** A path that does not parse (an id that is not a UUID…) names nothing: 404 before any query. */
function parsePath(schema: z.ZodType, raw: unknown): unknown {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

async function readDeclaredBody(req: Request, body: Body): Promise<unknown> {
  if (!body) return undefined;
  if ("json" in body) return readJson(req, body.json, body.maxBytes);
  if ("form" in body) return readForm(req, body.form);
  const maxBytes = body.maxBytes ?? 16 * 1024;
  const form = await readForm(req, { maxBytes, tooLarge: msg("errors.request.formTooLarge") }).catch((e: unknown) => {
    // An empty or unreadable form is just "no fields": the schema says what is missing (400).
    if (isAppError(e) && e.code === "BAD_REQUEST") return new FormData();
    throw e;
  });
  const values = [...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string");
  return parseInput(body.fields, queryObject(new URLSearchParams(values)));
}
