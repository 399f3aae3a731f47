import "server-only";

import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { env } from "@/lib/env";
import { metaFromHeaders } from "@/lib/http/request-context";

import { shouldUseSecureCookies } from "./cookie-policy";
import { revokeSession } from "./sessions";
import { consumeChallenge } from "./sign-in/consume-challenge";

// next-auth carries a signed JWT naming our server-side session (lib/auth/sessions.ts). Both
// factors are checked before authorize() by the sign-in steps; authorize() only redeems a
// challenge that passed them, once.
export function authOptions(): NextAuthOptions {
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
          const result = await consumeChallenge({ token: credentials?.challenge ?? "", meta: metaFromHeaders(headers) });
          return result ? { id: result.personId, sid: result.sessionId } : null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user && "sid" in user) token.sid = user.sid as string;
        return token;
      },
      session({ session, token }) {
        return { ...session, sid: token.sid as string | undefined, user: undefined };
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
