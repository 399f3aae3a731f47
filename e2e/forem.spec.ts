import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type Request } from "@playwright/test";
import ExcelJS from "exceljs";

import { encryptBytes } from "../lib/forem/crypto";
import { makeNiss, uniqueNiss } from "../lib/forem/testing/make-niss";

import { createCentre, createPerson, db, ensureGrant } from "./fixtures/data";
import { signIn } from "./fixtures/sign-in";

// Issue 5 end to end: the contracts register, the FOREM file handed to the encryption island and
// decrypted by the real openssl, the transmission register, attestations, FileExchange and refusals.
const OPENSSL = process.env.OPENSSL_PATH ?? "/usr/bin/openssl";
const PASSWORD = "Impulsion-Trimestre-2026!";
const PERIOD = "du=2026-01-01&au=2026-03-31";

let dir: string;
test.beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "forem-e2e-"));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function staff(rights: ("AGENT_SOCIAL" | "FILE_EXCHANGE" | "EBOX_INSTITUTION")[], centre?: Awaited<ReturnType<typeof createCentre>>) {
  const c = centre ?? (await createCentre());
  const person = await createPerson({ entityId: c.entity.id, label: rights[0]?.toLowerCase().replace("_", "") ?? "sansdroit" });
  for (const rightCode of rights) await ensureGrant({ personId: person.id, rightCode, entityId: c.entity.id, qualityId: c.quality.id });
  return { ...c, person };
}

async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => `${page.url()} ${v.id}: ${v.help}`)).toEqual([]);
}

const mainNav = (page: Page) => page.getByRole("navigation", { name: "Navigation principale" });

async function fillContract(page: Page, o: { niss: string; lastName: string; firstName: string; start: string; plannedEnd: string; actualEnd?: string }) {
  await page.goto("/forem/contrats/nouveau");
  await page.getByLabel("Numéro national (NISS)").fill(o.niss);
  await page.getByLabel("Nom", { exact: true }).fill(o.lastName);
  await page.getByLabel("Prénom").fill(o.firstName);
  await page.getByLabel("Début").fill(o.start);
  await page.getByLabel("Fin prévue").fill(o.plannedEnd);
  if (o.actualEnd) await page.getByLabel("Fin effective").fill(o.actualEnd);
  await page.getByRole("button", { name: "Enregistrer le contrat" }).click();
}

test("an agent registers contracts, exports the FOREM file of a period, encrypts it in the island and records the transmission", async ({ page }) => {
  const { entity, person } = await staff(["AGENT_SOCIAL"]);
  await signIn(page, person);
  await mainNav(page).getByRole("link", { name: "FOREM" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Registre des contrats/ })).toBeVisible();

  // One contract by the form (with a mistake first), two by import.
  const byForm = uniqueNiss();
  await fillContract(page, {
    niss: "85073003329",
    lastName: "Diallo",
    firstName: "Awa",
    start: "2025-01-06",
    plannedEnd: "2026-01-05",
    actualEnd: "2026-01-05",
  });
  await expect(page.getByTestId("alerte")).toContainText("Certains champs sont invalides");
  await expect(page.getByText("chiffres de contrôle incorrects")).toBeVisible();
  await page.getByLabel("Numéro national (NISS)").fill(byForm);
  await page.getByRole("button", { name: "Enregistrer le contrat" }).click();
  await expect(page).toHaveURL(/\/forem\?enregistre=1/);
  await expect(page.getByTestId("registre-contrats")).toContainText("Diallo Awa");

  const leadingZero = makeNiss(
    `200${1 + Math.floor(Math.random() * 8)}-0${1 + Math.floor(Math.random() * 8)}-1${Math.floor(Math.random() * 9)}`,
    500 + Math.floor(Math.random() * 499),
  );
  const running = uniqueNiss();
  const header = "Numéro national;Nom;Prénom;Type;Début;Fin prévue;Fin effective;Employeur;Régime;Heures/semaine";
  const bad = [header, `${leadingZero};Peeters;An;61;01/02/2025;31/01/2026;15/02/2026;;temps plein;`].join("\n");
  await page.goto("/forem/import");
  await page.getByLabel(/Fichier \(\.xlsx ou \.csv/).setInputFiles({ name: "contrats.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await page.getByRole("button", { name: "Importer" }).click();
  await expect(page.getByTestId("rapport-import")).toContainText("Rien n'a été importé");
  await expect(page.getByTestId("rapport-import")).toContainText("Article 61 : indiquez l'employeur tiers");
  const good = [
    header,
    `${leadingZero};Peeters;An;61;01/02/2025;31/01/2026;15/02/2026;Boulangerie du Coin;temps partiel;19,5`,
    `${running};Martin;Léa;60§7;01/03/2025;28/02/2027;;;;`,
  ].join("\n");
  await page.getByLabel(/Fichier \(\.xlsx ou \.csv/).setInputFiles({ name: "contrats.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
  await page.getByRole("button", { name: "Importer" }).click();
  await expect(page.getByTestId("rapport-import")).toContainText("2 contrats importés");
  expect(await db.contract.count({ where: { entityId: entity.id } })).toBe(3);

  // Preview, then the file goes straight to the island.
  const requests: Request[] = [];
  page.on("request", (r) => requests.push(r));
  await page.goto(`/forem/fichier?${PERIOD}&telechargement=1`);
  await expect(page.getByRole("heading", { name: "Aperçu : 2 contrats terminés" })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByTestId("apercu-forem")).not.toContainText("Martin");
  await page.getByRole("button", { name: "Préparer le fichier pour le chiffrement" }).click();
  await expect(page.getByTestId("fichier-prepare")).toContainText("forem-impulsion-2026-01-01-au-2026-03-31.xlsx");
  await page.getByLabel("Mot de passe", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Confirmez le mot de passe").fill(PASSWORD);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Chiffrer le fichier" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("forem-impulsion-2026-01-01-au-2026-03-31.xlsx.enc");
  const encrypted = path.join(dir, "forem.xlsx.enc");
  await file.saveAs(encrypted);

  // What FOREM does: openssl, then open the workbook.
  const passFile = path.join(dir, "mdp.txt");
  writeFileSync(passFile, `${PASSWORD}\n`, { mode: 0o600 });
  const plain = path.join(dir, "forem.xlsx");
  execFileSync(OPENSSL, ["aes-256-cbc", "-d", "-salt", "-pbkdf2", "-iter", "10000", "-pass", `file:${passFile}`, "-in", encrypted, "-out", plain]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(plain).buffer as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  expect(sheet.actualColumnCount).toBe(3);
  expect(sheet.rowCount).toBe(3);
  expect(sheet.getRow(1).values).toEqual([undefined, "Numéro national", "Date de début", "Date de fin"]);
  expect([sheet.getCell("A2").value, sheet.getCell("A3").value]).toEqual([byForm, leadingZero]);
  expect(sheet.getCell("A3").type).toBe(ExcelJS.ValueType.String);
  expect(sheet.getCell("C3").type).toBe(ExcelJS.ValueType.Date);
  expect((sheet.getCell("C3").value as Date).toISOString().slice(0, 10)).toBe("2026-02-15");

  // Sending instructions, then the register entry after confirmation.
  await expect(page.getByTestId("consignes-forem")).toContainText("impulsions@forem.be");
  await expect(page.getByTestId("consignes-forem")).toContainText("autre canal");
  await page.getByRole("button", { name: "Inscrire la transmission au registre" }).click();
  await expect(page.getByTestId("alerte").last()).toContainText("Confirmez que le fichier chiffré");
  await page.getByLabel(/J'ai envoyé le fichier chiffré/).check();
  await page.getByRole("button", { name: "Inscrire la transmission au registre" }).click();
  await expect(page.getByTestId("transmission-enregistree")).toContainText("2 lignes");
  await page.getByRole("link", { name: "Voir le registre des transmissions" }).click();
  await expect(page.getByTestId("registre-transmissions")).toContainText("du 01/01/2026 au 31/03/2026");

  const saved = await db.foremTransmission.findMany({ where: { entityId: entity.id } });
  expect(saved).toMatchObject([{ rowCount: 2, createdById: person.id, fileName: "forem-impulsion-2026-01-01-au-2026-03-31.xlsx.enc" }]);
  const audit = await db.auditEvent.findMany({ where: { actorId: person.id } });
  expect(audit.map((e) => e.action)).toEqual(
    expect.arrayContaining(["contract.created", "contract.imported", "forem.file_built", "forem.transmission_recorded"]),
  );
  const stored = JSON.stringify([saved, audit.map((e) => [e.before, e.after])]);
  for (const secret of [PASSWORD, byForm, leadingZero]) expect(stored).not.toContain(secret);
  // Neither the password nor the workbook went back to the server.
  for (const r of requests) expect(`${r.url()} ${r.postData() ?? ""}`).not.toContain(PASSWORD);
  expect(requests.filter((r) => r.method() === "POST" && (r.postDataBuffer()?.length ?? 0) > 2000)).toEqual([]);
});

test("an attestation is numbered, listed in the register and downloads as a PDF", async ({ page }) => {
  const { person } = await staff(["AGENT_SOCIAL"]);
  await signIn(page, person);
  await fillContract(page, {
    niss: uniqueNiss(),
    lastName: "Renard",
    firstName: "Zoé",
    start: "2025-01-06",
    plannedEnd: "2026-01-05",
    actualEnd: "2025-12-19",
  });
  await expect(page).toHaveURL(/\/forem\?enregistre=1/);
  await expectAccessible(page);
  // Edit: the actual end moves; the register shows it and the audit trail has before and after.
  await page.getByRole("link", { name: /Modifier le contrat de Renard Zoé/ }).click();
  await expect(page.getByTestId("travailleur")).toContainText("Renard Zoé");
  await expectAccessible(page);
  await page.getByLabel("Fin effective").fill("2025-12-31");
  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(page.getByTestId("registre-contrats")).toContainText("31/12/2025");
  const edit = await db.auditEvent.findFirstOrThrow({ where: { actorId: person.id, action: "contract.updated" } });
  expect([edit.before, edit.after]).toMatchObject([{ actualEndDate: "2025-12-19" }, { actualEndDate: "2025-12-31" }]);
  await page.goto("/forem/attestations");
  await expectAccessible(page);
  await page.getByLabel("Travailleur").selectOption({ label: "Renard Zoé (1 contrat)" });
  await page.getByLabel("Lieu").fill("Namur");
  await page.getByLabel("Signataire (nom et fonction)").fill("Anne Lambert, directrice générale");
  await page.getByLabel("Motif (facultatif)").fill("Engagement urgent chez un employeur Impulsion");
  await page.getByRole("button", { name: "Établir l'attestation" }).click();
  const year = new Date().getFullYear();
  await expect(page.getByTestId("attestation-creee")).toContainText(`ATT-${year}-0001`);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Télécharger le PDF" }).click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toBe(`attestation-ATT-${year}-0001.pdf`);
  const target = path.join(dir, "attestation.pdf");
  await pdf.saveAs(target);
  expect(readFileSync(target).subarray(0, 5).toString()).toBe("%PDF-");
  await page.reload();
  await expect(page.getByTestId("registre-attestations")).toContainText(`ATT-${year}-0001`);
});

test("FileExchange stores only ciphertext and delivers it to the partner's inbox", async ({ page, browser }) => {
  const sender = await staff(["FILE_EXCHANGE"]);
  const recipient = await staff(["FILE_EXCHANGE"]);
  await signIn(page, sender.person);
  await mainNav(page).getByRole("link", { name: "FileExchange" }).click();
  // Nobody to send to until the centre's DPD allows a partner (here the sender is made the DPD).
  await expect(page.getByTestId("aucun-partenaire")).toBeVisible();
  await db.entity.update({ where: { id: sender.entity.id }, data: { dpdPersonId: sender.person.id } });
  await page.goto("/gestion/securite");
  const settings = page.getByRole("form", { name: "Partenaires FileExchange" });
  await settings.getByLabel(recipient.entity.name, { exact: true }).check();
  await settings.getByLabel(/Délai de conservation/).fill("15");
  await settings.getByRole("button", { name: "Enregistrer" }).click();
  await expect(settings.getByTestId("confirmation")).toContainText("1 partenaire autorisé ; fichiers conservés 15 jours.");
  await mainNav(page).getByRole("link", { name: "FileExchange" }).click();
  await page.getByLabel("Organisation destinataire").selectOption({ label: recipient.entity.name });
  await page
    .getByLabel(/Fichier chiffré/)
    .setInputFiles({ name: "liste.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("PK\u0003\u0004 classeur en clair") });
  await page.getByRole("button", { name: "Envoyer" }).click();
  await expect(page.getByTestId("alerte")).toContainText("Ce fichier n'est pas chiffré");
  const cipher = Buffer.from(await encryptBytes(new TextEncoder().encode("document confidentiel"), PASSWORD));
  await page.getByLabel(/Fichier chiffré/).setInputFiles({ name: "liste.xlsx.enc", mimeType: "application/octet-stream", buffer: cipher });
  await page.getByRole("button", { name: "Envoyer" }).click();
  await expect(page.getByTestId("fichier-envoye")).toContainText("liste.xlsx.enc");
  await expect(page.getByTestId("fichiers-envoyes")).toContainText(recipient.entity.name);
  await expectAccessible(page);

  const other = await browser.newPage();
  await signIn(other, recipient.person);
  await other.goto("/fileexchange");
  await expect(other.getByTestId("fichiers-recus")).toContainText(sender.entity.name);
  const download = other.waitForEvent("download");
  await other.getByRole("button", { name: "Télécharger liste.xlsx.enc" }).click();
  const target = path.join(dir, "recu.enc");
  await (await download).saveAs(target);
  expect(readFileSync(target).equals(cipher)).toBe(true);
  const row = await db.fileTransfer.findFirstOrThrow({ where: { fromEntityId: sender.entity.id } });
  expect(Buffer.from(row.ciphertext!.subarray(0, 8)).toString("latin1")).toBe("Salted__");
  expect(row.downloadedAt).not.toBeNull();
});

test("without the right, or from another centre, the FOREM pages and routes answer 404", async ({ page, browser }) => {
  const owner = await staff(["AGENT_SOCIAL"]);
  const worker = await db.$transaction((tx) =>
    tx.worker.create({ data: { entityId: owner.entity.id, nissEncrypted: "x", nissBlindIndex: `e2e-${Date.now()}`, firstName: "A", lastName: "B" } }),
  );
  const contract = await db.contract.create({
    data: { entityId: owner.entity.id, workerId: worker.id, kind: "ART_60_7", startDate: new Date("2025-01-01"), plannedEndDate: new Date("2025-12-31") },
  });

  const noRight = await staff(["EBOX_INSTITUTION"], { entity: owner.entity, quality: owner.quality, tag: "" });
  await signIn(page, noRight.person);
  await expect(mainNav(page).getByRole("link", { name: "FOREM" })).toHaveCount(0);
  await expect(mainNav(page).getByRole("link", { name: "FileExchange" })).toHaveCount(0);
  for (const url of ["/forem", "/forem/fichier", "/forem/attestations", `/forem/contrats/${contract.id}`, "/fileexchange"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
  }
  const sameOrigin = { headers: { Origin: new URL(page.url()).origin } };
  expect((await page.request.post(`/api/forem/export?${PERIOD}`, sameOrigin)).status()).toBe(404);
  expect((await page.request.post(`/api/fileexchange/${contract.id}`, sameOrigin)).status()).toBe(404);

  const stranger = await staff(["AGENT_SOCIAL"]);
  const other = await browser.newPage();
  await signIn(other, stranger.person);
  expect((await other.goto(`/forem/contrats/${contract.id}`))?.status()).toBe(404);
  expect((await other.request.post(`/api/forem/attestations/${contract.id}`, { headers: { Origin: new URL(other.url()).origin } })).status()).toBe(404);
  // Anonymous: 401 from the proxy, never the file.
  const anonymous = await browser.newPage();
  expect((await anonymous.request.post(`/api/forem/export?${PERIOD}`)).status()).toBe(401);
});
