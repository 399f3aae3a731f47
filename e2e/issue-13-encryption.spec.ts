import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

import { createCentre, createPerson, db } from "./fixtures/data";
import { signIn } from "./fixtures/sign-in";

// Issue 13: a CPAS staff member whose account is in Dutch encrypts a file on /chiffrement. Every
// expected text is written by hand from messages/nl/encryption.json and docs/glossary.md; the
// openssl command stays as it is (a command), and the result decrypts with the real openssl.
const OPENSSL = process.env.OPENSSL_PATH ?? "/usr/bin/openssl";
const PASSWORD = "Lijst-Impulsion-2026-geheim";

async function axeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

let dir: string;
test.beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "versleuteling-e2e-"));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("an account in Dutch encrypts a file on /chiffrement with Dutch labels; openssl decrypts it; axe finds nothing", async ({ page }) => {
  const { entity } = await createCentre();
  const person = await createPerson({ entityId: entity.id, label: "versleuteling" });
  await db.person.update({ where: { id: person.id }, data: { language: "nl" } });
  await signIn(page, person);

  await page.goto("/chiffrement?telechargement=1");
  await expect(page.locator("html")).toHaveAttribute("lang", "nl-BE");
  await expect(page).toHaveTitle(/^Lokale versleuteling van bestanden/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lokale versleuteling van bestanden");
  await expect(page.getByTestId("local-uniquement")).toContainText("Alles gebeurt in uw browser: het bestand en het wachtwoord worden nooit");
  await expect(page.getByRole("group", { name: "Wat wilt u doen?" })).toBeVisible();
  await expect(page.getByRole("radio", { name: /^Versleutelen/ })).toBeChecked();
  await expect(page.getByRole("heading", { level: 2, name: "Een versleuteld bestand naar een partner sturen" })).toBeVisible();
  // FOREM is Walloon: the page says its list and instructions stay French.
  await expect(page.getByTestId("forem-frans")).toHaveText(
    "De Impulsion-lijst en de instructies van FOREM blijven in het Frans: FOREM is een Waalse instelling.",
  );
  await expect(page.getByTestId("fichier-choisi")).toHaveText("Geen bestand gekozen.");

  const content = randomBytes(100);
  await page.getByLabel("Bestand", { exact: true }).setInputFiles({ name: "lijst.xlsx", mimeType: "application/octet-stream", buffer: content });
  await expect(page.getByTestId("fichier-choisi")).toHaveText("Gekozen bestand: lijst.xlsx — 100 bytes");

  // A short password is refused in Dutch (a catalogue reference from lib/forem/crypto).
  await page.getByLabel("Wachtwoord", { exact: true }).fill("kort");
  await page.getByLabel("Bevestig het wachtwoord").fill("kort");
  await page.getByRole("button", { name: "Bestand versleutelen" }).click();
  await expect(page.getByTestId("alerte")).toHaveText("Het wachtwoord moet minstens 12 tekens bevatten.");

  await page.getByLabel("Wachtwoord", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Bevestig het wachtwoord").fill(PASSWORD);
  await expect(page.getByTestId("robustesse")).toContainText(/^Geschatte sterkte: (Gemiddeld|Sterk|Zeer sterk)$/);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Bestand versleutelen" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("lijst.xlsx.enc");
  const encrypted = path.join(dir, "lijst.xlsx.enc");
  await file.saveAs(encrypted);

  const result = page.getByTestId("resultat");
  await expect(result).toContainText("Versleuteld bestand opgeslagen: lijst.xlsx.enc (128 bytes)");
  await expect(result).toContainText("Om het te versturen:");
  await expect(result).toContainText("Bezorg het wachtwoord via een ander kanaal (telefoon, sms…), nooit in dezelfde e-mail als het bestand.");
  await expect(page.getByTestId("commande-openssl")).toHaveText("openssl aes-256-cbc -d -salt -pbkdf2 -iter 10000 -in lijst.xlsx.enc -out lijst.xlsx");
  await expect(page.getByRole("progressbar", { name: "Voortgang van de versleuteling" })).toHaveAttribute("value", "100");
  await expect(page.getByTestId("pourcentage")).toHaveText("100%");

  // The real openssl, as FOREM runs it (-pass file: keeps the password out of the process list).
  const passFile = path.join(dir, "wachtwoord.txt");
  writeFileSync(passFile, `${PASSWORD}\n`, { mode: 0o600 });
  const plain = path.join(dir, "lijst.xlsx");
  execFileSync(OPENSSL, ["aes-256-cbc", "-d", "-salt", "-pbkdf2", "-iter", "10000", "-pass", `file:${passFile}`, "-in", encrypted, "-out", plain], {
    stdio: "pipe",
  });
  expect(readFileSync(plain).equals(content)).toBe(true);

  expect(await axeViolations(page)).toEqual([]);
});
