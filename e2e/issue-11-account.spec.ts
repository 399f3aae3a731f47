import { expect, test } from "@playwright/test";

import { createCentre, createPerson, db, ensureGrant, freshCode } from "./fixtures/data";
import { signIn, signOut } from "./fixtures/sign-in";

// Issue 11, « Mon compte »: « see my roles and rights, change my password (with the policy),
// re-enrol my second factor, regenerate recovery codes (each with a fresh second factor), see my
// last sign-ins; audited. » Expected texts from the issue and seed 002's password policy.

test("Mon compte: my rights and sign-ins, a new password (policy, fresh code), new recovery codes", async ({ page }) => {
  test.setTimeout(150_000);
  const { entity, quality } = await createCentre();
  const me = await createPerson({ entityId: entity.id, label: "compte" });
  await ensureGrant({ personId: me.id, rightCode: "FILE_EXCHANGE", entityId: entity.id, qualityId: quality.id });
  await signIn(page, me);
  await page.goto("/compte");
  await expect(page.getByRole("heading", { level: 1, name: "Mon compte" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Mes rôles et droits" })).toContainText("FileExchange — qualité Action Sociale");
  await expect(page.getByRole("region", { name: "Mes dernières connexions" })).toContainText("Connexion");

  const form = page.getByRole("form", { name: "Changer le mot de passe" });
  await form.getByLabel("Mot de passe actuel", { exact: true }).fill(me.password);
  // Seed 002: at least 12 characters with a special one — refused, with what is missing.
  await form.getByLabel("Nouveau mot de passe", { exact: true }).fill("Printemps2027");
  await form.getByLabel("Confirmez le nouveau mot de passe").fill("Printemps2027");
  await form.getByLabel("Code de votre application d'authentification").fill(await freshCode(me.totpSecret!));
  await form.getByRole("button", { name: "Changer le mot de passe" }).click();
  await expect(form.getByTestId("alerte")).toContainText("Il manque : un caractère spécial");
  await form.getByLabel("Nouveau mot de passe", { exact: true }).fill("Printemps-2027-CPAS!");
  await form.getByLabel("Confirmez le nouveau mot de passe").fill("Printemps-2027-CPAS!");
  await form.getByRole("button", { name: "Changer le mot de passe" }).click();
  await expect(form.getByTestId("confirmation")).toHaveText("Mot de passe modifié.");
  expect(await db.auditEvent.count({ where: { action: "auth.password_changed", targetId: me.id } })).toBe(1);

  const codes = page.getByRole("form", { name: "Créer de nouveaux codes de récupération" });
  await codes.getByLabel("Code de votre application d'authentification").fill(await freshCode(me.totpSecret!));
  page.once("dialog", (d) => void d.accept());
  await codes.getByRole("button", { name: "Créer de nouveaux codes" }).click();
  await expect(page.getByTestId("codes-recuperation").getByRole("listitem")).toHaveCount(10);
  const [newCode] = await page.getByTestId("codes-recuperation").getByRole("listitem").allTextContents();

  // The new password is the one that signs in now, and one of the new recovery codes stands in for
  // the app (a phone left at home): used once, it is spent. (Also spares this person a fourth TOTP
  // code within one minute, which the server's replay rule would make the test wait 30 s for.)
  await signOut(page);
  await page.goto("/login");
  await page.getByLabel("Adresse e-mail").fill(me.email);
  await page.getByLabel("Mot de passe").fill("Printemps-2027-CPAS!");
  await page.getByRole("button", { name: "Continuer" }).click();
  await page.getByLabel("Code de vérification").fill(newCode!.trim());
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/tableau-de-bord/);
  expect(await db.recoveryCode.count({ where: { personId: me.id, usedAt: { not: null } } })).toBe(1);
  expect(await db.recoveryCode.count({ where: { personId: me.id, usedAt: null } })).toBe(9);
});
