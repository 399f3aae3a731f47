import { readFile } from "node:fs/promises";

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

import { createCentre, createPerson, db, ensureGrant, ensureRole } from "./fixtures/data";
import { signIn } from "./fixtures/sign-in";

async function failPassword(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill("Mauvais-Mot-2026!");
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.getByTestId("alerte")).toContainText("Identifiant ou mot de passe incorrect");
}

test("the security advisor finds a colleague's failed sign-in, filters it and downloads the CSV", async ({ page, browser }) => {
  const { entity, quality } = await createCentre();
  const advisor = await createPerson({ entityId: entity.id, label: "conseiller" });
  await ensureGrant({ personId: advisor.id, rightCode: "CONSEILLER_SECURITE", entityId: entity.id, qualityId: quality.id });
  const colleague = await createPerson({ entityId: entity.id, label: "collegue" });
  const other = await browser.newContext();
  await failPassword(await other.newPage(), colleague.email);
  await other.close();

  await signIn(page, advisor);
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Journal de sécurité" }).click();
  await expect(page.getByRole("heading", { name: "Journal de sécurité" })).toBeVisible();
  await expect(page.getByTestId("etat-chaine")).toContainText(/intacte \([\d\s  ]+ événements\)/);

  await page.getByLabel("Personne (nom ou e-mail)").fill(colleague.email);
  await page.getByLabel("Type d'événement").selectOption({ label: "Échecs de connexion" });
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page).toHaveURL(/type=echecs/);
  const rows = page.getByTestId("evenement");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Échec de connexion");
  await expect(rows.first()).toContainText("collegue Test");
  await expect(rows.first()).toContainText("mot de passe incorrect");
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // A filter that excludes it: successful sign-ins only.
  await page.getByLabel("Type d'événement").selectOption({ label: "Connexions" });
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page.getByText("Aucun événement ne correspond à ces critères.")).toBeVisible();
  await page.getByLabel("Type d'événement").selectOption({ label: "Échecs de connexion" });
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(rows).toHaveCount(1);

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Exporter en CSV (Excel)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^journal-securite-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.startsWith("\uFEFFN°;Date et heure (Bruxelles);Événement;Code;")).toBe(true);
  const lines = csv.split("\r\n").filter(Boolean);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(";Échec de connexion;auth.sign_in_failed;collegue Test;");
  expect(lines[1]).toContain("motif : mot de passe incorrect");

  const exported = await db.auditEvent.findFirstOrThrow({ where: { actorId: advisor.id, action: "security_log.exported" } });
  expect(exported).toMatchObject({ entityId: entity.id, after: { filtres: { q: colleague.email, type: "echecs" } } });
});

test("without the security advisor's right or the DPD role, the log and its export do not exist", async ({ browser }) => {
  const { entity, quality } = await createCentre();
  const agent = await createPerson({ entityId: entity.id, label: "agent" });
  await ensureGrant({ personId: agent.id, rightCode: "AGENT_SOCIAL", entityId: entity.id, qualityId: quality.id });
  // The GL reaches every application of their quality, but not the security log (holders only).
  const gl = await createPerson({ entityId: entity.id, label: "gl" });
  await ensureRole({ personId: gl.id, role: "GL", entityId: entity.id, qualityId: quality.id });
  for (const person of [agent, gl]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, person);
    await expect(page.getByRole("link", { name: "Journal de sécurité" })).toHaveCount(0);
    const response = await page.goto("/securite?type=echecs");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
    const exportResponse = await page.request.post("/api/security-log/export", { headers: { Origin: new URL(page.url()).origin }, form: { type: "echecs" } });
    expect(exportResponse.status()).toBe(404);
    await context.close();
  }
  expect(await db.auditEvent.count({ where: { actorId: { in: [agent.id, gl.id] }, action: "security_log.exported" } })).toBe(0);
});
