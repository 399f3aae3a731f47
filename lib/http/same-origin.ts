import { requestHost } from "./public-origin";

/**
 * The request's Origin names this host. Browsers send Origin on every cross-site POST (and on
 * same-origin POSTs too), so a state-changing call whose Origin is missing, "null" or another
 * site's is refused. No `server-only` here: proxy.ts uses it for server actions as well.
 */
export function isSameOrigin(headers: Headers, env?: Readonly<Record<string, string | undefined>>): boolean {
  const origin = headers.get("origin");
  // The forwarded host only behind trusted proxies (lib/http/public-origin.ts): otherwise a forged
  // X-Forwarded-Host would let another site's Origin pass.
  const host = env ? requestHost(headers, env) : requestHost(headers);
  return !!origin && !!host && hostOf(origin)?.toLowerCase() === host;
}

/** The host of an Origin header; null for "null" (sandboxed frames, file: pages) or anything unparsable. */
function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
