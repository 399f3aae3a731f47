import { NextResponse, type NextRequest } from "next/server";

import { sessionIdFromCookies } from "@/lib/auth/session-cookie";
import { isSameOrigin } from "@/lib/http/same-origin";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { msg } from "@/lib/i18n/message-ref";
import { negotiateLocale } from "@/lib/i18n/negotiate";
import { localize } from "@/lib/i18n/translator";
import { safeCallbackPath } from "@/lib/http/safe-redirect";

// First gate only (STYLE 5): anonymous page requests go to /login, and every response gets the
// security headers. Authorization is decided again inside each page, action and route handler.

const PUBLIC_PATHS = [/^\/login$/, /^\/invitation\/[^/]+$/, /^\/mot-de-passe-oublie(\/[^/]+)?$/, /^\/courriels-demo$/, /^\/api\/auth\//, /^\/api\/health$/];

// Next's own server-action body limit (serverActions.bodySizeLimit, default 1 MB). Next enforces it
// by throwing mid-parse, which answers 500; refusing here first gives a clean 413 (or 411 when the
// size is not declared: browsers always declare it for action calls). File uploads go through
// route handlers with their own limits, never through server actions.
const SERVER_ACTION_MAX_BYTES = 1024 * 1024;

/** A plain-text refusal in the caller's language (language cookie, else Accept-Language). */
function refuseAction(request: NextRequest, status: number, message: string): NextResponse {
  const locale = negotiateLocale({ cookie: request.cookies.get(LOCALE_COOKIE)?.value, acceptLanguage: request.headers.get("accept-language") });
  return new NextResponse(localize(locale, message), { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Content-Language": locale } });
}

function refuseOversizedAction(request: NextRequest): NextResponse | null {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  // A server action from another site (or without Origin): Next itself refuses it by throwing, which
  // answered 500 (issue 9, finding 8). Refused here first with a clean 403, before Next reads it.
  if (!isSameOrigin(request.headers)) return refuseAction(request, 403, msg("errors.foreignOrigin"));
  const declared = request.headers.get("content-length");
  if (declared === null || !/^\d+$/.test(declared)) {
    return refuseAction(request, 411, msg("errors.lengthRequired"));
  }
  if (Number(declared) > SERVER_ACTION_MAX_BYTES) return refuseAction(request, 413, msg("errors.actionTooLarge"));
  return null;
}

function securityHeaders(nonce: string, isHttps: boolean): Record<string, string> {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(isHttps ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
  return {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(isHttps ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const isHttps = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const headers = securityHeaders(nonce, isHttps);
  const { pathname } = request.nextUrl;

  const refused = refuseOversizedAction(request);
  if (refused) return withHeaders(refused, headers);

  // The C60.7 API also accepts personal API tokens (technical users): the route handler checks them.
  const isTokenCall = pathname.startsWith("/api/c607/") && /^Bearer\s+\S+$/i.test(request.headers.get("authorization") ?? "");
  const isPublic = isTokenCall || PUBLIC_PATHS.some((p) => p.test(pathname));
  if (!isPublic) {
    const sid = await sessionIdFromCookies(request.cookies);
    if (!sid) {
      if (pathname.startsWith("/api/")) {
        return withHeaders(NextResponse.json({ erreur: "Authentification requise.", code: "UNAUTHENTICATED" }, { status: 401 }), headers);
      }
      const login = new URL("/login", request.url);
      // Only the path, never the query string: a search (`?q=<NISS>`) must not travel on in a URL.
      login.searchParams.set("callbackUrl", safeCallbackPath(pathname));
      return withHeaders(NextResponse.redirect(login), headers);
    }
  }

  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), headers);
}

function withHeaders(res: NextResponse, headers: Record<string, string>) {
  for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
  return res;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
