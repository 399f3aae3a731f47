import { expect, test } from "@playwright/test";

import { uniqueNiss } from "../lib/forem/testing/make-niss";

import { createCentre, createPerson, ensureGrant } from "./fixtures/data";
import { signIn } from "./fixtures/sign-in";

// Issue 11: the security log's « Détails » showed raw enums (`ART_60_7`, `FULL_TIME`), ids and
// « Worker 7998… ». What the advisor reads now, for a contract an agent registers.
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

test("the security advisor reads a contract's creation in words: kind, regime, dates, the worker's name, no id", async ({ page, browser }) => {
  const { entity, quality } = await createCentre();
  const advisor = await createPerson({ entityId: entity.id, label: "conseiller" });
  await ensureGrant({ personId: advisor.id, rightCode: "CONSEILLER_SECURITE", entityId: entity.id, qualityId: quality.id });
  const agent = await createPerson({ entityId: entity.id, label: "agent" });
  await ensureGrant({ personId: agent.id, rightCode: "AGENT_SOCIAL", entityId: entity.id, qualityId: quality.id });

  const context = await browser.newContext();
  const agentPage = await context.newPage();
  await signIn(agentPage, agent);
  await agentPage.goto("/forem/contrats/nouveau");
  await agentPage.getByLabel("Numéro national (NISS)").fill(uniqueNiss());
  await agentPage.getByLabel("Nom", { exact: true }).fill("Martin");
  await agentPage.getByLabel("Prénom").fill("Emma");
  await agentPage.getByLabel("Début").fill("2026-01-05");
  await agentPage.getByLabel("Fin prévue").fill("2026-12-31");
  await agentPage.getByRole("button", { name: "Enregistrer le contrat" }).click();
  await expect(agentPage).toHaveURL(/\/forem\?enregistre=1/);
  await context.close();

  await signIn(page, advisor);
  await page.goto("/securite");
  await page.getByLabel("Personne (nom ou e-mail)").fill(agent.email);
  await page.getByRole("button", { name: "Rechercher" }).click();
  const contract = page.getByTestId("evenement").filter({ hasText: "Contrat créé" });
  await expect(contract).toHaveCount(1);
  await expect(contract).toContainText("travailleur : Emma Martin");
  await expect(contract).toContainText("type : article 60, § 7");
  await expect(contract).toContainText("début : 05/01/2026");
  await expect(contract).toContainText("régime : temps plein");
  await expect(page.getByTestId("evenement").filter({ hasText: "Travailleur créé" })).toContainText("travailleur « Emma Martin »");
  const table = (await page.getByTestId("journal-securite").textContent()) ?? "";
  expect(table).not.toMatch(/ART_60_7|FULL_TIME|Worker |contract\.created/);
  expect(table).not.toMatch(UUID);
});
