import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

import { createCentre, createPerson, db, ensureGrant, ensureRole } from "./fixtures/data";
import { signIn } from "./fixtures/sign-in";

// WCAG 2.1 AA (axe) on every main screen, as the people who use them see them.
async function expectAccessible(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("main")).toBeVisible();
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => `${path} — ${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

test("access-management and security screens are accessible", async ({ page }) => {
  test.setTimeout(120_000);
  const { entity, quality } = await createCentre();
  const dpd = await createPerson({ entityId: entity.id, label: "a11y-dpd" });
  await ensureRole({ personId: dpd.id, role: "RAE", entityId: entity.id });
  await ensureRole({ personId: dpd.id, role: "GL", entityId: entity.id, qualityId: quality.id });
  await db.entity.update({ where: { id: entity.id }, data: { dpdPersonId: dpd.id } });
  await db.subdivision.create({ data: { qualityId: quality.id, name: "Service insertion" } });
  await signIn(page, dpd);
  for (const path of [
    "/tableau-de-bord",
    "/gestion",
    `/gestion/qualites/${quality.id}`,
    "/gestion/recherche?q=a11y",
    "/gestion/securite",
    "/securite",
    "/sessions",
    "/chiffrement",
  ]) {
    await expectAccessible(page, path);
  }
});

test("the social worker's C60.7 and FOREM screens are accessible", async ({ page }) => {
  test.setTimeout(120_000);
  const { entity, quality } = await createCentre();
  const agent = await createPerson({ entityId: entity.id, label: "a11y-agent" });
  await ensureGrant({ personId: agent.id, rightCode: "AGENT_SOCIAL", entityId: entity.id, qualityId: quality.id });
  await ensureGrant({ personId: agent.id, rightCode: "FILE_EXCHANGE", entityId: entity.id, qualityId: quality.id });
  await signIn(page, agent);
  for (const path of [
    "/c607",
    "/c607/nouvelle",
    "/messages",
    "/forem",
    "/forem/contrats/nouveau",
    "/forem/fichier",
    "/forem/registre",
    "/forem/attestations",
    "/fileexchange",
  ]) {
    await expectAccessible(page, path);
  }
});

test("the ONEM queue and the public pages are accessible", async ({ page }) => {
  const onem = await db.entity.findFirstOrThrow({ where: { kind: "ONEM" } });
  const collaborator = await createPerson({ entityId: onem.id, label: "a11y-onem" });
  await ensureRole({ personId: collaborator.id, role: "ONEM_COLLABORATOR", entityId: onem.id });
  await expectAccessible(page, "/invitation/lien-inexistant");
  await signIn(page, collaborator);
  await expectAccessible(page, "/onem");
});
