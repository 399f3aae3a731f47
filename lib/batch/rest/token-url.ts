import { isIP } from "node:net";

import { msg } from "@/lib/i18n/message-ref";

// The OAuth token endpoint of a REST client (Chaman « Canaux Webservices », issue 14). It is the JWT
// assertion's `aud` and where the assertion is sent: https only, no account or fragment in it. Plain
// http is accepted on a loopback address (127.0.0.0/8, ::1, localhost) and only when the deployment
// says so (REST_TOKEN_ALLOW_LOOPBACK_HTTP=true: the tests' local OAuth server).

const MAX_LENGTH = 300;

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost") return true;
  if (isIP(host) === 4) return host.startsWith("127.");
  return host === "::1";
}

/** The normalised URL, or a message reference saying what is wrong. */
export function checkTokenUrl(input: string, o: { allowLoopbackHttp: boolean }): { url: string } | { error: string } {
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
  if (url.protocol === "https:") return { url: url.href };
  if (url.protocol === "http:" && o.allowLoopbackHttp && isLoopback(url.hostname)) return { url: url.href };
  return { error: msg("batch.rest.errors.tokenUrlHttps") };
}
