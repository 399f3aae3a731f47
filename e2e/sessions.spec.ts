import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

import { createCentre, createPerson, db } from "./fixtures/data";
import { openUserMenu, signIn } from "./fixtures/sign-in";

test("a user ends their other session, whose next request goes to the sign-in page", async ({ browser }) => {
  const { entity } = await createCentre();
  const person = await createPerson({ entityId: entity.id, label: "deux-postes" });
  const office = await browser.newContext();
  const officePage = await office.newPage();
  await signIn(officePage, person);
  const home = await browser.newContext();
  const homePage = await home.newPage();
  await signIn(homePage, person); // waits for the next TOTP step: a code is never accepted twice

  await openUserMenu(homePage);
  await homePage.getByRole("link", { name: "Mes sessions" }).click();
  await expect(homePage.getByRole("heading", { name: "Mes sessions" })).toBeVisible();
  const sessions = homePage.getByTestId("session");
  await expect(sessions).toHaveCount(2);
  await expect(sessions.first()).toContainText("cette session");
  await expect(sessions.nth(1)).toContainText(/Chrome/);
  // Only the DPD sees the form that ends another person's sessions.
  await expect(homePage.getByRole("form", { name: "Fermer toutes les sessions d'une personne" })).toHaveCount(0);

  await sessions.nth(1).getByRole("button", { name: "Fermer cette session" }).click();
  await expect(homePage.getByTestId("confirmation")).toContainText("Session fermée");
  await expect(homePage.getByTestId("session")).toHaveCount(1);

  await officePage.getByRole("link", { name: "Tableau de bord" }).click();
  await expect(officePage).toHaveURL(/\/login/);
  await homePage.goto("/tableau-de-bord");
  await expect(homePage).toHaveURL(/\/tableau-de-bord/);

  const rows = await db.session.findMany({ where: { personId: person.id }, orderBy: { createdAt: "asc" } });
  expect(rows.map((r) => r.revokedReason)).toEqual(["fermée par l'utilisateur", null]);
  expect(
    await db.auditEvent.count({ where: { actorId: person.id, action: "auth.session_ended", after: { path: ["reason"], equals: "fermée par l'utilisateur" } } }),
  ).toBe(1);
  await office.close();
  await home.close();
});

test("the DPD ends all sessions of a person of their centre", async ({ page, browser }) => {
  const { entity } = await createCentre();
  const dpd = await createPerson({ entityId: entity.id, label: "dpd" });
  await db.entity.update({ where: { id: entity.id }, data: { dpdPersonId: dpd.id } });
  const user = await createPerson({ entityId: entity.id, label: "portable-perdu" });
  const lost = await browser.newContext();
  const lostPage = await lost.newPage();
  await signIn(lostPage, user);

  await signIn(page, dpd);
  await page.goto("/sessions");
  const form = page.getByRole("form", { name: "Fermer toutes les sessions d'une personne" });
  await form.getByLabel("Adresse e-mail de la personne").fill("personne@ailleurs.cpas.be");
  await form.getByRole("button", { name: "Fermer toutes ses sessions" }).click();
  await expect(form.getByTestId("alerte")).toContainText("Aucune personne de votre centre");
  await form.getByLabel("Adresse e-mail de la personne").fill(user.email);
  await form.getByRole("button", { name: "Fermer toutes ses sessions" }).click();
  await expect(form.getByTestId("confirmation")).toContainText("1 session de portable-perdu Test fermée.");
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await lostPage.reload();
  await expect(lostPage).toHaveURL(/\/login/);
  expect(await db.session.count({ where: { personId: user.id, revokedAt: null } })).toBe(0);
  const event = await db.auditEvent.findFirstOrThrow({ where: { action: "session.person_sessions_ended", targetId: user.id } });
  expect(event).toMatchObject({ actorId: dpd.id, entityId: entity.id, after: { sessions: 1 } });

  // The DPD finds it in the security log, filtered on the person.
  await page.goto(`/securite?type=sessions&q=${encodeURIComponent(user.email)}`);
  await expect(page.getByTestId("evenement").first()).toContainText("Toutes les sessions d'une personne fermées");
  await lost.close();
});
