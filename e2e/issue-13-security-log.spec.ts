import { readFileSync } from "node:fs";

import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

import { createCentre, createPerson, db, ensureGrant } from "./fixtures/data";
import { signIn } from "./fixtures/sign-in";

// Issue 13: the security advisor works in Dutch. She switches the portal to « Nederlands » at the
// top of the page (the switch changes her account's language), reads the log in Dutch, exports it
// (Dutch headings and labels), and the same page stays French for a French-speaking colleague.
// Every expected text is written by hand from the glossary (docs/glossary.md) and the catalogue.

async function axeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("a Dutch-speaking security advisor reads and exports the log in Dutch; a French one in French", async ({ page, browser }) => {
  const { entity, quality } = await createCentre();
  const advisor = await createPerson({ entityId: entity.id, label: "adviseur" });
  await ensureGrant({ personId: advisor.id, rightCode: "CONSEILLER_SECURITE", entityId: entity.id, qualityId: quality.id });
  const colleague = await createPerson({ entityId: entity.id, label: "conseiller" });
  await ensureGrant({ personId: colleague.id, rightCode: "CONSEILLER_SECURITE", entityId: entity.id, qualityId: quality.id });

  await signIn(page, advisor);
  // The switch at the top of every portal page: the account's language, at the same address.
  await page.goto("/securite");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Journal de sécurité");
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Beveiligingslogboek");
  await expect(page).toHaveURL(/\/securite$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "nl-BE");
  expect((await db.person.findUniqueOrThrow({ where: { id: advisor.id }, select: { language: true } })).language).toBe("nl");

  // Her own sign-in is in the log, in Dutch, and so is the change of language.
  await page.getByLabel("Persoon (naam of e-mail)").fill(advisor.email);
  await page.getByRole("button", { name: "Zoeken" }).click();
  await expect(page.getByTestId("evenement").filter({ hasText: "Taal van het account gewijzigd" })).toContainText("taal: Frans → Nederlands");
  await expect(page.getByTestId("evenement").filter({ hasText: "Aanmelding" }).first()).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Hoofdnavigatie" })).toContainText("Beveiligingslogboek");
  expect(await axeViolations(page)).toEqual([]);

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Exporteren naar CSV (Excel)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^beveiligingslogboek-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await file.path())!, "utf8");
  expect(csv.split("\r\n")[0]).toBe(
    "\uFEFFNr.;Datum en uur (Brussel);Gebeurtenis;Code;Uitgevoerd door;E-mail van de uitvoerder;Doel;Voor → na;IP-adres;Browser",
  );
  expect(csv).toContain(";Taal van het account gewijzigd;account.language_changed;");

  // A French-speaking colleague of the same centre reads the same events in French.
  const other = await browser.newContext();
  const french = await other.newPage();
  await signIn(french, colleague);
  await french.goto("/securite");
  await expect(french.getByRole("heading", { level: 1 })).toHaveText("Journal de sécurité");
  await french.getByLabel("Personne (nom ou e-mail)").fill(advisor.email);
  await french.getByRole("button", { name: "Rechercher" }).click();
  await expect(french.getByTestId("evenement").filter({ hasText: "Langue du compte modifiée" })).toContainText("langue : français → néerlandais");
  expect(await axeViolations(french)).toEqual([]);
  await other.close();
});
