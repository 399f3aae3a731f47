// The address people use to reach the portal, for every absolute address it writes (the redirects
// next-auth answers, invitation links). Never a default such as http://localhost:3000: the portal
// is opened at the machine's name, its IP address or a public name behind a reverse proxy (issue 11).
//   1. a configured public address (NEXTAUTH_URL) wins: it is what production sets;
//   2. otherwise, behind trusted proxies (PORTAL_TRUSTED_PROXY_HOPS > 0), the host and protocol
//      they forward (X-Forwarded-Host, X-Forwarded-Proto): a client cannot set those through them;
//   3. otherwise the request's own Host, over plain HTTP (server.ts speaks HTTP; TLS ends at a
//      proxy, which must then be declared trusted or the public address configured).
// Reads process.env directly, like cookie-policy.ts: proxy.ts cannot load lib/env (server-only).

// A host name or IPv4 address, or a bracketed IPv6 address, with an optional port. Anything else
// (spaces, slashes, "@", several hosts) is refused: it would make the address point elsewhere.
const HOST = /^(?:[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?|\[[0-9a-f:.]{2,45}\])(?::\d{1,5})?$/i;

/** `https://portail.cpas.be` (no path, no trailing slash), or null when the request names no usable host. */
export function publicOrigin(headers: Headers, env: Readonly<Record<string, string | undefined>> = process.env): string | null {
  const configured = env.NEXTAUTH_URL?.trim();
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      return null;
    }
  }
  const hops = trustedHops(env);
  const host = requestHost(headers, env);
  if (!HOST.test(host)) return null;
  const forwardedProto = hops > 0 ? outermost(headers.get("x-forwarded-proto"), hops)?.toLowerCase() : null;
  const protocol = forwardedProto === "https" ? "https" : "http";
  return `${protocol}://${host.toLowerCase()}`;
}

const trustedHops = (env: Readonly<Record<string, string | undefined>>) => Math.max(0, Math.floor(Number(env.PORTAL_TRUSTED_PROXY_HOPS ?? 0)) || 0);

/**
 * The host the request was sent to: the one forwarded by the outermost trusted proxy when proxies
 * are trusted (PORTAL_TRUSTED_PROXY_HOPS > 0), else the request's own Host. A client's own
 * X-Forwarded-Host counts for nothing without trusted proxies (the CSRF check reads this too).
 */
export function requestHost(headers: Headers, env: Readonly<Record<string, string | undefined>> = process.env): string {
  const hops = trustedHops(env);
  const forwardedHost = hops > 0 ? outermost(headers.get("x-forwarded-host"), hops) : null;
  return (forwardedHost ?? headers.get("host")?.trim() ?? "").toLowerCase();
}

/**
 * The entry written by the outermost trusted proxy: each proxy appends what it received, so with N
 * trusted hops it is the N-th from the right (as for X-Forwarded-For in lib/security/client-ip.ts);
 * a proxy that overwrites the header leaves one entry. Entries further left came from the client.
 */
function outermost(value: string | null, hops: number): string | null {
  const entries = (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return entries.length ? entries[Math.max(0, entries.length - hops)]! : null;
}
