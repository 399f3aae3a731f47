import { encode } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { sessionIdFromCookies } from "./session-cookie";

// The session cookie as next-auth's sign-in writes it (encode, the same call its callback makes),
// read back by the proxy and the pages. Expected ids are the ones put in, by hand.
const SECRET = "secret-de-test-pour-le-cookie-de-session-0123456789";
const jar = (cookies: Record<string, string>) => ({ getAll: () => Object.entries(cookies).map(([name, value]) => ({ name, value })) });

describe("sessionIdFromCookies", () => {
  beforeEach(() => {
    vi.stubEnv("NEXTAUTH_SECRET", SECRET);
    vi.stubEnv("PORTAL_SECURE_COOKIES", "false");
  });
  afterEach(() => vi.unstubAllEnvs());

  it("reads the session id of a cookie next-auth wrote", async () => {
    const token = await encode({ token: { sub: "personne-1", sid: "session-abc" }, secret: SECRET, maxAge: 3600 });
    expect(await sessionIdFromCookies(jar({ "next-auth.session-token": token, autre: "x" }))).toBe("session-abc");
  });

  it("refuses a cookie encrypted with another secret, an expired one, garbage, and no cookie", async () => {
    const foreign = await encode({ token: { sid: "session-abc" }, secret: "un-autre-secret-qui-n-est-pas-celui-du-portail", maxAge: 3600 });
    expect(await sessionIdFromCookies(jar({ "next-auth.session-token": foreign }))).toBeNull();
    // Expired for more than next-auth's 15 s of clock tolerance.
    const expired = await encode({ token: { sid: "session-abc" }, secret: SECRET, maxAge: -60 });
    expect(await sessionIdFromCookies(jar({ "next-auth.session-token": expired }))).toBeNull();
    expect(await sessionIdFromCookies(jar({ "next-auth.session-token": "pas.un.jeton.chiffre.valide" }))).toBeNull();
    expect(await sessionIdFromCookies(jar({}))).toBeNull();
  });

  it("refuses a valid token that names no session", async () => {
    const token = await encode({ token: { sub: "personne-1" }, secret: SECRET, maxAge: 3600 });
    expect(await sessionIdFromCookies(jar({ "next-auth.session-token": token }))).toBeNull();
    const empty = await encode({ token: { sub: "personne-1", sid: "" }, secret: SECRET, maxAge: 3600 });
    expect(await sessionIdFromCookies(jar({ "next-auth.session-token": empty }))).toBeNull();
  });

  it("behind HTTPS reads only the __Secure- cookie", async () => {
    vi.stubEnv("PORTAL_SECURE_COOKIES", "true");
    const token = await encode({ token: { sid: "session-https" }, secret: SECRET, maxAge: 3600 });
    expect(await sessionIdFromCookies(jar({ "next-auth.session-token": token }))).toBeNull();
    expect(await sessionIdFromCookies(jar({ "__Secure-next-auth.session-token": token }))).toBe("session-https");
  });

  it("reads a cookie next-auth split into chunks", async () => {
    const token = await encode({ token: { sid: "session-chunks" }, secret: SECRET, maxAge: 3600 });
    const half = Math.ceil(token.length / 2);
    const chunks = { "next-auth.session-token.0": token.slice(0, half), "next-auth.session-token.1": token.slice(half) };
    expect(await sessionIdFromCookies(jar(chunks))).toBe("session-chunks");
  });
});
