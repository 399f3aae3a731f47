import { expect, test } from "@playwright/test";

import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../lib/seed/demo-accounts";

import { freshCode } from "./fixtures/data";

// Done-when of the foundation: every demo account reaches its dashboard after TOTP enrolment.
test("every demo account enrols TOTP and reaches its dashboard", async ({ page }) => {
  test.setTimeout(180_000);
  for (const account of DEMO_ACCOUNTS) {
    await page.context().clearCookies();
    await page.goto("/login");
    await page.getByLabel("Adresse e-mail").fill(account.email);
    await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Continuer" }).click();
    const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
    await page.getByLabel("Code de vérification").fill(await freshCode(secret));
    await page.getByRole("button", { name: "Activer et continuer" }).click();
    await page.getByRole("button", { name: /continuer/ }).click();
    await expect(page, account.email).toHaveURL(/\/tableau-de-bord/);
    await expect(page.getByTestId("utilisateur-connecte")).toHaveText(`${account.firstName} ${account.lastName}`);
    await expect(page.getByTestId("section-vide"), `${account.email} has at least one section`).toHaveCount(0);
  }
});
