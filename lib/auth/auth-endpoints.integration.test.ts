import { createRequire } from "node:module";

import { generate } from "otplib";
import { NextRequest } from "next/server";
import { afterAll, beforeEach, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { createCentre, createPerson, PASSWORD } from "@/tests/fixtures/people";

import { newTotpSecret } from "./totp";
import { confirmSecondFactor } from "./sign-in/confirm-second-factor";
import { startPasswordStep } from "./sign-in/start-password-step";

// Issue 9, finding 8: garbage bodies POSTed to next-auth's endpoints answered 500. next-auth reads
// the request's headers and cookies through next/headers (with require(), which vi.mock does not
// reach), and those need Next's request scope: the test puts the request's own in their place.
const scope = { headers: new Headers(), cookies: [] as { name: string; value: string }[] };
const nextHeaders = createRequire(import.meta.url)("next/headers") as Record<string, unknown>;
nextHeaders.headers = () => Promise.resolve(scope.headers);
nextHeaders.cookies = () => Promise.resolve({ getAll: () => scope.cookies });

const { GET, POST } = await import("@/app/api/auth/[...nextauth]/route");

const ORIGIN = "http://127.0.0.1:3000";
const meta = { ip: "127.0.0.1", userAgent: "vitest" };
afterAll(() => db.$disconnect());
beforeEach(() => {
  scope.headers = new Headers({ host: "127.0.0.1:3000" });
  scope.cookies = [];
});

function call(method: "GET" | "POST", path: string, init: { body?: BodyInit; contentType?: string; cookie?: string } = {}) {
  const headers = new Headers({ host: "127.0.0.1:3000" });
  if (init.contentType) headers.set("content-type", init.contentType);
  if (init.cookie) headers.set("cookie", init.cookie);
  scope.headers = headers;
  scope.cookies = (init.cookie ?? "")
    .split(/;\s*/)
    .filter(Boolean)
    .map((c) => ({ name: c.slice(0, c.indexOf("=")), value: decodeURIComponent(c.slice(c.indexOf("=") + 1)) }));
  const segments = path.split("?")[0]!.split("/").filter(Boolean);
  const req = new NextRequest(`${ORIGIN}/api/auth/${path}`, {
    method,
    headers,
    body: init.body,
    ...(init.body instanceof ReadableStream ? { duplex: "half" } : {}),
  });
  return (method === "GET" ? GET : POST)(req, { params: Promise.resolve({ nextauth: segments }) });
}

/** A body that never says how long it is (chunked), one megabyte in 64 KB pieces. */
function chunkedMegabyte(): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= 1024 * 1024) return controller.close();
      controller.enqueue(new TextEncoder().encode("a=".padEnd(65_536, "b")));
      sent += 65_536;
    },
  });
}

const GARBAGE: [string, { body?: BodyInit | (() => BodyInit); contentType?: string }][] = [
  ["an empty form", { body: "", contentType: "application/x-www-form-urlencoded" }],
  ["no body at all", {}],
  ["a lone brace as JSON", { body: "{", contentType: "application/json" }],
  ["a lone brace as a form", { body: "{", contentType: "application/x-www-form-urlencoded" }],
  ["SQL-looking", { body: "challenge=' OR 1=1; DROP TABLE \"Session\"; --&csrfToken=' OR ''='", contentType: "application/x-www-form-urlencoded" }],
  ["JSON null", { body: "null", contentType: "application/json" }],
  ["a JSON array", { body: '["challenge"]', contentType: "application/json" }],
  ["plain text", { body: "challenge=x", contentType: "text/plain" }],
  ["multipart without boundary", { body: "--x\r\n", contentType: "multipart/form-data" }],
  ["no content type", { body: "challenge=x&csrfToken=y" }],
  ["invalid UTF-8", { body: new Uint8Array([0x63, 0x3d, 0xff, 0xfe, 0xfd]), contentType: "application/x-www-form-urlencoded" }],
  ["a huge form", { body: `challenge=${"a".repeat(2_000_000)}`, contentType: "application/x-www-form-urlencoded" }],
  ["a huge chunked form", { body: chunkedMegabyte, contentType: "application/x-www-form-urlencoded" }],
  ["an unparsable callbackUrl", { body: "csrfToken=x&challenge=y&callbackUrl=http%3A%2F%2F%5B", contentType: "application/x-www-form-urlencoded" }],
];

describe("next-auth endpoints answer garbage with a 4xx, never a 500", () => {
  for (const path of ["callback/credentials", "callback/challenge"]) {
    it.each(GARBAGE)(`POST /api/auth/${path}: %s`, async (_label, o) => {
      const body = typeof o.body === "function" ? o.body() : o.body;
      const res = await call("POST", path, { body, contentType: o.contentType });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.headers.get("set-cookie") ?? "").not.toMatch(/session-token=[^;]+/);
    });
  }

  it.each(["signin", "session", "csrf", "providers", "callback/challenge"])(
    "GET /api/auth/%s with an unparsable callbackUrl is no 500 either",
    async (path) => {
      const res = await call("GET", `${path}?callbackUrl=http%3A%2F%2F%5B`);
      expect(res.status).toBeLessThan(500);
    },
  );

  // Found by e2e/attack-auth-endpoints.spec.ts: next-auth resolves only a "/…" value against the
  // portal's address, so a bare relative word, a NUL or a repeated parameter was a 500.
  it.each(["callbackUrl=a", "callbackUrl=a&callbackUrl=b", "callbackUrl=%00", `callbackUrl=${"A".repeat(3000)}`])(
    "GET /api/auth/csrf?%s is a 4xx",
    async (query) => {
      const res = await call("GET", `csrf?${query}`);
      expect(res.status).toBe(400);
    },
  );

  // Also found by the fuzz spec: next-auth copies `error` into a Location header (a NUL made undici
  // throw), and a GET on the credentials callback throws inside next-auth.
  it.each([
    ["error?error=%00", 400],
    ["error?error=a%0Db", 400],
    ["error?error=CredentialsSignin", 302],
    ["callback/challenge?callbackUrl=%2Fok", 404],
    ["callback/credentials", 404],
  ])("GET /api/auth/%s answers %i", async (path, status) => {
    const res = await call("GET", path);
    expect(res.status).toBe(status);
  });

  it("a garbage callback-url cookie is no 500 either", async () => {
    const res = await call("GET", "session", { cookie: "next-auth.callback-url=javascript%3Aalert(1)" });
    expect(res.status).toBeLessThan(500);
  });

  it("control: the genuine flow still signs in, and sends the browser to a safe path only", async () => {
    const { entity } = await createCentre();
    const secret = newTotpSecret();
    const p = await createPerson(entity.id, { totpSecret: secret });
    const step = await startPasswordStep({ email: p.email, password: PASSWORD, meta });
    if (!step.ok) throw new Error("password step failed");
    await confirmSecondFactor({ token: step.token, code: await generate({ secret, epoch: Math.floor(Date.now() / 1000) }), meta });

    const csrfRes = await call("GET", "csrf");
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const csrfCookie = /((?:__Host-)?next-auth\.csrf-token)=([^;]+)/.exec(csrfRes.headers.get("set-cookie") ?? "")!;
    const form = new URLSearchParams({ challenge: step.token, csrfToken, callbackUrl: "/\\evil.example/phish", json: "true" });
    const cookie = `${csrfCookie[1]}=${csrfCookie[2]}`;
    const res = await call("POST", "callback/challenge", { body: form.toString(), contentType: "application/x-www-form-urlencoded", cookie });
    expect(res.status).toBe(200);
    const { url } = (await res.json()) as { url: string };
    // The portal's own address (NEXTAUTH_URL), the default path: never evil.example.
    expect(url).toMatch(/^http:\/\/(localhost|127\.0\.0\.1):3000\/tableau-de-bord$/);
    expect(await db.session.count({ where: { personId: p.id, revokedAt: null } })).toBe(1);
  });
});
