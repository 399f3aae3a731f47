import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { open } from "@/lib/crypto/keys";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { META, personWith } from "@/lib/forem/testing/actors";
import { localize } from "@/lib/i18n/translator";
import { createCentre } from "@/tests/fixtures/people";

import { makeClientAssertion } from "./assertion";
import { makeRestKeyPair } from "./certificate";
import { currentToken, listRestClients, obtainRestToken, registerRestClient, setRestClientId } from "./clients";
import { type OAuthServer, startOAuthServer } from "./testing-oauth-server";
import { requestToken } from "./token-request";

// Issue 14, REST channel: against a real OAuth token endpoint on loopback (testing-oauth-server.ts,
// started here) that checks the assertion as rest-documentation.socialsecurity.be says, real
// openssl for the certificate, real PostgreSQL. Expected texts: the catalogue's, written by hand.

process.env.REST_TOKEN_ALLOW_LOOPBACK_HTTP = "true";

let server: OAuthServer;
beforeAll(async () => {
  server = await startOAuthServer({ expiresIn: 600 });
});
afterAll(async () => {
  await server.close();
  await db.$disconnect();
});

async function failure(p: Promise<unknown>): Promise<{ code: string; fr: string; nl: string; fields?: Record<string, string[]> }> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw new Error(`an AppError was expected, got ${String(error)}`);
  return { code: error.code, fr: localize("fr", error.message), nl: localize("nl", error.message), fields: error.fieldErrors };
}

async function employer() {
  const { entity, quality: social } = await createCentre();
  const onss = await db.quality.create({ data: { entityId: entity.id, type: "EMPLOYEUR_ONSS", identifier: "012345678", isActive: true } });
  const [gl, socialGl] = await Promise.all([
    personWith({ entityId: entity.id, qualityId: onss.id, label: "gl-onss", roles: ["GL"] }),
    personWith({ entityId: entity.id, qualityId: social.id, label: "gl-as", roles: ["GL"] }),
  ]);
  return { entity, onss, gl, socialGl };
}

const serialized = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? String(x) : x));
const openssl = (args: string[], input?: string) => execFileSync("openssl", args, { encoding: "utf8", input });
const fingerprintOf = (pem: string) => openssl(["x509", "-noout", "-fingerprint", "-sha256"], pem).trim().split("=")[1];
const counts = async (entityId: string) => ({
  clients: await db.restClient.count({ where: { entityId } }),
  audit: await db.auditEvent.count({ where: { entityId } }),
});

/** A client registered by the GL, its certificate registered on the token server under `clientId`, and that id pasted. */
async function readyClient(clientId: string, o: { register?: boolean; tokenUrl?: string } = {}) {
  const e = await employer();
  const made = await registerRestClient({ actor: e.gl, meta: META, input: { qualityId: e.onss.id, name: "Compte REST", tokenUrl: o.tokenUrl ?? server.url } });
  const [listed] = await listRestClients(e.gl);
  if (o.register !== false) server.register(clientId, listed!.certificatePem);
  await setRestClientId({ actor: e.gl, meta: META, input: { restClientId: made.id, clientId } });
  return { ...e, id: made.id, certificatePem: listed!.certificatePem };
}

describe("REST channel (Chaman « Canaux Webservices »)", () => {
  it("registers a client: a 2048-bit RSA certificate openssl reads and verifies, its fingerprint as openssl prints it, the key sealed", async () => {
    const e = await employer();
    const made = await registerRestClient({ actor: e.gl, meta: META, input: { qualityId: e.onss.id, name: "Compte REST", tokenUrl: ` ${server.url} ` } });
    const row = await db.restClient.findUniqueOrThrow({ where: { id: made.id } });
    expect(row).toMatchObject({ name: "Compte REST", clientId: null, tokenUrl: server.url, qualityId: e.onss.id });
    const [listed] = await listRestClients(e.gl);
    const dir = mkdtempSync(path.join(tmpdir(), "client-rest-"));
    try {
      const der = path.join(dir, "client.cer");
      const pem = path.join(dir, "client.pem");
      writeFileSync(der, Buffer.from(row.certificateDer));
      writeFileSync(pem, listed!.certificatePem);
      const text = openssl(["x509", "-inform", "DER", "-in", der, "-noout", "-text"]);
      expect(text).toContain("Public-Key: (2048 bit)");
      expect(text).toContain("Signature Algorithm: sha256WithRSAEncryption");
      expect(text).toContain("Subject: CN = Portail CPAS - Compte REST - Employeur ONSS 012345678\n");
      expect(text).toContain("Digital Signature");
      expect(row.certificateFingerprint).toBe(openssl(["x509", "-inform", "DER", "-in", der, "-noout", "-fingerprint", "-sha256"]).trim().split("=")[1]);
      expect(fingerprintOf(listed!.certificatePem)).toBe(row.certificateFingerprint); // the PEM shown is the same certificate
      // Self-signed: its signature verifies with its own public key.
      expect(openssl(["verify", "-no-CApath", "-partial_chain", "-CAfile", pem, pem]).trim()).toBe(`${pem}: OK`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(row.keySealed).not.toContain("PRIVATE KEY");
    expect(open(row.keySealed)).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: made.id, action: "rest_client.registered" } });
    expect(audit.after).toMatchObject({ name: "Compte REST", endpoint: server.url, certificateFingerprint: row.certificateFingerprint });
    expect(serialized(audit)).not.toMatch(/PRIVATE KEY|BEGIN/);
    expect(audit.actorId).toBe(e.gl.personId);
  });

  it("obtains a token with a JWT assertion the server accepts; the token is kept in memory only", async () => {
    const c = await readyClient("client-cpas-001");
    const before = Date.now();
    const got = await obtainRestToken({ actor: c.gl, meta: META, restClientId: c.id });
    expect(server.refusals).toEqual([]);
    expect(server.issued.length).toBe(1);
    // expires_in 600 from the server: ten minutes from now.
    expect(got.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 600_000);
    expect(got.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 600_000);
    expect(currentToken(c.id)?.accessToken).toBe(server.issued[0]);
    const [listed] = await listRestClients(c.gl);
    expect(listed!.tokenExpiresAt).toEqual(got.expiresAt);
    // Never stored: not in the client's row, not in any audit event.
    const token = server.issued[0]!;
    expect(JSON.stringify(await db.restClient.findUniqueOrThrow({ where: { id: c.id } }))).not.toContain(token);
    const events = await db.auditEvent.findMany({ where: { targetId: c.id } });
    expect(events.map((e) => e.action).sort()).toEqual(["rest_client.client_id_set", "rest_client.registered", "rest_client.token_obtained"]);
    expect(serialized(events)).not.toContain(token);
    expect(events.find((e) => e.action === "rest_client.token_obtained")!.after).toMatchObject({ clientId: "client-cpas-001", endpoint: server.url });
    // The success message, in both languages (the page's text).
    expect(localize("fr", `i18n:batch.rest.actions.tokenObtained|${JSON.stringify({ name: "Compte REST", expiresAt: Date.UTC(2026, 11, 2, 10, 5) })}`)).toBe(
      "Jeton obtenu pour « Compte REST », valable jusqu'à 11:05 le 02/12/2026.",
    );
    expect(localize("nl", `i18n:batch.rest.actions.tokenObtained|${JSON.stringify({ name: "Compte REST", expiresAt: Date.UTC(2026, 11, 2, 10, 5) })}`)).toBe(
      "Token verkregen voor « Compte REST », geldig tot 11:05 op 02/12/2026.",
    );
  });

  it("the assertion is what the documentation asks: RS256, iss = sub = client id, aud = token URL, exp ≤ iat + 300, a fresh jti", async () => {
    const pair = await makeRestKeyPair({ commonName: "t" });
    const now = new Date("2026-12-02T10:00:00Z");
    const jwt = await makeClientAssertion({
      privateKeyPem: pair.privateKeyPem,
      clientId: "abc",
      tokenUrl: "https://services.socialsecurity.be/REST/oauth/v5/token",
      now,
    });
    const part = (i: number) => JSON.parse(Buffer.from(jwt.split(".")[i]!, "base64url").toString("utf8")) as Record<string, unknown>;
    const [header, payload] = [part(0), part(1)];
    expect(header).toEqual({ alg: "RS256", typ: "JWT" });
    expect(payload).toMatchObject({
      iss: "abc",
      sub: "abc",
      aud: "https://services.socialsecurity.be/REST/oauth/v5/token",
      iat: 1_796_205_600, // 2026-12-02T10:00:00Z
      exp: 1_796_205_900, // 300 s later
    });
    expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
    const again = await makeClientAssertion({ privateKeyPem: pair.privateKeyPem, clientId: "abc", tokenUrl: "https://x.example/token", now });
    expect(JSON.parse(Buffer.from(again.split(".")[1]!, "base64url").toString("utf8")).jti).not.toBe(payload.jti);
  });

  it("the server refuses another key, an expired assertion and a replayed jti (the portal says invalid_client)", async () => {
    const c = await readyClient("client-cpas-002");
    // Another key: the certificate registered for the id is not the portal's.
    const other = await makeRestKeyPair({ commonName: "Autre" });
    server.register("client-cpas-002", other.certificatePem);
    server.refusals.length = 0;
    const wrongKey = await failure(obtainRestToken({ actor: c.gl, meta: META, restClientId: c.id }));
    expect(wrongKey.code).toBe("UNPROCESSABLE");
    expect(wrongKey.fr).toBe(
      "Le serveur de jetons refuse ce client (invalid_client) : le Client ID est inconnu, ou le certificat enregistré dans Chaman n'est pas celui de ce client.",
    );
    expect(wrongKey.nl).toBe(
      "De tokenserver weigert deze client (invalid_client): de client-ID is onbekend, of het in Chaman geregistreerde certificaat is niet dat van deze client.",
    );
    expect(server.refusals).toEqual(["vérification : ERR_JWS_SIGNATURE_VERIFICATION_FAILED"]);
    expect(currentToken(c.id)).toBeNull();
    const refused = await db.auditEvent.findFirstOrThrow({ where: { targetId: c.id, action: "rest_client.token_refused" } });
    expect(refused.after).toMatchObject({ reason: "invalid_client" });
    server.register("client-cpas-002", c.certificatePem);

    // An expired assertion (made 10 minutes ago) and a replayed one, sent as the portal sends them.
    const key = open((await db.restClient.findUniqueOrThrow({ where: { id: c.id } })).keySealed);
    const old = await makeClientAssertion({ privateKeyPem: key, clientId: "client-cpas-002", tokenUrl: server.url, now: new Date(Date.now() - 600_000) });
    await expect(requestToken({ tokenUrl: server.url, assertion: old })).rejects.toMatchObject({ code: "invalid_client" });
    expect(server.refusals.at(-1)).toBe("vérification : ERR_JWT_EXPIRED");
    const fresh = await makeClientAssertion({ privateKeyPem: key, clientId: "client-cpas-002", tokenUrl: server.url });
    await expect(requestToken({ tokenUrl: server.url, assertion: fresh })).resolves.toMatchObject({ scope: "scope:demo:consult" });
    await expect(requestToken({ tokenUrl: server.url, assertion: fresh })).rejects.toMatchObject({ code: "invalid_client" });
    expect(server.refusals.at(-1)).toBe("jti rejoué");
    // An assertion meant for another token URL (aud) is refused too.
    const elsewhere = await makeClientAssertion({
      privateKeyPem: key,
      clientId: "client-cpas-002",
      tokenUrl: "https://services.socialsecurity.be/REST/oauth/v5/token",
    });
    await expect(requestToken({ tokenUrl: server.url, assertion: elsewhere })).rejects.toMatchObject({ code: "invalid_client" });
    expect(server.refusals.at(-1)).toBe("vérification : ERR_JWT_CLAIM_VALIDATION_FAILED");
  });

  it("an unknown client id is refused with a clear message, nothing stored", async () => {
    const c = await readyClient("client-jamais-enregistre", { register: false });
    const before = await db.restClient.findUniqueOrThrow({ where: { id: c.id } });
    const f = await failure(obtainRestToken({ actor: c.gl, meta: META, restClientId: c.id }));
    expect(f.fr).toContain("(invalid_client)");
    expect(server.refusals.at(-1)).toBe("client inconnu");
    expect(await db.restClient.findUniqueOrThrow({ where: { id: c.id } })).toEqual(before);
  });

  it("bad input: malformed, http or too long token URL, a taken name, a bad client id, no client id yet — clear messages, nothing written", async () => {
    const e = await employer();
    const register = (tokenUrl: string, name = "Compte REST") =>
      registerRestClient({ actor: e.gl, meta: META, input: { qualityId: e.onss.id, name, tokenUrl } });
    const start = await counts(e.entity.id);
    const malformed = await failure(register("services.socialsecurity.be/token"));
    expect(malformed).toMatchObject({ code: "BAD_REQUEST", fr: "L'URL du serveur de jetons n'est pas une adresse valide (https://…, sans identifiant ni #)." });
    expect(malformed.fields?.tokenUrl).toBeDefined();
    expect((await failure(register("https://user:pw@services.socialsecurity.be/token"))).code).toBe("BAD_REQUEST");
    expect((await failure(register("http://services.socialsecurity.be/REST/oauth/v5/token"))).fr).toBe(
      "L'URL du serveur de jetons doit commencer par https://.",
    );
    expect((await failure(register("http://10.0.0.5/token"))).fr).toBe("L'URL du serveur de jetons doit commencer par https://.");
    expect((await failure(register("ftp://127.0.0.1/token"))).fr).toBe("L'URL du serveur de jetons doit commencer par https://.");
    expect((await failure(register(`https://services.socialsecurity.be/${"a".repeat(300)}`))).fr).toBe("L'URL du serveur de jetons dépasse 300 caractères.");
    expect(await counts(e.entity.id)).toEqual(start);

    const made = await register("https://services.socialsecurity.be/REST/oauth/v5/token");
    expect((await failure(register(server.url))).fr).toBe("Un client REST porte déjà ce nom pour cette qualité.");
    const noId = await failure(obtainRestToken({ actor: e.gl, meta: META, restClientId: made.id }));
    expect(noId).toMatchObject({ code: "UNPROCESSABLE", fr: "Collez d'abord le Client ID donné par Chaman pour ce client." });
    const { ZRestClientId } = await import("./clients");
    const bad = ZRestClientId.safeParse({ restClientId: made.id, clientId: "id avec espaces" });
    expect(bad.success).toBe(false);
    expect(localize("fr", bad.error!.issues[0]!.message)).toBe("Client ID invalide : lettres, chiffres et . _ : @ - seulement, 200 caractères au plus.");
    expect(await db.restClient.count({ where: { entityId: e.entity.id } })).toBe(1);
  });

  it("a huge answer, a server that never answers, a closed port: bounded, clear messages, no token", async () => {
    const c = await readyClient("client-cpas-003");
    server.behaviour = "huge";
    try {
      const huge = await failure(obtainRestToken({ actor: c.gl, meta: META, restClientId: c.id }));
      expect(huge).toMatchObject({ code: "UNPROCESSABLE", fr: "La réponse du serveur de jetons dépasse 64 Ko : elle est ignorée." });
      server.behaviour = "hang";
      const started = Date.now();
      const hang = await failure(obtainRestToken({ actor: c.gl, meta: META, restClientId: c.id, timeoutMs: 1_500 }));
      expect(hang).toMatchObject({
        code: "UNAVAILABLE",
        fr: "Le serveur de jetons n'a pas répondu dans les 2 secondes.",
        nl: "De tokenserver heeft niet binnen 2 seconden geantwoord.",
      });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      server.behaviour = "normal";
    }
    expect(currentToken(c.id)).toBeNull();
    // A port nobody listens on.
    const closed: Server = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const d = await readyClient("client-cpas-004", { tokenUrl: `http://127.0.0.1:${port}/token` });
    const network = await failure(obtainRestToken({ actor: d.gl, meta: META, restClientId: d.id }));
    expect(network).toMatchObject({ code: "UNAVAILABLE", fr: "Le serveur de jetons est injoignable (erreur réseau). Réessayez plus tard." });
    const reasons = (
      await db.auditEvent.findMany({ where: { targetId: { in: [c.id, d.id] }, action: "rest_client.token_refused" }, orderBy: { occurredAt: "asc" } })
    ).map((e) => (e.after as { reason: string }).reason);
    expect(reasons).toEqual(["too_large", "timeout", "network"]);
  });

  it("another centre, and a GL of another quality, get nothing", async () => {
    const c = await readyClient("client-cpas-005");
    const other = await employer();
    expect((await failure(obtainRestToken({ actor: other.gl, meta: META, restClientId: c.id }))).code).toBe("NOT_FOUND");
    expect((await failure(setRestClientId({ actor: other.gl, meta: META, input: { restClientId: c.id, clientId: "pirate" } }))).code).toBe("NOT_FOUND");
    expect((await failure(obtainRestToken({ actor: c.socialGl, meta: META, restClientId: c.id }))).code).toBe("FORBIDDEN");
    expect(
      (await failure(registerRestClient({ actor: c.socialGl, meta: META, input: { qualityId: c.onss.id, name: "Pirate", tokenUrl: server.url } }))).code,
    ).toBe("FORBIDDEN");
    expect(await listRestClients(other.gl)).toEqual([]);
    expect((await db.restClient.findUniqueOrThrow({ where: { id: c.id } })).clientId).toBe("client-cpas-005");
  });
});
