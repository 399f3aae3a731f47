import { expect, test } from "@playwright/test";

import { createCentre, createPerson, db, ensureGrant, ensureRole, randomBce } from "./fixtures/data";
import { signIn, signOut } from "./fixtures/sign-in";

// Issue 11: « « Gestion des canaux techniques » can be granted under Action Sociale; the holder
// then sees « Canaux techniques » in the menu and gets « Page introuvable ». » Expected, from
// DOMAIN.md (« Rights live in a quality »: Chaman is granted under Employeur ONSS, seed 004; a
// right granted under a quality where its application does not live gives nothing): the right is
// not offered under Action Sociale, and a menu entry shows only where its page opens.

test("the GL of Action Sociale is not offered « Gestion des canaux techniques »", async ({ page }) => {
  const { entity, quality } = await createCentre();
  const dpd = await createPerson({ entityId: entity.id, label: "dpd-canaux" });
  await db.entity.update({ where: { id: entity.id }, data: { dpdPersonId: dpd.id } });
  await ensureRole({ personId: dpd.id, role: "GL", entityId: entity.id, qualityId: quality.id });

  await signIn(page, dpd);
  await page.goto(`/gestion/qualites/${quality.id}`);
  const grant = page.getByRole("form", { name: "Attribuer un droit" });
  await expect(grant.getByRole("combobox", { name: "Droit", exact: true })).toBeVisible();
  const offered = await grant.getByRole("combobox", { name: "Droit", exact: true }).locator("option").allTextContents();
  expect(offered).toContain("Agent Social");
  expect(offered).not.toContain("Gestion des canaux techniques");
});

test("a right left under Action Sociale opens no menu entry; under Employeur ONSS the entry opens its page", async ({ page }) => {
  const { entity, quality } = await createCentre();
  const onss = await db.quality.create({ data: { entityId: entity.id, type: "EMPLOYEUR_ONSS", identifier: randomBce().slice(0, 9), isActive: true } });

  // Older data: the right under Action Sociale, where Chaman does not live.
  const wrong = await createPerson({ entityId: entity.id, label: "canaux-as" });
  await ensureGrant({ personId: wrong.id, rightCode: "GESTION_CANAUX_TECHNIQUES", entityId: entity.id, qualityId: quality.id });
  await signIn(page, wrong);
  await expect(page.getByRole("link", { name: "Canaux techniques" })).toHaveCount(0);
  await page.goto("/canaux");
  await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
  await signOut(page);

  const right = await createPerson({ entityId: entity.id, label: "canaux-onss" });
  await ensureGrant({ personId: right.id, rightCode: "GESTION_CANAUX_TECHNIQUES", entityId: entity.id, qualityId: onss.id });
  await signIn(page, right);
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Canaux techniques" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Canaux techniques/ })).toBeVisible();
});
