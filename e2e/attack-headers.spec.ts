import { expect, test, type APIResponse } from "@playwright/test";

import { createCentre, createPerson, db, ensureGrant } from "./fixtures/data";
import { E2E_BASE_URL, e2eServerEnv } from "./fixtures/e2e-env";
import { send } from "./fixtures/attack/http";
import { actionId, actionStatus, callAction, form } from "./fixtures/attack/server-action";
import { signIn } from "./fixtures/sign-in";

// Issue 6, attack 4: security headers on every answer, CSRF on the three kinds of endpoint, and
// session fixation. Covered elsewhere, not repeated here:
// - a replayed TOTP code is refused: e2e/auth.spec.ts "a wrong or replayed TOTP code is refused";
// - a cookie copied before sign-out stops working: e2e/auth.spec.ts "sign-out ends the session on
//   the server: a copied cookie stops working".

const EVIL = "https://portail-cpas.evil.example";

function nonceOf(res: APIResponse): string {
  const csp = res.headers()["content-security-policy"] ?? "";
  const m = /script-src[^;]*'nonce-([A-Za-z0-9+/=]+)'/.exec(csp);
  expect(m, `CSP with a nonce on ${res.url()}: ${csp}`).not.toBeNull();
  return m![1]!;
}

function expectSecurityHeaders(res: APIResponse) {
  const h = res.headers();
  const where = `${res.url()} (${res.status()})`;
  expect(h["content-security-policy"], where).toContain("frame-ancestors 'none'");
  expect(h["content-security-policy"], where).toContain("object-src 'none'");
  expect(h["content-security-policy"], where).toContain("base-uri 'self'");
  expect(h["x-frame-options"], where).toBe("DENY");
  expect(h["x-content-type-options"], where).toBe("nosniff");
  expect(h["referrer-policy"], where).toBe("same-origin");
  expect(h["permissions-policy"], where).toContain("camera=()");
}

async function agentOfNewCentre() {
  const { entity, quality } = await createCentre();
  const person = await createPerson({
    entityId: entity.id,
    label: "atk-entetes",
  });
  await ensureGrant({
    personId: person.id,
    rightCode: "AGENT_SOCIAL",
    entityId: entity.id,
    qualityId: quality.id,
  });
  return { entity, quality, person };
}

test("every page gets a fresh CSP nonce, carried by every script of its HTML", async ({ page, request }) => {
  const { person } = await agentOfNewCentre();
  await signIn(page, person);
  for (const [r, path] of [
    [request, "/login"],
    [page.request, "/tableau-de-bord"],
    [page.request, "/forem"],
    [page.request, "/c607"],
  ] as const) {
    const first = await r.get(path, { maxRedirects: 0 });
    const second = await r.get(path, { maxRedirects: 0 });
    expect(first.status(), path).toBe(200);
    const [n1, n2] = [nonceOf(first), nonceOf(second)];
    expect(n1, `${path}: a new nonce per request`).not.toBe(n2);
    expect(Buffer.from(n1, "base64").length, "128-bit nonce").toBeGreaterThanOrEqual(16);
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, `${path}: every script carries the nonce`).toContain(`nonce="${n1}"`);
    expect(html, `${path}: the other request's nonce is not reused`).not.toContain(n2);
  }
});

test("security headers on pages, redirects, 404s, API answers and errors", async ({ page, request }) => {
  const { person } = await agentOfNewCentre();
  for (const path of ["/login", "/tableau-de-bord", "/api/health", "/api/c607/requests", "/n-existe-pas", "/invitation/inconnue"]) {
    expectSecurityHeaders(await request.get(path, { maxRedirects: 0 }));
  }
  await signIn(page, person);
  for (const path of ["/tableau-de-bord", "/gestion", "/securite", "/api/c607/requests", "/api/c607/requests/inconnu", "/api/openapi/c607"]) {
    expectSecurityHeaders(await page.request.get(path, { maxRedirects: 0 }));
  }
  expectSecurityHeaders(await send(page.request, { method: "POST", path: "/api/session/ping" }, { origin: EVIL }));
});

test("a page of another site cannot frame the portal", async ({ page }) => {
  const blocked: string[] = [];
  page.on("console", (m) => {
    if (/frame-ancestors|X-Frame-Options|Refused to display/i.test(m.text())) blocked.push(m.text());
  });
  await page.route("https://portail-cpas.evil.example/", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><title>piège</title><iframe id="cible" src="${E2E_BASE_URL}/login" width="800" height="600"></iframe>`,
    }),
  );
  await page.goto("https://portail-cpas.evil.example/");
  await page.waitForTimeout(1_500);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  expect(frame, "the iframe exists").toBeDefined();
  // The refused frame holds Chromium's error page, never the sign-in form.
  expect(await frame!.locator("input[type=password]").count()).toBe(0);
  expect(await frame!.getByRole("heading", { name: "Connexion" }).count()).toBe(0);
});

test("CSRF: a cross-origin or origin-less POST to a route handler is refused and changes nothing", async ({ page }) => {
  const { entity, person } = await agentOfNewCentre();
  await signIn(page, person);
  const body = {
    kind: "json" as const,
    value: { clientKey: "csrf-attaque-0001", content: {} },
  };
  for (const origin of [EVIL, "null", null, `${E2E_BASE_URL}.evil.example`]) {
    for (const path of ["/api/session/ping", "/api/c607/requests", "/api/fileexchange", "/api/forem/contracts/import"]) {
      const res = await send(page.request, { method: "POST", path, body }, { origin });
      expect(res.status(), `${path} with Origin ${origin}`).toBe(403);
      expect(await res.json()).toMatchObject({
        code: "FORBIDDEN",
        erreur: expect.stringContaining("origine non autorisée"),
      });
    }
  }
  expect(await db.c607Request.count({ where: { entityId: entity.id } })).toBe(0);
  // The same origin passes the check (then the body is judged on its merits).
  expect((await send(page.request, { method: "POST", path: "/api/session/ping" })).status()).toBe(200);
});

test("CSRF: a server action called with a foreign Origin is refused, even for a person allowed to call it", async ({ page }) => {
  const { entity, quality } = await createCentre();
  const dpd = await createPerson({ entityId: entity.id, label: "atk-dpd" });
  await db.roleAssignment.create({
    data: {
      personId: dpd.id,
      role: "GL",
      entityId: entity.id,
      qualityId: quality.id,
    },
  });
  await db.entity.update({
    where: { id: entity.id },
    data: { dpdPersonId: dpd.id },
  });
  await signIn(page, dpd);
  const id = actionId("app/(portal)/gestion/securite/actions.ts", "publishUsagePolicyAction");
  const args = [
    { status: "idle" },
    form({
      title: "Politique forgée",
      body: "Texte publié depuis un autre site, sans le DPD.",
    }),
  ];
  for (const origin of [EVIL, "null"]) {
    const { res, text } = await callAction(page.request, {
      path: "/gestion/securite",
      id,
      args,
      origin,
    });
    expect(actionStatus(text), `Origin ${origin}`).not.toBe("success");
    expect(res.status(), `Origin ${origin}: refused`).toBeGreaterThanOrEqual(400);
    expect(text).not.toMatch(/node_modules|\bat \//);
  }
  expect(await db.usagePolicy.count({ where: { entityId: entity.id } })).toBe(0);
  // Control: the same call from the portal's own origin publishes.
  const { text } = await callAction(page.request, {
    path: "/gestion/securite",
    id,
    args,
  });
  expect(actionStatus(text)).toBe("success");
  expect(await db.usagePolicy.count({ where: { entityId: entity.id } })).toBe(1);
});

test("CSRF: next-auth's callback without its CSRF token creates no session", async ({ browser, playwright }) => {
  const { person } = await agentOfNewCentre();
  // Run the real sign-in, but stop the final callback and keep its body (the redeemable challenge).
  const context = await browser.newContext();
  const page = await context.newPage();
  let captured: string | null = null;
  await page.route("**/api/auth/callback/challenge*", async (route) => {
    captured = route.request().postData();
    await route.abort();
  });
  await signIn(page, person).catch(() => undefined);
  await expect.poll(() => captured).not.toBeNull();
  const params = new URLSearchParams(captured ?? "");
  const challenge = params.get("challenge") ?? "";
  expect(params.get("csrfToken")).toBeTruthy();
  await context.close();

  // A forged callback from another site: the same challenge, no CSRF token (or a made-up one).
  const attacker = await playwright.request.newContext({
    baseURL: E2E_BASE_URL,
  });
  for (const csrf of [null, "0".repeat(64)]) {
    const forged = new URLSearchParams({
      challenge,
      callbackUrl: "/tableau-de-bord",
      json: "true",
      ...(csrf ? { csrfToken: csrf } : {}),
    });
    const res = await attacker.post("/api/auth/callback/challenge", {
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: EVIL,
      },
      data: forged.toString(),
      maxRedirects: 0,
      failOnStatusCode: false,
    });
    expect(res.status()).toBeLessThan(500);
    const setCookie = res
      .headersArray()
      .filter((h) => h.name.toLowerCase() === "set-cookie")
      .map((h) => h.value)
      .join("\n");
    expect(setCookie, "no session cookie").not.toMatch(/next-auth\.session-token=[^;]+/);
  }
  expect(await db.session.count({ where: { personId: person.id } }), "no server-side session").toBe(0);
  // The challenge was not spent by the refused calls: the genuine flow (cookie + token) still works.
  const csrf = await (await attacker.get("/api/auth/csrf")).json();
  const ok = await attacker.post("/api/auth/callback/challenge", {
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    data: new URLSearchParams({
      challenge,
      csrfToken: csrf.csrfToken,
      callbackUrl: "/tableau-de-bord",
      json: "true",
    }).toString(),
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  expect(ok.status()).toBeLessThan(400);
  expect(await db.session.count({ where: { personId: person.id } }), "control: the real flow signs in").toBe(1);
  await attacker.dispose();
});

test("session fixation: a cookie planted before sign-in is replaced by a fresh one naming a new server-side session", async ({ page }) => {
  const { person } = await agentOfNewCentre();
  const { decode } = await import("next-auth/jwt");
  const secret = e2eServerEnv().NEXTAUTH_SECRET ?? "";
  const planted = "attaquant-fixe-cette-valeur";
  await page.context().addCookies([{ name: "next-auth.session-token", value: planted, url: E2E_BASE_URL }]);
  // The planted cookie opens nothing.
  expect((await page.request.get("/api/c607/requests", { failOnStatusCode: false })).status()).toBe(401);
  const startedAt = new Date(Date.now() - 1_000);
  await signIn(page, person);
  const cookie = (await page.context().cookies()).find((c) => c.name === "next-auth.session-token");
  expect(cookie?.value).toBeTruthy();
  expect(cookie!.value).not.toBe(planted);
  expect(cookie!.httpOnly).toBe(true);
  expect(cookie!.sameSite).toBe("Lax");
  const token = await decode({ token: cookie!.value, secret });
  const session = await db.session.findUniqueOrThrow({
    where: { id: token!.sid as string },
  });
  expect(session.personId).toBe(person.id);
  expect(session.createdAt.getTime()).toBeGreaterThanOrEqual(startedAt.getTime());
  // A second sign-in of the same person gets another session, never the first one's id.
  const other = await page.context().browser()!.newContext();
  const page2 = await other.newPage();
  await signIn(page2, person);
  const cookie2 = (await other.cookies()).find((c) => c.name === "next-auth.session-token")!;
  const token2 = await decode({ token: cookie2.value, secret });
  expect(token2!.sid).not.toBe(token!.sid);
  await other.close();
});
