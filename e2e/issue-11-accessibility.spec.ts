import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

import { createCentre, createPerson, db, ensureGrant, ensureRole } from "./fixtures/data";
import { openUserMenu, signIn } from "./fixtures/sign-in";

// The pages and states issue 11 part 2 added, under the same WCAG 2.1 AA checks (axe) as the others.
async function expectAccessible(page: Page, what: string) {
  await expect(page.locator("main")).toBeVisible();
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => `${what} — ${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

test("Mon compte, a person's page, the user menu, the grant form and the 404 page are accessible", async ({ page }) => {
  test.setTimeout(120_000);
  const { entity, quality } = await createCentre();
  const dpd = await createPerson({ entityId: entity.id, label: "a11y-onze" });
  await ensureRole({ personId: dpd.id, role: "RAE", entityId: entity.id });
  await ensureRole({ personId: dpd.id, role: "GL", entityId: entity.id, qualityId: quality.id });
  await db.entity.update({ where: { id: entity.id }, data: { dpdPersonId: dpd.id } });
  const user = await createPerson({ entityId: entity.id, label: "a11y-utilisateur" });
  await ensureGrant({ personId: user.id, rightCode: "AGENT_SOCIAL", entityId: entity.id, qualityId: quality.id });
  await signIn(page, dpd);

  await openUserMenu(page);
  await expectAccessible(page, "tableau de bord, menu ouvert");
  for (const path of ["/compte", `/gestion/personnes/${user.id}`, `/gestion/qualites/${quality.id}?personne=${user.id}`, "/cette-page-n-existe-pas"]) {
    await page.goto(path);
    await expectAccessible(page, path);
  }
  await page.goto("/compte");
  await page.getByRole("button", { name: "Configurer une nouvelle application" }).click();
  await expect(page.getByTestId("nouvelle-cle-totp")).toBeVisible();
  await expectAccessible(page, "/compte, nouvelle application");
});
