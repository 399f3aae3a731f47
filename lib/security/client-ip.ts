import { isIP } from "node:net";

/**
 * The client's address, from the socket and X-Forwarded-For, trusting exactly `trustedHops`
 * proxies in front of the portal (PORTAL_TRUSTED_PROXY_HOPS). With 0 the header is ignored —
 * anyone can write it — and the socket address is the client. With N, the N-th address from the
 * right of [X-Forwarded-For…, socket] is the client: each trusted proxy appended the one before.
 */
export function computeClientIp(o: { forwardedFor: string | undefined; socketAddress: string | undefined; trustedHops: number }): string | null {
  const forwarded = (o.forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [...forwarded, o.socketAddress ?? ""].filter(Boolean);
  if (!chain.length) return null;
  const candidate = chain[Math.max(0, chain.length - 1 - Math.max(0, o.trustedHops))]!;
  return normalizeIp(candidate);
}

/** "::ffff:10.0.0.1" → "10.0.0.1"; anything that is not an IP address → null. */
export function normalizeIp(value: string): string | null {
  const v = value.startsWith("::ffff:") && isIP(value.slice(7)) === 4 ? value.slice(7) : value;
  return isIP(v) ? v : null;
}
