import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect, test } from "@playwright/test";

import { e2eServerEnv, E2E_PORT } from "./fixtures/e2e-env";
import { type SecondPortal, startSecondPortal } from "./fixtures/second-portal";

// Issue 12: `npm start` on a fresh clone — embedded database, no mail server. Mails stay in the
// outbox and the demo mailbox shows them, so a newcomer resets a forgotten password without a
// developer. The portal is started the way `npm start` starts it (scripts/start.ts).

const PORT = E2E_PORT + 60;
const BASE = `http://127.0.0.1:${PORT}`;
const DATA = path.join(tmpdir(), `cpas-e2e-demo-mail-${PORT}`);
let portal: SecondPortal;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  rmSync(DATA, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, ...e2eServerEnv(), PORT: String(PORT), DATABASE_URL: `pglite:${DATA}`, PORTAL_DEMO_DATA: "true" };
  for (const k of ["SMTP_URL", "SMTP_TLS_CA_FILE", "MAIL_FROM", "NEXTAUTH_URL"]) delete env[k];
  portal = await startSecondPortal({ script: "scripts/start.ts", env, base: BASE });
});

test.afterAll(async () => {
  await portal?.stop();
  rmSync(DATA, { recursive: true, force: true });
});

test("forgotten password on the demo: the link shows in the demo mailbox, and the second factor is still asked", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`${BASE}/login`);
  await expect(page.getByRole("link", { name: "Mot de passe oublié ?" })).toHaveAttribute("href", "/mot-de-passe-oublie");
  await page.goto(`${BASE}/mot-de-passe-oublie`, { waitUntil: "networkidle" });
  await page.getByLabel("Adresse e-mail").fill("agent@demo.cpas.be");
  await page.getByRole("button", { name: "Recevoir un lien" }).click();
  await expect(page.getByTestId("confirmation")).toContainText("Si cette adresse est celle d'un compte actif");

  await page.goto(`${BASE}/login`);
  await page.getByRole("link", { name: "Boîte de démonstration (courriels)" }).click();
  const mail = page.getByTestId("courriel-demo").filter({ hasText: "Réinitialiser votre mot de passe" });
  await expect(mail).toContainText("agent@demo.cpas.be");
  // No wait for hydration: a click before it used to be answered « lien plus valable » (issue 12,
  // e2e/issue-12-early-submit.spec.ts); the answer is now the sign-in page saying so, either way.
  await mail.getByRole("link", { name: /^\/mot-de-passe-oublie\// }).click();

  await page.getByLabel("Nouveau mot de passe", { exact: true }).fill("Demo-Nouveau-2026!");
  await page.getByLabel("Confirmez le mot de passe").fill("Demo-Nouveau-2026!");
  await page.getByRole("button", { name: "Changer mon mot de passe" }).click();
  await expect(page.getByTestId("confirmation")).toContainText("Votre mot de passe est changé");
  await expect(page).toHaveURL(/\/login\?raison=mot-de-passe-change$/);

  await page.goto(`${BASE}/login`);
  await page.getByLabel("Adresse e-mail").fill("agent@demo.cpas.be");
  await page.getByLabel("Mot de passe").fill("Demo-Nouveau-2026!");
  await page.getByRole("button", { name: "Continuer" }).click();
  // Demo accounts have not enrolled yet: the password leads to the second factor's enrolment, no further.
  await expect(page.getByRole("heading", { name: "Activez la double authentification" })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});
