import "server-only";

import { NextRequest } from "next/server";

import { AppError } from "@/lib/errors/app-error";
import { readBodyBytes } from "@/lib/http/read-body";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { msg, parseMessageRef } from "@/lib/i18n/message-ref";
import { negotiateLocale } from "@/lib/i18n/negotiate";
import { localize } from "@/lib/i18n/translator";

// next-auth's route reads any POST body itself and throws on what it cannot parse (a JSON content
// type with `{`…), and answers a callbackUrl it cannot parse with a "configuration" 500 (issue 9,
// finding 8). Only what next-auth's own client sends gets through: a small url-encoded form, on the
// routes it posts to, with the fields it always sends, in their shapes. Anything else is a 4xx
// before next-auth runs. CSRF stays next-auth's job (its double-submit token); where a valid
// callbackUrl leads is decided by its redirect callback (lib/http/safe-redirect.ts).

const MAX_BODY_BYTES = 8 * 1024;
const MAX_FIELD_CHARS = 2048;

// next-auth's CSRF token is 32 random bytes in hex; a sign-in challenge 32 in base64url
// (lib/auth/sign-in/challenge-token.ts).
const CSRF_TOKEN = /^[0-9a-f]{64}$/;
const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/** The POST routes under /api/auth/ and the fields their genuine callers always send. */
const POST_ROUTES: Record<string, Readonly<Record<string, RegExp>>> = {
  "callback/challenge": { csrfToken: CSRF_TOKEN, challenge: CHALLENGE },
  "signin/challenge": { csrfToken: CSRF_TOKEN },
  signout: { csrfToken: CSRF_TOKEN },
  session: { csrfToken: CSRF_TOKEN },
};

/**
 * next-auth's client posts its browser-side errors to `_log`, and next-auth writes whatever the
 * body says into the server's log at the level the body names — for anyone, signed in or not: a
 * way to fill the log or forge lines in it, and a way for a page's data to reach the log. The
 * portal keeps its log for its own events: such a post is answered « nothing to say » (204) and
 * never reaches next-auth.
 */
const CLIENT_LOG_ROUTE = "_log";

/**
 * The GET routes next-auth's client and pages use. A GET on a credentials callback makes next-auth
 * throw ("Callback for provider type credentials not supported"): it is a 404 here.
 */
const GET_ROUTES = new Set(["session", "csrf", "providers", "signin", "signin/challenge", "signout", "error"]);

/** next-auth's error codes are words (CredentialsSignin, Configuration…); it copies `error` into a Location header. */
const ERROR_CODE = /^[A-Za-z]{1,64}$/;

/**
 * A refusal as the portal's route handlers answer (lib/http/route-handler.ts): the message in the
 * caller's language (language cookie, else Accept-Language), beside the stable `code` and `cle`.
 */
function refuse(req: NextRequest, status: number, code: string, message: string): Response {
  const locale = negotiateLocale({ cookie: req.cookies.get(LOCALE_COOKIE)?.value, acceptLanguage: req.headers.get("accept-language") });
  return Response.json({ erreur: localize(locale, message), code, cle: parseMessageRef(message)?.key }, { status, headers: { "Content-Language": locale } });
}

/** The request to hand to next-auth (a POST rebuilt from its checked body), or the 4xx answer. */
export async function guardAuthRequest(req: NextRequest, segments: readonly string[]): Promise<NextRequest | Response> {
  const callbackUrls = [
    ...req.nextUrl.searchParams.getAll("callbackUrl"),
    ...req.cookies
      .getAll()
      .filter((c) => c.name.endsWith("next-auth.callback-url"))
      .map((c) => c.value),
  ];
  if (!callbackUrls.every((u) => isHttpUrl(u, req.nextUrl.origin))) return refuse(req, 400, "BAD_REQUEST", msg("errors.authRequest.badCallback"));
  return req.method === "POST" ? checkPost(req, segments) : checkGet(req, segments);
}

function checkGet(req: NextRequest, segments: readonly string[]): NextRequest | Response {
  if (!GET_ROUTES.has(segments.join("/"))) return refuse(req, 404, "NOT_FOUND", msg("errors.authRequest.unknownEndpoint"));
  const errors = req.nextUrl.searchParams.getAll("error");
  if (!errors.every((e) => ERROR_CODE.test(e))) return refuse(req, 400, "BAD_REQUEST", msg("errors.authRequest.badErrorParameter"));
  return req;
}

/**
 * What next-auth accepts as a callbackUrl without failing: its isValidHttpUrl resolves only a value
 * starting with "/" against the portal's address, so any other relative text (`a`) is a 500 there.
 */
export function isHttpUrl(value: string, base: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? base : undefined).protocol);
  } catch {
    return false;
  }
}

async function checkPost(req: NextRequest, segments: readonly string[]): Promise<NextRequest | Response> {
  if (segments.join("/") === CLIENT_LOG_ROUTE) return new Response(null, { status: 204 });
  const required = POST_ROUTES[segments.join("/")];
  if (!required) return refuse(req, 404, "NOT_FOUND", msg("errors.authRequest.unknownEndpoint"));
  if (!/^application\/x-www-form-urlencoded\b/i.test(req.headers.get("content-type") ?? "")) {
    return refuse(req, 415, "BAD_REQUEST", msg("errors.authRequest.formExpected"));
  }
  let text: string;
  try {
    const bytes = await readBodyBytes(req, { maxBytes: MAX_BODY_BYTES, tooLarge: msg("errors.authRequest.tooLarge") });
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    if (error instanceof AppError) return refuse(req, error.status, error.code, error.message);
    return refuse(req, 400, "BAD_REQUEST", msg("errors.authRequest.unreadable"));
  }
  const fields = new URLSearchParams(text);
  for (const [name, shape] of Object.entries(required)) {
    if (!shape.test(fields.get(name) ?? "")) return refuse(req, 400, "BAD_REQUEST", msg("errors.authRequest.incomplete"));
  }
  for (const [name, value] of fields) {
    if (value.length > MAX_FIELD_CHARS || (name === "callbackUrl" && !isHttpUrl(value, req.nextUrl.origin))) {
      return refuse(req, 400, "BAD_REQUEST", msg("errors.authRequest.malformed"));
    }
  }
  return new NextRequest(req.url, { method: "POST", headers: req.headers, body: text });
}
