import "server-only";

import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { env } from "@/lib/env";
import { metaFromHeaders } from "@/lib/http/request-context";
import { safeCallbackPath } from "@/lib/http/safe-redirect";

import { shouldUseSecureCookies } from "./cookie-policy";
import { revokeSession } from "./sessions";
import { consumeChallenge } from "./sign-in/consume-challenge";

// next-auth carries a signed JWT naming our server-side session (lib/auth/sessions.ts). Both
// factors are checked before authorize() by the sign-in steps; authorize() only redeems a
// challenge that passed them, once.
// `origin` is the address the request came in at (lib/http/public-origin.ts): next-auth's own
// `baseUrl` is NEXTAUTH_URL or, without it, http://localhost:3000, which sent every sign-out to
// localhost whatever address the portal was opened at (issue 11).
export function authOptions(request?: { origin: string | null }): NextAuthOptions {
  const maxAge = env().SESSION_MAX_HOURS * 3600;
  return {
    secret: env().NEXTAUTH_SECRET,
    useSecureCookies: shouldUseSecureCookies(),
    session: { strategy: "jwt", maxAge, updateAge: 0 },
    jwt: { maxAge },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        id: "challenge",
        name: "Portail CPAS",
        credentials: { challenge: { label: "Jeton", type: "text" } },
        async authorize(credentials, req) {
          const headers = new Headers((req?.headers ?? {}) as Record<string, string>);
          const token = typeof credentials?.challenge === "string" ? credentials.challenge : "";
          const result = await consumeChallenge({ token, meta: metaFromHeaders(headers) });
          return result ? { id: result.personId, sid: result.sessionId } : null;
        },
      }),
    ],
    callbacks: {
      // Every redirect next-auth makes (after sign-in, sign-out, errors) stays on the portal, on a
      // path the one safe-redirect rule accepts (issue 9, finding 4). Never throws on garbage.
      redirect({ url, baseUrl }) {
        const origin = request?.origin ?? baseUrl;
        return `${origin}${safeCallbackPath(sameOriginPath(url, origin))}`;
      },
      jwt({ token, user }) {
        if (user && "sid" in user) token.sid = user.sid as string;
        return token;
      },
      session({ session, token }) {
        return { ...session, sid: token.sid as string | undefined, user: undefined };
      },
    },
    // Without NEXTAUTH_URL next-auth warns once, in English, that it is missing: on purpose, the
    // portal then follows the address in use. Every other warning is kept.
    logger: {
      warn(code) {
        if (code !== "NEXTAUTH_URL") console.warn(`[next-auth][warn][${code}]`);
      },
    },
    events: {
      async signOut({ token }) {
        const sid = token?.sid as string | undefined;
        // Usually already ended by endCurrentSession (with the address); this covers other sign-outs.
        if (sid) await revokeSession(sid, "déconnexion", { actorId: token.sub ?? null, entityId: null });
      },
    },
  };
}

/** The path of `url` when it is relative or on the portal's own origin; null otherwise. */
function sameOriginPath(url: string, baseUrl: string): string | null {
  if (url.startsWith("/")) return url;
  try {
    const u = new URL(url);
    return u.origin === new URL(baseUrl).origin ? `${u.pathname}${u.search}${u.hash}` : null;
  } catch {
    return null;
  }
}
