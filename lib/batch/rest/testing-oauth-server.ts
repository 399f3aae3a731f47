import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { decodeJwt, decodeProtectedHeader, importX509, jwtVerify } from "jose";

// Tests only: an OAuth2 token endpoint on 127.0.0.1 that checks a client assertion the way
// rest-documentation.socialsecurity.be describes it (DOMAIN.md « REST channel »; RFC 6749 §4.4,
// RFC 7521 §4.2, RFC 7523 §3): a form POST with grant_type=client_credentials and
// client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer; the assertion signed
// RS256 by the key of the certificate registered for its client id; iss = sub = that client id;
// aud = this endpoint's own URL; exp in the future and at most 300 s after iat; a jti never seen
// before. It answers a Bearer token valid `expiresIn` seconds, or the RFC 6749 §5.2 error.
// `behaviour` makes it misbehave: never answer, or answer far too much.

export type OAuthServer = {
  url: string;
  register(clientId: string, certificatePem: string): void;
  /** Why each refused request was refused (the test reads them; the portal never sees them). */
  refusals: string[];
  issued: string[];
  behaviour: "normal" | "hang" | "huge";
  close(): Promise<void>;
};

const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new Error("requête trop grande");
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

export async function startOAuthServer(o: { port?: number; expiresIn?: number } = {}): Promise<OAuthServer> {
  const certificates = new Map<string, string>();
  const seenJti = new Set<string>();
  const state: Pick<OAuthServer, "refusals" | "issued" | "behaviour"> = { refusals: [], issued: [], behaviour: "normal" };
  let url = "";

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(JSON.stringify(body));
  };
  const refuse = (res: ServerResponse, status: number, error: string, reason: string) => {
    state.refusals.push(reason);
    json(res, status, { error, error_description: reason });
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (state.behaviour === "hang") return; // keeps the connection open, answers nothing
    if (req.method !== "POST" || new URL(req.url ?? "/", url).pathname !== "/token") return refuse(res, 404, "not_found", "chemin ou méthode");
    if (!(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) return refuse(res, 400, "invalid_request", "content-type");
    const form = await readForm(req);
    if (form.get("grant_type") !== "client_credentials") return refuse(res, 400, "unsupported_grant_type", "grant_type");
    if (form.get("client_assertion_type") !== JWT_BEARER) return refuse(res, 400, "invalid_request", "client_assertion_type");
    const assertion = form.get("client_assertion") ?? "";
    let clientId: string;
    try {
      if (decodeProtectedHeader(assertion).alg !== "RS256") return refuse(res, 401, "invalid_client", "alg");
      clientId = String(decodeJwt(assertion).iss ?? "");
    } catch {
      return refuse(res, 401, "invalid_client", "assertion illisible");
    }
    const pem = certificates.get(clientId);
    if (!pem) return refuse(res, 401, "invalid_client", "client inconnu");
    let payload;
    try {
      ({ payload } = await jwtVerify(assertion, await importX509(pem, "RS256"), {
        algorithms: ["RS256"],
        audience: url,
        issuer: clientId,
        subject: clientId,
        requiredClaims: ["iat", "exp", "jti"],
        clockTolerance: 0,
      }));
    } catch (e) {
      return refuse(res, 401, "invalid_client", `vérification : ${(e as { code?: string }).code ?? "échec"}`);
    }
    if (payload.exp! - payload.iat! > 300) return refuse(res, 401, "invalid_client", "exp plus de 300 s après iat");
    if (seenJti.has(payload.jti!)) return refuse(res, 401, "invalid_client", "jti rejoué");
    seenJti.add(payload.jti!);
    if (state.behaviour === "huge") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(`{"access_token":"${"A".repeat(1024 * 1024)}","token_type":"Bearer","expires_in":600}`);
      return;
    }
    const token = randomBytes(24).toString("base64url");
    state.issued.push(token);
    json(res, 200, { access_token: token, token_type: "Bearer", expires_in: o.expiresIn ?? 600, scope: "scope:demo:consult" });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) json(res, 400, { error: "invalid_request" });
    });
  });
  await new Promise<void>((resolve) => server.listen(o.port ?? 0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`;
  return Object.assign(state, {
    url,
    register: (clientId: string, certificatePem: string) => void certificates.set(clientId, certificatePem),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
