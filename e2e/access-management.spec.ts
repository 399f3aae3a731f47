import { expect, test, type Page } from "@playwright/test";

import { createCentre, createPerson, db, ensureRole, freshCode } from "./fixtures/data";
import { linkIn, mailTo } from "./fixtures/mailbox";
import { openUserMenu, signIn } from "./fixtures/sign-in";

async function signOut(page: Page) {
  await openUserMenu(page);
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/login/);
}

test("RAE designates the DPD as GL; the GL invites, grants and revokes; the user's next request is refused", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { entity, quality } = await createCentre();
  const rae = await createPerson({ entityId: entity.id, label: "rae" });
  await ensureRole({ personId: rae.id, role: "RAE", entityId: entity.id });
  const dpd = await createPerson({ entityId: entity.id, label: "dpd" });
  const notDpd = await createPerson({ entityId: entity.id, label: "pas-dpd" });
  await db.entity.update({ where: { id: entity.id }, data: { dpdPersonId: dpd.id } });

  // 1. The RAE: a non-DPD is refused as GL of Action Sociale, the DPD is accepted.
  await signIn(page, rae);
  await page.getByRole("link", { name: "Gestion des accès" }).click();
  const as = page.getByTestId("qualite-ACTION_SOCIALE");
  await as.getByLabel("E-mail du nouveau GL").fill(notDpd.email);
  await as.getByRole("button", { name: "Désigner le GL" }).click();
  await expect(as.getByTestId("alerte")).toContainText("doit être le DPD");
  expect(await db.roleAssignment.count({ where: { qualityId: quality.id, role: "GL", revokedAt: null } })).toBe(0);
  await as.getByLabel("E-mail du nouveau GL").fill(dpd.email);
  await as.getByRole("button", { name: "Désigner le GL" }).click();
  // The form goes with the change (the GL of Action Sociale is now the DPD: nobody else can be
  // designated there); the message above the page says it is done.
  await expect(page.getByTestId("message-gestion")).toContainText("Gestionnaire local désigné");
  await expect(as.getByTestId("gl-par-le-dpd")).toBeVisible();
  const gl = await db.roleAssignment.findFirstOrThrow({ where: { qualityId: quality.id, role: "GL", revokedAt: null } });
  expect(gl.personId).toBe(dpd.id);
  await signOut(page);

  // 2. The GL (the DPD) invites a new user.
  await signIn(page, dpd);
  await page.goto(`/gestion/qualites/${quality.id}`);
  const invite = page.getByRole("form", { name: "Inviter un utilisateur" });
  const email = `nouvel-agent-${Date.now()}@test.cpas.be`;
  await invite.getByLabel("Prénom").fill("Nadia");
  await invite.getByLabel("Nom", { exact: true }).fill("Agent");
  await invite.getByLabel("Adresse e-mail").fill(email);
  await invite.getByLabel("Numéro national (facultatif)").fill("85.07.30-033.29");
  await invite.getByRole("button", { name: "Créer l'invitation" }).click();
  await expect(invite.getByTestId("alerte")).toContainText("contrôle");
  await invite.getByLabel("Numéro national (facultatif)").fill("");
  await invite.getByRole("button", { name: "Créer l'invitation" }).click();
  // The link goes by mail (issue 12): the GL is told it was sent, never shown it.
  await expect(invite.getByTestId("confirmation")).toContainText("Invitation envoyée par courriel");
  await expect(invite.getByTestId("confirmation")).not.toContainText("/invitation/");
  const link = linkIn(await mailTo(email, /^Votre accès au portail CPAS/), "/invitation/");
  await expect
    .poll(async () => {
      await page.reload();
      return page.getByTestId(`utilisateur-${email}`).textContent();
    })
    .toContain("courriel d'invitation envoyé le");

  // 3. The invited user sets a password, enrols TOTP and signs in.
  const userContext = await browser.newContext();
  const user = await userContext.newPage();
  await user.goto(link);
  await user.getByLabel("Nouveau mot de passe").fill("Nadia-Agent-2026!");
  await user.getByLabel("Confirmez le mot de passe").fill("Nadia-Agent-2026!");
  await user.getByRole("button", { name: "Activer mon compte" }).click();
  await expect(user.getByTestId("confirmation")).toContainText("Votre compte est activé");
  await user.goto("/login");
  await user.getByLabel("Adresse e-mail").fill(email);
  await user.getByLabel("Mot de passe").fill("Nadia-Agent-2026!");
  await user.getByRole("button", { name: "Continuer" }).click();
  const secret = (await user.getByTestId("totp-secret").textContent())!.trim();
  await user.getByLabel("Code de vérification").fill(await freshCode(secret));
  await user.getByRole("button", { name: "Activer et continuer" }).click();
  await user.getByRole("button", { name: /continuer/ }).click();
  await expect(user).toHaveURL(/\/tableau-de-bord/);
  await expect(user.getByTestId("section-applications")).toHaveCount(0);

  // 4. The GL grants "Agent Social"; the user sees the application.
  await page.reload();
  const grant = page.getByRole("form", { name: "Attribuer un droit" });
  await grant.getByRole("combobox", { name: "Personne", exact: true }).selectOption({ label: `Agent Nadia (${email})` });
  await grant.getByLabel("Droit").selectOption({ label: "Agent Social" });
  await grant.getByRole("button", { name: "Attribuer" }).click();
  await expect(grant.getByTestId("confirmation")).toContainText("Droit attribué");
  await user.reload();
  await user.getByTestId("section-applications").getByRole("link", { name: "Agent Social" }).click();
  await expect(user.getByTestId("application-agent-social")).toBeVisible();

  // 5. The GL revokes it; the user's very next request is refused.
  await page.reload();
  page.once("dialog", (d) => void d.accept());
  await page.getByTestId(`utilisateur-${email}`).getByRole("button", { name: "Retirer Agent Social à Nadia Agent" }).click();
  await expect(page.getByTestId(`utilisateur-${email}`)).not.toContainText("Agent Social");
  await user.reload();
  await expect(user.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
  expect(
    await db.auditEvent.count({ where: { actorId: dpd.id, action: { in: ["access.user_invited", "access.right_granted", "access.right_revoked"] } } }),
  ).toBe(3);
  await userContext.close();
});

test("another centre's quality answers 404, and a user without management role cannot open the management pages", async ({ page }) => {
  const a = await createCentre();
  const b = await createCentre();
  const glB = await createPerson({ entityId: b.entity.id, label: "gl-b" });
  await ensureRole({ personId: glB.id, role: "GL", entityId: b.entity.id, qualityId: b.quality.id });
  await signIn(page, glB);
  await page.goto(`/gestion/qualites/${a.quality.id}`);
  await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
  await page.goto(`/gestion/qualites/${b.quality.id}`);
  await expect(page.getByRole("heading", { name: /Action Sociale/ })).toBeVisible();
  await page.goto("/gestion/recherche");
  await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
});
