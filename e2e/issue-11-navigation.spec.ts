import { expect, test } from "@playwright/test";

import { createCentre, createPerson, db, ensureGrant, ensureRole, randomBce } from "./fixtures/data";
import { signIn } from "./fixtures/sign-in";

// Issue 11: « At 1366 px the ten-item menu wraps and « Se déconnecter » falls on its own line: a
// navigation that holds every role's entries at common laptop widths (grouping, a user menu). »

test.use({ viewport: { width: 1366, height: 768 } });

test("at 1366 px the heaviest menu holds on one line, and the user menu works with the keyboard", async ({ page }) => {
  // A person who sees (nearly) every entry: the DPD as GL of Action Sociale, GL of Employeur ONSS
  // (Canaux techniques), technical user (Jetons d'API) and President (Rapport unique).
  const { entity, quality } = await createCentre();
  const onss = await db.quality.create({ data: { entityId: entity.id, type: "EMPLOYEUR_ONSS", identifier: randomBce().slice(0, 9), isActive: true } });
  const dpd = await createPerson({ entityId: entity.id, label: "Dominique-Alexandre" });
  await db.entity.update({ where: { id: entity.id }, data: { dpdPersonId: dpd.id } });
  await ensureRole({ personId: dpd.id, role: "GL", entityId: entity.id, qualityId: quality.id });
  await ensureRole({ personId: dpd.id, role: "GL", entityId: entity.id, qualityId: onss.id });
  await ensureRole({ personId: dpd.id, role: "TECHNICAL_USER", entityId: entity.id, qualityId: quality.id });
  await ensureGrant({ personId: dpd.id, rightCode: "RU_PRESIDENT", entityId: entity.id, qualityId: quality.id });
  await signIn(page, dpd);

  const nav = page.getByRole("navigation", { name: "Navigation principale" });
  const links = nav.getByRole("link");
  expect(await links.count()).toBeGreaterThanOrEqual(10);
  const tops = await links.evaluateAll((as) => as.map((a) => Math.round(a.getBoundingClientRect().top)));
  expect(new Set(tops).size).toBe(1);
  // The person's own pages and the sign-out are in the user menu, not in the navigation.
  await expect(nav.getByRole("button", { name: "Se déconnecter" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Mes sessions" })).toHaveCount(0);

  const menu = page.getByRole("button", { name: "Menu de Dominique-Alexandre Test" });
  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  for (const name of ["Mon compte", "Mes sessions", "Mes courriels"]) await expect(page.getByRole("link", { name })).toBeVisible();
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("link", { name: "Mon compte" })).toBeHidden();
  await expect(menu).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Mon compte" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/compte$/);
  await expect(page.getByRole("link", { name: "Mon compte" })).toBeHidden();
});
