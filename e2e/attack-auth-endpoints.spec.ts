import { expect, test } from "@playwright/test";
import fc from "fast-check";

import { nastyBody, nastyString } from "./fixtures/attack/bad-inputs";
import { send } from "./fixtures/attack/http";
import { leaks, snapshotCounts } from "./fixtures/attack/world";
import { createCentre, createPerson, freshCode } from "./fixtures/data";
import { E2E_BASE_URL } from "./fixtures/e2e-env";

// Issue 9: the fuzz suite also reaches next-auth's own endpoints (finding 8: garbage bodies POSTed
// to the two sign-in callbacks answered 500), and the sign-in page follows only same-origin
// callbackUrls (finding 4: `/\evil.example/phish` sent the browser to evil.example after a real
// sign-in). Each answer: no 5xx, no internal detail; the main tables unchanged.

const RUNS = Number(process.env.ATTACK_FUZZ_RUNS ?? 12);
const SEED = process.env.ATTACK_FUZZ_SEED === "random" ? undefined : Number(process.env.ATTACK_FUZZ_SEED ?? 20261201);
const AUTH_FIELDS = ["csrfToken", "challenge", "token", "email", "password", "code", "callbackUrl", "json", "redirect"];
const POST_PATHS = [
  "/api/auth/callback/credentials",
  "/api/auth/callback/challenge",
  "/api/auth/signin/credentials",
  "/api/auth/signin/challenge",
  "/api/auth/signout",
  "/api/auth/_log",
];
const GET_PATHS = ["/api/auth/session", "/api/auth/csrf", "/api/auth/providers", "/api/auth/signin", "/api/auth/error", "/api/auth/callback/challenge"];

const shortNasty = nastyString.map((v) => v.slice(0, 4000));

test.describe("next-auth endpoints under hostile input", () => {
  for (const path of POST_PATHS) {
    test(`POST ${path}: garbage is a 4xx, never a 5xx`, async ({ request }) => {
      const before = await snapshotCounts();
      // A real CSRF token (and its cookie) lets some bodies through next-auth's own check to the provider.
      const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
      const bodies = fc.oneof(
        nastyBody(AUTH_FIELDS),
        fc.record({
          contentType: fc.constant("application/x-www-form-urlencoded"),
          data: fc
            .dictionary(fc.constantFrom(...AUTH_FIELDS), nastyString, { maxKeys: 5 })
            .map((d) => new URLSearchParams({ csrfToken: csrf.csrfToken, ...d }).toString()),
        }),
        fc.constantFrom(
          { contentType: "application/x-www-form-urlencoded", data: "" },
          { contentType: "application/x-www-form-urlencoded", data: "{" },
          { contentType: "application/json", data: "{" },
          { contentType: "application/x-www-form-urlencoded", data: `csrfToken=${csrf.csrfToken}&challenge=' OR 1=1 --&code=000000` },
          { contentType: "application/x-www-form-urlencoded", data: `csrfToken=${csrf.csrfToken}&challenge=${"A".repeat(100_000)}` },
        ),
      );
      await fc.assert(
        fc.asyncProperty(bodies, async (b) => {
          const res = await send(request, { method: "POST", path, body: { kind: "raw", contentType: b.contentType || undefined, data: b.data } });
          const text = await res.text();
          expect(res.status(), `${path} → ${res.status()} for ${b.contentType} ${b.data.slice(0, 80)}`).toBeLessThan(500);
          expect(leaks(text), `${path}: no internal detail in ${text.slice(0, 300)}`).toBeNull();
        }),
        { numRuns: RUNS, endOnFailure: true, ...(SEED === undefined ? {} : { seed: SEED }) },
      );
      expect(await snapshotCounts()).toEqual(before);
    });
  }

  test("GET endpoints with repeated and hostile query parameters answer below 500", async ({ request }) => {
    await fc.assert(
      // A URL over Node's 16 KB header limit is refused by the HTTP server itself (431, then the
      // socket closes before the portal sees it): the values are cut to 4,000 characters.
      fc.asyncProperty(fc.constantFrom(...GET_PATHS), shortNasty, shortNasty, async (path, a, b) => {
        const q = new URLSearchParams([
          ["callbackUrl", a],
          ["callbackUrl", b],
          ["error", a],
        ]);
        const res = await request.get(`${path}?${q.toString()}`, { maxRedirects: 0, failOnStatusCode: false });
        expect(res.status(), `${path} → ${res.status()}`).toBeLessThan(500);
        expect(leaks(await res.text())).toBeNull();
      }),
      { numRuns: RUNS * 2, endOnFailure: true, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
  });
});

test.describe("callbackUrl after a real sign-in (finding 4)", () => {
  const HOSTILE = [
    "/\\evil.example/phish",
    "//evil.example/phish",
    "https://evil.example/phish",
    "/%5Cevil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "/\t/evil.example",
  ];
  for (const callbackUrl of HOSTILE) {
    test(`stays on the portal for ${JSON.stringify(callbackUrl)}`, async ({ page }) => {
      const { entity } = await createCentre();
      const person = await createPerson({ entityId: entity.id, label: "redirect" });
      await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      await page.getByLabel("Adresse e-mail").fill(person.email);
      await page.getByLabel("Mot de passe").fill(person.password);
      await page.getByRole("button", { name: "Continuer" }).click();
      await page.getByLabel("Code de vérification").fill(await freshCode(person.totpSecret!));
      await page.getByRole("button", { name: "Se connecter" }).click();
      await expect(page).toHaveURL(/\/tableau-de-bord/);
      expect(new URL(page.url()).origin).toBe(new URL(E2E_BASE_URL).origin);
    });
  }

  test("follows a same-origin path", async ({ page }) => {
    const { entity } = await createCentre();
    const person = await createPerson({ entityId: entity.id, label: "redirect-ok" });
    await page.goto(`/login?callbackUrl=${encodeURIComponent("/sessions")}`);
    await page.getByLabel("Adresse e-mail").fill(person.email);
    await page.getByLabel("Mot de passe").fill(person.password);
    await page.getByRole("button", { name: "Continuer" }).click();
    await page.getByLabel("Code de vérification").fill(await freshCode(person.totpSecret!));
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page).toHaveURL(/\/sessions$/);
  });
});
