import { isIP } from "node:net";

import { msg } from "@/lib/i18n/message-ref";

// The OAuth token endpoint of a REST client (Chaman « Canaux Webservices », issue 14). It is the JWT
// assertion's `aud` and where the assertion is sent: https only, no account or fragment in it. Plain
// http is accepted on a loopback address (127.0.0.0/8, ::1, localhost) and only when the deployment
// says so (REST_TOKEN_ALLOW_LOOPBACK_HTTP=true: the tests' local OAuth server).
// The portal posts a signed assertion to that address, so a channel manager must not be able to
// point it at any server of the intranet or the internet: an https URL must name one of the hosts
// the deployment lists (REST_TOKEN_HOSTS; by default the host of REST_TOKEN_URL, the social
// security's). Loopback http is the tests' case and stays governed by its own switch.

const MAX_LENGTH = 300;

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost") return true;
  if (isIP(host) === 4) return host.startsWith("127.");
  return host === "::1";
}

/** The normalised URL, or a message reference saying what is wrong. */
export function checkTokenUrl(input: string, o: { allowLoopbackHttp: boolean; allowedHosts: readonly string[] }): { url: string } | { error: string } {
  const text = input.trim();
  if (!text) return { error: msg("batch.rest.errors.tokenUrlRequired") };
  if (text.length > MAX_LENGTH) return { error: msg("batch.rest.errors.tokenUrlTooLong", { max: MAX_LENGTH }) };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { error: msg("batch.rest.errors.tokenUrlMalformed") };
  }
  if (url.username || url.password || url.hash) return { error: msg("batch.rest.errors.tokenUrlMalformed") };
  if (url.protocol === "https:") {
    if (o.allowedHosts.includes(url.hostname.toLowerCase())) return { url: url.href };
    if (o.allowLoopbackHttp && isLoopback(url.hostname)) return { url: url.href };
    return { error: msg("batch.rest.errors.tokenUrlHost", { hosts: o.allowedHosts.join(", ") }) };
  }
  if (url.protocol === "http:" && o.allowLoopbackHttp && isLoopback(url.hostname)) return { url: url.href };
  return { error: msg("batch.rest.errors.tokenUrlHttps") };
}

/** The hosts a token URL may name: REST_TOKEN_HOSTS (comma-separated), else the default URL's host. */
export function allowedTokenHosts(o: { hosts: string | undefined; defaultUrl: string }): string[] {
  const listed = (o.hosts ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  return listed.length > 0 ? listed : [new URL(o.defaultUrl).hostname.toLowerCase()];
}
