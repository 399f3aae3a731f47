import { getToken } from "next-auth/jwt";

import { sessionSecret, shouldUseSecureCookies } from "./cookie-policy";

// Shared by proxy.ts and the pages (get-actor.ts): reads the server-side session's id from
// next-auth's signed, encrypted cookie. next-auth's getServerSession() did the same decode and then
// re-encrypted a fresh cookie that a server component cannot even send (about 0.5 ms per page
// thrown away, issue 15); getToken() is next-auth's own reader of that cookie (chunked cookies
// included), without the re-encoding. No `server-only` here: the proxy loads it too.

/**
 * The session id named by the request's session cookie, or null when there is none or it does not
 * decrypt (another secret, expired, tampered). Only cookies are read: a bearer header is never
 * taken for a session here.
 */
export async function sessionIdFromCookies(jar: { getAll(): { name: string; value: string }[] }): Promise<string | null> {
  const cookies = Object.fromEntries(jar.getAll().map((c) => [c.name, c.value]));
  const token = await getToken({
    // getToken reads `cookies` and `headers` only; no headers, so no « Authorization: Bearer » fallback.
    req: { cookies, headers: {} } as unknown as Parameters<typeof getToken>[0]["req"],
    secret: sessionSecret(),
    secureCookie: shouldUseSecureCookies(),
  });
  return typeof token?.sid === "string" && token.sid !== "" ? token.sid : null;
}
