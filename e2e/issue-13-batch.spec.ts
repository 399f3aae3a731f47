import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

import { makeChannelCredentials } from "../lib/batch/testing";

import { createCentre, createPerson, db, ensureRole } from "./fixtures/data";
import { signIn } from "./fixtures/sign-in";

// Issue 13: the GL of « Employeur ONSS » (Werkgever RSZ) works in Dutch (her account's language, set
// here in the database): /canaux is read in Dutch, she opens the SFTP channel and is told her
// afzendernummer in Dutch, and axe finds nothing on the Dutch page. Every expected text is written
// by hand from docs/glossary.md and the catalogue.

async function axeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("a Dutch-speaking GL of Employeur ONSS reads the technical channels in Dutch and opens a channel; axe finds nothing", async ({ page }) => {
  test.setTimeout(120_000);
  const { entity } = await createCentre();
  const onss = await db.quality.create({ data: { entityId: entity.id, type: "EMPLOYEUR_ONSS", identifier: "012345678", isActive: true } });
  const gl = await createPerson({ entityId: entity.id, label: "gl-rsz" });
  await ensureRole({ personId: gl.id, role: "GL", entityId: entity.id, qualityId: onss.id });
  await db.person.update({ where: { id: gl.id }, data: { language: "nl" } });
  const creds = makeChannelCredentials();

  await signIn(page, gl);
  await page.goto("/canaux");
  await expect(page.locator("html")).toHaveAttribute("lang", "nl-BE");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Technische kanalen (batchkanaal)");
  await expect(page.getByRole("heading", { name: "Werkgever RSZ 012345678" })).toBeVisible();
  await expect(page.getByTestId("numero-expediteur")).toContainText("Uw afzendernummer: toegekend bij de aanmaak van het eerste kanaal");
  await expect(page.getByRole("heading", { name: "Mandaten (mandatarissen per dienst)" })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  const add = page.getByRole("form", { name: "Een FTP- of SFTP-account toevoegen" });
  await add.getByLabel("Naam van de account").fill("Loonsoftware");
  await add.getByLabel("Multifunctionele aangifte DmfA").check();
  await add
    .getByLabel("Certificaat (.cer)")
    .setInputFiles({ name: "signature.cer", mimeType: "application/pkix-cert", buffer: Buffer.from(creds.certificateDer) });
  await add.getByLabel("Naam van het certificaat").fill("Certificaat 2026");
  await add.getByLabel("Naam van de technische gebruiker").fill(`nl${Date.now()}`);
  await add.getByLabel(/Publieke SSH-sleutel/).fill(creds.sshPublicKey);
  await add.getByRole("button", { name: "Bevestigen" }).click();
  await expect(add.getByTestId("confirmation")).toContainText(/SFTP-kanaal aangemaakt\. Uw afzendernummer: \d{6}\./);

  const table = page.getByTestId("canaux");
  await expect(table).toContainText("CareerPro - Federal Learning Account ; Multifunctionele aangifte DmfA");
  await expect(table).toContainText("actief");
  await expect(page.getByRole("columnheader", { name: "Technische gebruiker" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Vanuit het portaal zenden (kanaal Loonsoftware)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Verbinding en bestandsnamen" })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});
