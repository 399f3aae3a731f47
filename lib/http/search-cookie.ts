import "server-only";

import { cookies } from "next/headers";

import type { Actor } from "@/lib/access/actor";
import { shouldUseSecureCookies } from "@/lib/auth/cookie-policy";
import { open, seal } from "@/lib/crypto/keys";

// Searches by national number never travel in a URL (issue 9, finding 7): a GET form put
// `?q=<NISS>` in the address bar, the browser history, proxy logs and — when the session had
// expired — again in the login page's callbackUrl. The search form is a server action (a POST)
// that keeps the query in a short-lived, sealed, HttpOnly cookie scoped to the page's path and
// bound to the person; the page reads it back. A URL then says at most `?page=2`.

const LIFETIME_SECONDS = 15 * 60;
export const SEARCH_PAGES = { forem: "/forem", recherche: "/gestion/recherche" } as const;
type SearchPage = keyof typeof SEARCH_PAGES;

const cookieName = (page: SearchPage) => `cpas-recherche-${page}`;

export async function rememberSearch(actor: Actor, page: SearchPage, query: string): Promise<void> {
  const jar = await cookies();
  if (!query) {
    jar.delete({ name: cookieName(page), path: SEARCH_PAGES[page] });
    return;
  }
  const value = seal(JSON.stringify({ p: actor.personId, q: query, e: Date.now() + LIFETIME_SECONDS * 1000 }));
  jar.set(cookieName(page), value, {
    httpOnly: true,
    sameSite: "strict",
    secure: shouldUseSecureCookies(),
    path: SEARCH_PAGES[page],
    maxAge: LIFETIME_SECONDS,
  });
}

/** The page's current search, or "" (none, expired, another person's, or tampered with). */
export async function recalledSearch(actor: Actor, page: SearchPage): Promise<string> {
  const raw = (await cookies()).get(cookieName(page))?.value;
  if (!raw) return "";
  try {
    const { p, q, e } = JSON.parse(open(raw)) as { p?: unknown; q?: unknown; e?: unknown };
    return p === actor.personId && typeof q === "string" && typeof e === "number" && e > Date.now() ? q.slice(0, 100) : "";
  } catch {
    return "";
  }
}
