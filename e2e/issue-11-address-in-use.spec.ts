import { expect, test } from "@playwright/test";

import { createCentre, createPerson, freshCode } from "./fixtures/data";
import { openUserMenu } from "./fixtures/sign-in";
import { e2eServerEnv, E2E_PORT } from "./fixtures/e2e-env";
import { type SecondPortal, startSecondPortal } from "./fixtures/second-portal";

// Issue 11: « Sign-out always goes to http://localhost:<port>/login, whatever address the portal
// was opened at. » A second portal is started the way `npm start` starts it (scripts/start.ts),
// with no public address configured, and opened at http://127.0.0.1:<port> — the address a
// colleague would type is the machine's, not "localhost". Every redirect must stay on it.

const PORT = E2E_PORT + 50; // E2E_PORT + 1 is attack-database-down's second instance
const OPENED_AT = `http://127.0.0.1:${PORT}`;

let portal: SecondPortal;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const env: NodeJS.ProcessEnv = { ...process.env, ...e2eServerEnv(), PORT: String(PORT) };
  delete env.NEXTAUTH_URL; // what `npm start` gets on a fresh clone
  portal = await startSecondPortal({ script: "scripts/start.ts", env, base: OPENED_AT });
});

test.afterAll(async () => {
  await portal?.stop();
});

test("sign-in, the gate and sign-out stay on the address the portal was opened at", async ({ page }) => {
  const { entity } = await createCentre();
  const person = await createPerson({ entityId: entity.id, label: "adresse" });

  // The gate: an anonymous visit is sent to the sign-in page of the same address.
  await page.goto(`${OPENED_AT}/tableau-de-bord`);
  await expect(page).toHaveURL(`${OPENED_AT}/login?callbackUrl=%2Ftableau-de-bord`);

  await page.getByLabel("Adresse e-mail").fill(person.email);
  await page.getByLabel("Mot de passe").fill(person.password);
  await page.getByRole("button", { name: "Continuer" }).click();
  await page.getByLabel("Code de vérification").fill(await freshCode(person.totpSecret!));
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(`${OPENED_AT}/tableau-de-bord`);

  await openUserMenu(page);
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(`${OPENED_AT}/login?raison=deconnexion`);
  await expect(page.getByText(/déconnecté/i)).toBeVisible();
});

test("next-auth's own answers name the address in use, never localhost", async ({ request }) => {
  const csrf = await request.get(`${OPENED_AT}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await request.post(`${OPENED_AT}/api/auth/signout`, {
    form: { csrfToken, callbackUrl: "/login?raison=deconnexion", json: "true" },
    // Not a trusted proxy (PORTAL_TRUSTED_PROXY_HOPS is 0): a forwarded host is ignored.
    headers: { "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" },
  });
  expect(res.status()).toBe(200);
  expect(((await res.json()) as { url: string }).url).toBe(`${OPENED_AT}/login?raison=deconnexion`);
});
