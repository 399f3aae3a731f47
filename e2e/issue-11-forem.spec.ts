import { expect, test, type Page } from "@playwright/test";

import { encryptBytes } from "../lib/forem/crypto";
import { uniqueNiss } from "../lib/forem/testing/make-niss";

import { createCentre, createPerson, db, ensureGrant, randomBce } from "./fixtures/data";
import { cpasStaff, openAs } from "./fixtures/signed-in";
import { signIn } from "./fixtures/sign-in";

// Issue 11, part 1: what a FOREM user reads in the register and the encryption page.

async function agent() {
  const c = await createCentre();
  const person = await createPerson({ entityId: c.entity.id, label: "agent" });
  await ensureGrant({ personId: person.id, rightCode: "AGENT_SOCIAL", entityId: c.entity.id, qualityId: c.quality.id });
  return person;
}

/** A calendar date `days` after today, in Brussels (the register's "today"). */
function inDays(days: number): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels" }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

test("a contract starting in the future is « à venir » in the register, not « en cours »", async ({ page }) => {
  await signIn(page, await agent());
  for (const [lastName, start, plannedEnd] of [
    ["Futur", inDays(40), inDays(400)],
    ["Present", inDays(-40), inDays(300)],
  ] as const) {
    await page.goto("/forem/contrats/nouveau");
    await page.getByLabel("Numéro national (NISS)").fill(uniqueNiss());
    await page.getByLabel("Nom", { exact: true }).fill(lastName);
    await page.getByLabel("Prénom").fill("Awa");
    await page.getByLabel("Début").fill(start);
    await page.getByLabel("Fin prévue").fill(plannedEnd);
    await page.getByRole("button", { name: "Enregistrer le contrat" }).click();
    await expect(page).toHaveURL(/\/forem\?enregistre=1/);
  }
  const register = page.getByTestId("registre-contrats");
  await expect(register.getByRole("row", { name: /Futur Awa/ })).toContainText("à venir");
  await expect(register.getByRole("row", { name: /Futur Awa/ })).not.toContainText("en cours");
  await expect(register.getByRole("row", { name: /Present Awa/ })).toContainText("en cours");
});

const PASSWORD = "Liste-Impulsion-2026-secret";

/** As the worker's CPAS staff member, signed in once (fixtures/signed-in.ts): the page keeps nothing on the server. */
async function encryptionPage(page: Page) {
  await openAs(page, "chiffrement", cpasStaff, "/chiffrement?telechargement=1");
  await expect(page.getByRole("heading", { level: 1, name: "Chiffrement local de fichiers" })).toBeVisible();
}

const choose = (page: Page, name: string, buffer: Buffer) =>
  page.getByLabel("Fichier", { exact: true }).setInputFiles({ name, mimeType: "application/octet-stream", buffer });

test("the encryption page refuses a « Très faible » password, says why, and puts the focus on the error, then on the result", async ({ page }) => {
  await encryptionPage(page);
  await choose(page, "liste.xlsx", Buffer.from("PK\x03\x04 contenu"));
  for (const weak of ["aaaaaaaaaaaa", "Motdepasse12"]) {
    await page.getByLabel("Mot de passe", { exact: true }).fill(weak);
    await page.getByLabel("Confirmez le mot de passe").fill(weak);
    await expect(page.getByTestId("robustesse")).toContainText("Très faible — trop facile à deviner, ce mot de passe sera refusé");
    await page.getByRole("button", { name: "Chiffrer le fichier" }).click();
    await expect(page.getByTestId("alerte")).toHaveText(
      "Mot de passe trop facile à deviner (robustesse « Très faible ») : il est fait de répétitions, de suites comme « abc » ou « 123 », ou de mots courants. Choisissez une longue phrase de passe ou utilisez « Générer un mot de passe ».",
    );
    await expect(page.getByTestId("alerte")).toContainText("Mot de passe trop facile à deviner");
    // The keyboard focus is on the error, not at the top of the page.
    await expect.poll(() => page.evaluate(() => document.activeElement?.querySelector("[data-testid=alerte]") !== null)).toBe(true);
  }
  await page.getByLabel("Mot de passe", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Confirmez le mot de passe").fill(PASSWORD);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Chiffrer le fichier" }).click();
  await download;
  await expect(page.getByTestId("resultat")).toBeFocused();
});

test("decrypting a .xlsx.enc that does not give a zip warns that the password is probably wrong; a real one does not", async ({ page }) => {
  await encryptionPage(page);
  await page.getByRole("radio", { name: /^Déchiffrer/ }).check();
  // What a wrong password that passed the padding check yields: bytes that are not a zip.
  const noise = Buffer.from(await encryptBytes(new Uint8Array([0x9c, 0x12, 0x00, 0x7f, 0x41, 0x42, 0x43]), PASSWORD));
  await choose(page, "liste.xlsx.enc", noise);
  await page.getByLabel("Mot de passe", { exact: true }).fill(PASSWORD);
  let download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Déchiffrer le fichier" }).click();
  await download;
  await expect(page.getByTestId("avertissement-type")).toContainText("Le mot de passe est probablement erroné");
  await expect(page.getByTestId("resultat")).toBeFocused();

  const zip = Buffer.from(await encryptBytes(new Uint8Array(Buffer.from("PK\x03\x04 un vrai classeur")), PASSWORD));
  await choose(page, "vrai.xlsx.enc", zip);
  await page.getByLabel("Mot de passe", { exact: true }).fill(PASSWORD);
  download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Déchiffrer le fichier" }).click();
  await download;
  await expect(page.getByTestId("nom-resultat")).toHaveText("vrai.xlsx");
  await expect(page.getByTestId("avertissement-type")).toHaveCount(0);
});

test("the DPD's FileExchange partner list names ONEM once, and sizes read as one French figure", async ({ page }) => {
  const c = await createCentre();
  const dpd = await createPerson({ entityId: c.entity.id, label: "dpd" });
  await ensureGrant({ personId: dpd.id, rightCode: "AGENT_SOCIAL", entityId: c.entity.id, qualityId: c.quality.id });
  await db.entity.update({ where: { id: c.entity.id }, data: { dpdPersonId: dpd.id } });
  const builders = await import("../lib/seed/builders");
  const onemName = `Office national de l'Emploi ${randomBce()} (ONEM)`;
  await db.$transaction((tx) => builders.ensureEntity(tx, { name: onemName, bce: randomBce(), kind: "ONEM" }));
  await signIn(page, dpd);
  await page.goto("/gestion/securite");
  const settings = page.getByRole("form", { name: "Partenaires FileExchange" });
  await expect(settings.getByLabel(onemName, { exact: true })).toHaveCount(1);
  await expect(settings).not.toContainText("(ONEM) (ONEM)");

  // 6 656 bytes = 6,5 × 1 024: one readable size, not « 6,5 Kio (6 656 octets) ».
  await page.goto("/chiffrement");
  await choose(page, "liste.xlsx", Buffer.alloc(6656, 1));
  await expect(page.getByTestId("fichier-choisi")).toHaveText(/^Fichier choisi : liste\.xlsx — 6,5\sKo$/);
});
