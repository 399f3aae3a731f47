import { expect, test } from "@playwright/test";

import { uniqueNiss } from "../lib/forem/testing/make-niss";

import { createCentre, createPerson, ensureGrant } from "./fixtures/data";
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
