import { expect, test } from "@playwright/test";

import { uniqueNiss } from "../lib/forem/testing/make-niss";

import { actionId, actionStatus, callAction } from "./fixtures/attack/server-action";
import { createCentre, createPerson, db, ensureGrant } from "./fixtures/data";
import { signIn } from "./fixtures/sign-in";

// Issue 9, findings 7, 8 and 10 (one way in), on the running portal.

async function agent() {
  const c = await createCentre();
  const person = await createPerson({ entityId: c.entity.id, label: "atk-unevoie" });
  await ensureGrant({ personId: person.id, rightCode: "AGENT_SOCIAL", entityId: c.entity.id, qualityId: c.quality.id });
  return { ...c, person };
}

test("finding 7: searching the register by national number never puts the number in the URL", async ({ page }) => {
  const { person } = await agent();
  await signIn(page, person);
  const niss = uniqueNiss();
  await page.goto("/forem/contrats/nouveau");
  await page.getByLabel("Numéro national (NISS)").fill(niss);
  await page.getByLabel("Nom", { exact: true }).fill("Vanderkelen");
  await page.getByLabel("Prénom").fill("Ilse");
  await page.getByLabel("Début").fill("2026-01-05");
  await page.getByLabel("Fin prévue").fill("2026-06-30");
  await page.getByRole("button", { name: "Enregistrer le contrat" }).click();
  await expect(page).toHaveURL(/\/forem\?enregistre=1$/);

  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  const box = page.getByLabel("Rechercher (nom, ou numéro national complet)");
  // Each step changes the count, so each search is seen to have run (by number, then by name).
  for (const [query, count] of [
    ["Personne-Inconnue", "0 contrat."],
    [niss, "1 contrat."],
    ["Personne-Inconnue", "0 contrat."],
    ["Vanderkelen", "1 contrat."],
  ] as const) {
    await box.fill(query);
    await page.getByRole("search").getByRole("button", { name: "Rechercher" }).click();
    await expect(page.getByText(count, { exact: true })).toBeVisible();
    await expect(page.getByRole("search").getByRole("button", { name: "Rechercher" })).toBeEnabled();
  }
  await expect(page.getByRole("cell", { name: /Vanderkelen/ }).first()).toBeVisible();
  expect(page.url()).not.toContain(niss);
  expect(urls.filter((u) => u.includes(niss) || u.includes(niss.slice(0, 6)))).toEqual([]);
});

test("finding 8: a foreign Origin on a server action is a 403, a non-UUID id is 'not found' — never a 500", async ({ page }) => {
  const { person } = await agent();
  await signIn(page, person);
  const markRead = actionId("app/(portal)/messages/actions.ts", "markReadAction");
  for (const origin of ["https://portail-cpas.evil.example", "null"]) {
    const { res } = await callAction(page.request, { path: "/messages", id: markRead, args: [crypto.randomUUID()], origin });
    expect(res.status(), `Origin ${origin}`).toBe(403);
  }
  const { res, text } = await callAction(page.request, { path: "/messages", id: markRead, args: ["zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz"] });
  expect(res.status()).toBe(200);
  expect(actionStatus(text)).toBe("error");
  expect(text).toContain("Élément introuvable");
  for (const path of ["/forem/contrats/zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", "/c607/zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz"]) {
    expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
  }
});

test("finding 10: an audited download is a POST; a GET (a link, a prefetch, an <img>) changes nothing", async ({ page }) => {
  const { person, entity } = await agent();
  await signIn(page, person);
  const before = await db.auditEvent.count({ where: { entityId: entity.id, action: "forem.file_built" } });
  expect((await page.request.get("/api/forem/export?du=2026-01-01&au=2026-12-31")).status()).toBe(405);
  expect(await db.auditEvent.count({ where: { entityId: entity.id, action: "forem.file_built" } })).toBe(before);
  // The same export by POST from another site is refused before anything is built.
  const foreign = await page.request.post("/api/forem/export", {
    headers: { Origin: "https://portail-cpas.evil.example" },
    form: { du: "2026-01-01", au: "2026-12-31" },
  });
  expect(foreign.status()).toBe(403);
  expect(await db.auditEvent.count({ where: { entityId: entity.id, action: "forem.file_built" } })).toBe(before);
});
