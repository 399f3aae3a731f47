import { expect, test, type Page } from "@playwright/test";

import { createCentre, createPerson, db, freshCode } from "./fixtures/data";
import { openUserMenu, signIn } from "./fixtures/sign-in";

const SAME_MESSAGE = /Identifiant ou mot de passe incorrect, ou compte temporairement verrouillé/;

async function submitPassword(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Continuer" }).click();
}

test("an anonymous visitor is sent to the sign-in page", async ({ page }) => {
  await page.goto("/tableau-de-bord");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Ftableau-de-bord/);
  await expect(page.getByRole("heading", { name: "Connexion" })).toBeVisible();
});

test("first sign-in enrols TOTP, shows recovery codes once, then opens the dashboard", async ({ page }) => {
  const { entity } = await createCentre();
  const person = await createPerson({ entityId: entity.id, label: "nouveau", enrolled: false });
  await submitPassword(page, person.email, person.password);
  await expect(page.getByRole("heading", { name: "Activez la double authentification" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Code QR de configuration" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();

  await page.getByLabel("Code de vérification").fill("000000");
  await page.getByRole("button", { name: "Activer et continuer" }).click();
  await expect(page.getByTestId("alerte")).toContainText("Code incorrect");

  await page.getByLabel("Code de vérification").fill(await freshCode(secret));
  await page.getByRole("button", { name: "Activer et continuer" }).click();
  await expect(page.getByTestId("codes-recuperation").getByRole("listitem")).toHaveCount(10);
  await page.getByRole("button", { name: /continuer/ }).click();
  await expect(page).toHaveURL(/\/tableau-de-bord/);

  const saved = await db.person.findUniqueOrThrow({ where: { id: person.id }, include: { recoveryCodes: true } });
  expect(saved.totpEnabledAt).not.toBeNull();
  expect(saved.recoveryCodes).toHaveLength(10);
  expect(await db.auditEvent.count({ where: { actorId: person.id, action: "auth.totp_enrolled" } })).toBe(1);
});

test("a wrong or replayed TOTP code is refused", async ({ page, browser }) => {
  const { entity } = await createCentre();
  const person = await createPerson({ entityId: entity.id, label: "rejeu" });
  const code = await freshCode(person.totpSecret!);
  await submitPassword(page, person.email, person.password);
  await page.getByLabel("Code de vérification").fill(code);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/tableau-de-bord/);

  // Same code, second browser: refused even though it is still within its 30 s window.
  const other = await browser.newPage();
  await submitPassword(other, person.email, person.password);
  await other.getByLabel("Code de vérification").fill(code);
  await other.getByRole("button", { name: "Se connecter" }).click();
  await expect(other.getByTestId("alerte")).toContainText("Code incorrect ou déjà utilisé");
  await expect(other).toHaveURL(/\/login/);
  expect(
    await db.auditEvent.count({ where: { actorId: person.id, action: "auth.sign_in_failed", after: { path: ["reason"], equals: "code TOTP rejoué" } } }),
  ).toBe(1);
});

test("unknown account, wrong password and locked account get the same message; lockout after 3 failures", async ({ page }) => {
  const { entity } = await createCentre();
  const person = await createPerson({ entityId: entity.id, label: "verrou" });
  await submitPassword(page, "personne-inconnue@test.cpas.be", "Nimporte-quoi-42!");
  await expect(page.getByTestId("alerte")).toHaveText(SAME_MESSAGE);
  for (let i = 0; i < 3; i++) {
    await submitPassword(page, person.email, "Mauvais-Mot-2026!");
    await expect(page.getByTestId("alerte")).toHaveText(SAME_MESSAGE);
  }
  // The right password no longer opens the account while it is locked.
  await submitPassword(page, person.email, person.password);
  await expect(page.getByTestId("alerte")).toHaveText(SAME_MESSAGE);
  await expect(page.getByLabel("Code de vérification")).toHaveCount(0);

  const saved = await db.person.findUniqueOrThrow({ where: { id: person.id } });
  expect(saved.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
  expect(await db.auditEvent.count({ where: { targetId: person.id, action: "auth.lockout" } })).toBe(1);
  expect(await db.auditEvent.count({ where: { targetId: person.id, action: "auth.sign_in_refused" } })).toBe(1);
});

test("sign-out ends the session on the server: a copied cookie stops working", async ({ page, browser }) => {
  const { entity } = await createCentre();
  const person = await createPerson({ entityId: entity.id, label: "sortie" });
  await signIn(page, person);
  const cookies = await page.context().cookies();

  await openUserMenu(page);
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/login\?raison=deconnexion/);

  const thief = await browser.newContext();
  await thief.addCookies(cookies);
  const stolen = await thief.newPage();
  await stolen.goto("/tableau-de-bord");
  await expect(stolen).toHaveURL(/\/login/);
  const sessions = await db.session.findMany({ where: { personId: person.id } });
  expect(sessions).toHaveLength(1);
  expect(sessions[0]!.revokedReason).toBe("déconnexion");
  await thief.close();
});

test("an idle session is warned, then closed on the client and on the server", async ({ page }) => {
  const { entity } = await createCentre({ sessionIdleSeconds: 10 });
  const person = await createPerson({ entityId: entity.id, label: "inactif" });
  await signIn(page, person);
  await expect(page.getByTestId("avertissement-inactivite")).toBeVisible({ timeout: 15_000 });
  await expect(page).toHaveURL(/\/login\?raison=inactivite/, { timeout: 15_000 });
  await expect(page.getByText("Votre session a été fermée après une période d'inactivité.")).toBeVisible();
  const session = await db.session.findFirstOrThrow({ where: { personId: person.id } });
  expect(session.revokedAt).not.toBeNull();
  expect(session.revokedReason).toBe("inactivité");
  expect(await db.auditEvent.count({ where: { actorId: person.id, action: "auth.session_ended", ip: { not: null } } })).toBe(1);
});
