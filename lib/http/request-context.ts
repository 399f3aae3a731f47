import "server-only";

import { headers } from "next/headers";

export type RequestMeta = { ip: string | null; userAgent: string | null };

/**
 * Client address and user agent of the current request. The portal's server (server.ts) computes
 * the address from the socket and the trusted proxies, and overwrites X-Portal-Client-IP with it.
 * Under `next dev` (no such server) the last X-Forwarded-For entry is used: development only.
 */
export function metaFromHeaders(h: Headers): RequestMeta {
  const computed = h.get("x-portal-client-ip");
  const ip = computed !== null ? computed || null : (h.get("x-forwarded-for")?.split(",").at(-1)?.trim() ?? null);
  return { ip: ip ? ip.slice(0, 64) : null, userAgent: h.get("user-agent")?.slice(0, 300) ?? null };
}

export async function requestMeta(): Promise<RequestMeta> {
  return metaFromHeaders(await headers());
}
