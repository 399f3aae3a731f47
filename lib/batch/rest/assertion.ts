import { randomUUID } from "node:crypto";

import { importPKCS8, SignJWT } from "jose";

// The JWT client assertion (RFC 7523, as the social security's REST documentation asks: DOMAIN.md
// « REST channel »): RS256, iss = sub = the client id Chaman gave, aud = the token URL, iat, exp at
// most 300 s later, a random jti. Made with jose (maintained, RFC 7515/7519).

export const ASSERTION_LIFETIME_SECONDS = 300;

export async function makeClientAssertion(o: { privateKeyPem: string; clientId: string; tokenUrl: string; now?: Date }): Promise<string> {
  const key = await importPKCS8(o.privateKeyPem, "RS256");
  const iat = Math.floor((o.now ?? new Date()).getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: "RS256", typ: "JWT" })
    .setIssuer(o.clientId)
    .setSubject(o.clientId)
    .setAudience(o.tokenUrl)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ASSERTION_LIFETIME_SECONDS)
    .setJti(randomUUID())
    .sign(key);
}
