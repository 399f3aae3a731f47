import { expect, test, type Page } from "@playwright/test";

import { createCentre, createPerson, db, ensureGrant, ensureRole, randomBce } from "./fixtures/data";
import { signIn, signOut } from "./fixtures/sign-in";

// Issue 11, « Silent or risky actions », « Missing pages » and « Look and layout », for access
// management. Expected texts are the issue's own words: an irreversible action asks first and says
// what cannot be undone; every change says what happened; no stale error makes a success look
// failed; a right is granted by picking the person; search results open the person; fields fit
// their content; repeated buttons have names that say which one.

/** Accepts the next confirmation and returns its text. */
function nextDialog(page: Page): Promise<string> {
  return new Promise((resolve) => page.once("dialog", (d) => (resolve(d.message()), void d.accept())));
}

test("the GL grants a right by picking the person, and « Retirer » asks first, then says it is done", async ({ page }) => {
  const { entity, quality } = await createCentre();
  const dpd = await createPerson({ entityId: entity.id, label: "dpd" });
  await db.entity.update({ where: { id: entity.id }, data: { dpdPersonId: dpd.id } });
  await ensureRole({ personId: dpd.id, role: "GL", entityId: entity.id, qualityId: quality.id });
  const user = await createPerson({ entityId: entity.id, label: "camille" });
  await ensureGrant({ personId: user.id, rightCode: "AGENT_SOCIAL", entityId: entity.id, qualityId: quality.id });
  const row = page.getByTestId(`utilisateur-${user.email}`);

  await signIn(page, dpd);
  await page.goto(`/gestion/qualites/${quality.id}`);
  // Large centres: the list filters by name; the person's link preselects them in the grant form.
  await page.getByLabel("Filtrer par nom ou e-mail").fill("camille");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(row).toBeVisible();
  await row.getByRole("link", { name: "Attribuer un droit à camille Test" }).click();
  const grant = page.getByRole("form", { name: "Attribuer un droit" });
  await expect(grant.getByRole("combobox", { name: "Personne", exact: true })).toHaveValue(user.id);
  await grant.getByRole("combobox", { name: "Droit", exact: true }).selectOption({ label: "FileExchange" });
  await grant.getByRole("button", { name: "Attribuer" }).click();
  await expect(page.getByTestId("message-gestion")).toHaveText("Droit attribué.");
  await expect(row).toContainText("FileExchange");

  const asked = nextDialog(page);
  await row.getByRole("button", { name: "Retirer Agent Social à camille Test" }).click();
  expect(await asked).toContain("Retirer le droit « Agent Social » à camille Test ?");
  expect(await asked).toMatch(/il faudra l'attribuer à nouveau/);
  await expect(page.getByTestId("message-gestion")).toHaveText("Droit retiré.");
  await expect(row).not.toContainText("Agent Social");
  expect(await db.rightGrant.count({ where: { personId: user.id, rightCode: "AGENT_SOCIAL", revokedAt: null } })).toBe(0);

  // Declined: nothing is sent.
  page.once("dialog", (d) => void d.dismiss());
  await row.getByRole("button", { name: "Retirer FileExchange à camille Test" }).click();
  await expect(row).toContainText("FileExchange");
  expect(await db.rightGrant.count({ where: { personId: user.id, rightCode: "FILE_EXCHANGE", revokedAt: null } })).toBe(1);

  // The quality's e-mail field shows a long address whole.
  const email = page.getByRole("textbox", { name: "Adresse e-mail de la qualité" });
  await email.fill("gestion.acces.action-sociale@cpas-de-demonstration.be");
  expect(await email.evaluate((e) => (e as HTMLInputElement).scrollWidth <= (e as HTMLInputElement).clientWidth)).toBe(true);
});

test("the RAE deletes a co-RAE: asked first, told after, and the earlier error no longer shows", async ({ page }) => {
  const { entity } = await createCentre();
  await db.quality.create({ data: { entityId: entity.id, type: "EMPLOYEUR_ONSS", identifier: randomBce().slice(0, 9), isActive: true } });
  const rae = await createPerson({ entityId: entity.id, label: "rae" });
  await ensureRole({ personId: rae.id, role: "RAE", entityId: entity.id });
  const coRae = await createPerson({ entityId: entity.id, label: "corae" });
  await ensureRole({ personId: coRae.id, role: "CO_RAE", entityId: entity.id });
  // A DPD recorded: without one, no GL of Action Sociale can be designated and its form is not offered.
  const dpd = await createPerson({ entityId: entity.id, label: "dpd" });
  await db.entity.update({ where: { id: entity.id }, data: { dpdPersonId: dpd.id } });

  await signIn(page, rae);
  await page.goto("/gestion");
  // One button per quality, each named after its quality.
  await expect(page.getByRole("button", { name: "Désigner le GL — Action Sociale", exact: true })).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Désigner le GL — Employeur ONSS", exact: true })).toHaveCount(1);
  const names = await page
    .getByRole("main")
    .getByRole("button")
    .evaluateAll((bs) => bs.map((b) => b.textContent));
  expect(names.length).toBe(new Set(names).size);

  const designate = page.getByRole("form", { name: "Désigner un co-RAE" });
  await designate.getByLabel("E-mail du co-RAE").fill("personne-inconnue@test.cpas.be");
  await designate.getByRole("button", { name: "Désigner un co-RAE" }).click();
  await expect(designate.getByTestId("alerte")).toContainText("Aucune personne de votre centre");

  const asked = nextDialog(page);
  await page.getByRole("button", { name: "Supprimer le co-RAE corae Test" }).click();
  expect(await asked).toMatch(/Supprimer le rôle de co-RAE de corae Test \? Cette suppression est définitive/);
  await expect(page.getByTestId("message-gestion")).toHaveText("co-RAE mis à jour.");
  await expect(page.getByTestId("alerte")).toHaveCount(0);
  expect(await db.roleAssignment.count({ where: { personId: coRae.id, role: "CO_RAE", revokedAt: null } })).toBe(0);
});

test("a search result opens the person: roles, rights, sessions, history — and only for those who manage them", async ({ page }) => {
  const { entity, quality } = await createCentre();
  const onss = await db.quality.create({ data: { entityId: entity.id, type: "EMPLOYEUR_ONSS", identifier: randomBce().slice(0, 9), isActive: true } });
  const rae = await createPerson({ entityId: entity.id, label: "rae" });
  await ensureRole({ personId: rae.id, role: "RAE", entityId: entity.id });
  const agent = await createPerson({ entityId: entity.id, label: "dominique" });
  await ensureGrant({ personId: agent.id, rightCode: "AGENT_SOCIAL", entityId: entity.id, qualityId: quality.id });
  await ensureRole({ personId: agent.id, role: "SUBDIVISION_MANAGER", entityId: entity.id, qualityId: quality.id });
  const glOnss = await createPerson({ entityId: entity.id, label: "gl-onss" });
  await ensureRole({ personId: glOnss.id, role: "GL", entityId: entity.id, qualityId: onss.id });

  await signIn(page, rae);
  await page.goto("/gestion/recherche");
  await page.getByLabel("Nom, e-mail ou numéro national").fill("dominique");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await page.getByRole("link", { name: "dominique Test" }).click();
  await expect(page).toHaveURL(`/gestion/personnes/${agent.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "dominique Test" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Rôles" })).toContainText("Gestionnaire de subdivision — Action Sociale");
  await expect(page.getByRole("region", { name: "Droits d'accès aux applications" })).toContainText("Agent Social — qualité Action Sociale");
  await expect(page.getByRole("region", { name: "Dernières sessions" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Historique" })).toBeVisible();
  await signOut(page);

  // The GL of Employeur ONSS manages nobody of Action Sociale: « not found », like an unknown id.
  await signIn(page, glOnss);
  await page.goto(`/gestion/personnes/${agent.id}`);
  await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
});
