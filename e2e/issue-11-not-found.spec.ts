import { randomUUID } from "node:crypto";

import { expect, test } from "@playwright/test";

import { createCentre, createPerson } from "./fixtures/data";
import { signIn } from "./fixtures/sign-in";

// Issue 11: « Unknown addresses outside the portal get a 404 page with the portal's look, working
// scripts under the CSP, and a way back; no nested <main id="contenu">; a favicon. »

test("an unknown address: a 404 in the portal's look, scripts allowed by the CSP, one main, a way back", async ({ page }) => {
  const { entity } = await createCentre();
  await signIn(page, await createPerson({ entityId: entity.id, label: "introuvable" }));
  const errors: string[] = [];
  page.on("console", (m) => {
    // The 404 answer itself is logged by the browser; anything else (a script refused by the CSP…) is an error.
    if (m.type() === "error" && !m.text().includes("status of 404")) errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));

  for (const address of ["/cette-page-n-existe-pas", `/gestion/personnes/${randomUUID()}`]) {
    const res = await page.goto(address);
    expect(res?.status(), address).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
    await expect(page.getByText("Portail CPAS").first()).toBeVisible();
    await expect(page.locator("main")).toHaveCount(1);
    await expect(page.locator("#contenu")).toHaveCount(1);
  }
  // Scripts run (client navigation, not a full reload blocked by the CSP).
  await page.goto("/cette-page-n-existe-pas");
  await page.getByRole("link", { name: "Retour au tableau de bord" }).click();
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
  expect(errors).toEqual([]);
});

test("the portal has a favicon, served to anyone (the sign-in page shows it too)", async ({ request }) => {
  const res = await request.get("/favicon.ico", { maxRedirects: 0 });
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^image\//);
});
