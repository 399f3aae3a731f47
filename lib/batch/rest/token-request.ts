import { msg } from "@/lib/i18n/message-ref";

// One access-token request to the OAuth token endpoint (client_credentials with a JWT client
// assertion, RFC 6749 §4.4 and RFC 7521 §4.2, as rest-documentation.socialsecurity.be describes it).
// Bounded: the whole exchange (connection, answer, body) within `timeoutMs`, an answer of at most
// `maxBytes`, no redirect followed. Every failure is a TokenRequestError with a stable code (for the
// audit trail) and a message reference (for the person); the token itself is never in either.

export const TOKEN_TIMEOUT_MS = 10_000;
export const MAX_ANSWER_BYTES = 64 * 1024;
const MAX_TOKEN_CHARS = 8_192;
const MAX_EXPIRES_IN = 24 * 3600;
const OAUTH_ERRORS = new Set(["invalid_request", "invalid_grant", "unauthorized_client", "unsupported_grant_type", "invalid_scope"]);

export class TokenRequestError extends Error {
  constructor(
    /** invalid_client, oauth:<error>, http_<status>, network, timeout, too_large, malformed. */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type AccessToken = { accessToken: string; expiresAt: Date; scope: string | null };

async function readBounded(res: Response, maxBytes: number): Promise<string> {
  const declared = Number(res.headers.get("content-length") ?? "0");
  if (declared > maxBytes) {
    await res.body?.cancel();
    throw new TokenRequestError("too_large", msg("batch.rest.errors.tooLarge", { max: maxBytes / 1024 }));
  }
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new TokenRequestError("too_large", msg("batch.rest.errors.tooLarge", { max: maxBytes / 1024 }));
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function refusal(status: number, body: Record<string, unknown> | null): TokenRequestError {
  const error = typeof body?.error === "string" && /^[a-z_]{1,40}$/.test(body.error) ? body.error : null;
  if (error === "invalid_client") return new TokenRequestError("invalid_client", msg("batch.rest.errors.invalidClient"));
  if (error && OAUTH_ERRORS.has(error)) return new TokenRequestError(`oauth:${error}`, msg("batch.rest.errors.oauthRefused", { error }));
  return new TokenRequestError(`http_${status}`, msg("batch.rest.errors.httpStatus", { status }));
}

function isTimeout(e: unknown): boolean {
  return e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError");
}

export async function requestToken(o: { tokenUrl: string; assertion: string; now?: () => Date; timeoutMs?: number; maxBytes?: number }): Promise<AccessToken> {
  const timeoutMs = o.timeoutMs ?? TOKEN_TIMEOUT_MS;
  const maxBytes = o.maxBytes ?? MAX_ANSWER_BYTES;
  const timeout = () => new TokenRequestError("timeout", msg("batch.rest.errors.timeout", { seconds: Math.ceil(timeoutMs / 1000) }));
  let status: number;
  let text: string;
  try {
    const res = await fetch(o.tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        client_assertion: o.assertion,
      }),
      redirect: "manual",
      cache: "no-store",
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = res.status;
    text = await readBounded(res, maxBytes);
  } catch (e) {
    if (e instanceof TokenRequestError) throw e;
    if (isTimeout(e)) throw timeout();
    throw new TokenRequestError("network", msg("batch.rest.errors.network"));
  }
  const body = parseJson(text);
  if (status !== 200) throw refusal(status, body);
  const token = body?.access_token;
  const type = body?.token_type;
  const expiresIn = body?.expires_in;
  if (
    typeof token !== "string" ||
    token.length === 0 ||
    token.length > MAX_TOKEN_CHARS ||
    typeof type !== "string" ||
    type.toLowerCase() !== "bearer" ||
    typeof expiresIn !== "number" ||
    !Number.isFinite(expiresIn) ||
    expiresIn <= 0 ||
    expiresIn > MAX_EXPIRES_IN
  ) {
    throw new TokenRequestError("malformed", msg("batch.rest.errors.malformed"));
  }
  const now = (o.now ?? (() => new Date()))();
  return {
    accessToken: token,
    expiresAt: new Date(now.getTime() + Math.floor(expiresIn) * 1000),
    scope: typeof body?.scope === "string" ? body.scope.slice(0, 500) : null,
  };
}
