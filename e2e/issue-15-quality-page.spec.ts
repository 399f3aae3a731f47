import { expect, test, type Page } from "@playwright/test";

import { createCentre, createPerson, db, ensureGrant, ensureRole } from "./fixtures/data";
import { signIn } from "./fixtures/sign-in";

// Issue 15, goal 2: the quality page's rows carry no form of their own any more. Each kind of row
// button (block, unblock, revoke a right) submits one form shared by the table
// (components/access/management-form.tsx TableActionForm). What a GL must still get, written from
// issue 11's rules: the button asks first, a declined question sends nothing, a success is said in
// the page's message area, a refusal is said there too and names what was pressed (its row may be
// far from the form), a message is not left in the other language after a switch, and without
// JavaScript the button still works.

/** Accepts the next confirmation and returns its text. */
function nextDialog(page: Page): Promise<string> {
  return new Promise((resolve) => page.once("dialog", (d) => (resolve(d.message()), void d.accept())));
}

async function centreWithUsers() {
  const { entity, quality } = await createCentre();
  const gl = await createPerson({ entityId: entity.id, label: "gl" });
  await db.entity.update({ where: { id: entity.id }, data: { dpdPersonId: gl.id } });
  await ensureRole({ personId: gl.id, role: "GL", entityId: entity.id, qualityId: quality.id });
  const alice = await createPerson({ entityId: entity.id, label: "alice" });
  const bruno = await createPerson({ entityId: entity.id, label: "bruno" });
  for (const p of [alice, bruno]) await ensureGrant({ personId: p.id, rightCode: "AGENT_SOCIAL", entityId: entity.id, qualityId: quality.id });
  return { quality, gl, alice, bruno };
}

test("the GL blocks, is refused on a right revoked meanwhile, and unblocks: asked first, told in the message area", async ({ page }) => {
  const { quality, gl, alice, bruno } = await centreWithUsers();
  await signIn(page, gl);
  await page.goto(`/gestion/qualites/${quality.id}`);
  const aliceRow = page.getByTestId(`utilisateur-${alice.email}`);
  const brunoRow = page.getByTestId(`utilisateur-${bruno.email}`);
  await expect(aliceRow).toBeVisible();
  // No form inside the table's rows: their buttons point at the table's shared forms.
  await expect(page.locator('tr[data-testid^="utilisateur-"] form')).toHaveCount(0);

  // Declined: nothing is sent.
  page.once("dialog", (d) => void d.dismiss());
  await aliceRow.getByRole("button", { name: "Bloquer alice Test" }).click();
  await expect(aliceRow.getByRole("button", { name: "Bloquer alice Test" })).toBeEnabled();
  expect((await db.person.findUniqueOrThrow({ where: { id: alice.id } })).status).toBe("ACTIVE");

  const asked = nextDialog(page);
  await aliceRow.getByRole("button", { name: "Bloquer alice Test" }).click();
  expect(await asked).toMatch(/^Bloquer alice Test \?/);
  await expect(page.getByTestId("message-gestion")).toHaveText("Statut modifié.");
  await expect(aliceRow.getByRole("button", { name: "Débloquer alice Test" })).toBeVisible();
  expect((await db.person.findUniqueOrThrow({ where: { id: alice.id } })).status).toBe("BLOCKED");

  // Bruno's right is revoked by someone else after the page was shown: the GL's click is refused,
  // said in the message area with the button pressed, and the success above is gone.
  await db.rightGrant.updateMany({ where: { personId: bruno.id, rightCode: "AGENT_SOCIAL" }, data: { revokedAt: new Date() } });
  const events = await db.auditEvent.count();
  void nextDialog(page);
  await brunoRow.getByRole("button", { name: "Retirer Agent Social à bruno Test" }).click();
  await expect(page.getByTestId("erreur-gestion")).toHaveText("Retirer Agent Social à bruno Test : Élément introuvable.");
  await expect(page.getByTestId("message-gestion")).toHaveCount(0);
  await expect(brunoRow.getByRole("button", { name: "Retirer Agent Social à bruno Test" })).toBeEnabled();
  expect(await db.auditEvent.count()).toBe(events);

  // The next success replaces the refusal.
  const unblock = nextDialog(page);
  await aliceRow.getByRole("button", { name: "Débloquer alice Test" }).click();
  expect(await unblock).toMatch(/^Débloquer alice Test \?/);
  await expect(page.getByTestId("message-gestion")).toHaveText("Statut modifié.");
  await expect(page.getByTestId("erreur-gestion")).toHaveCount(0);
  expect((await db.person.findUniqueOrThrow({ where: { id: alice.id } })).status).toBe("ACTIVE");

  // Switching language keeps the page's state, not a message in the other language.
  await page.getByRole("form", { name: "Choisir la langue" }).getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { name: /^Gebruikers en rechten/ })).toBeVisible();
  await expect(page.getByTestId("message-gestion")).toHaveCount(0);
});

test("without JavaScript, a row's button still blocks the person it names, and only them", async ({ browser, page }) => {
  const { quality, gl, alice, bruno } = await centreWithUsers();
  await signIn(page, gl);
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const p = await noScript.newPage();
  await p.goto(`/gestion/qualites/${quality.id}`);
  await p.getByTestId(`utilisateur-${bruno.email}`).getByRole("button", { name: "Bloquer bruno Test" }).click();
  await expect(p.getByTestId("confirmation")).toHaveText("Statut modifié.");
  expect((await db.person.findUniqueOrThrow({ where: { id: bruno.id } })).status).toBe("BLOCKED");
  expect((await db.person.findUniqueOrThrow({ where: { id: alice.id } })).status).toBe("ACTIVE");
  await noScript.close();
});

test("the co-GL is offered no button on its GL (the DPD) — the row and the GL's page say why — but is on an ordinary user", async ({ page }) => {
  // Seed 003 (DOMAIN.md « Who may act on whom »): the GL names and removes co-GLs; nothing lets a
  // co-GL act on its GL. The server refuses it (setBlockedAction, resetSecondFactorAction): a
  // button there would always be refused.
  const { quality, gl, alice } = await centreWithUsers();
  const coGl = await createPerson({ entityId: quality.entityId, label: "cogl" });
  await ensureRole({ personId: coGl.id, role: "CO_GL", entityId: quality.entityId, qualityId: quality.id });
  await signIn(page, coGl);
  await page.goto(`/gestion/qualites/${quality.id}`);
  const glRow = page.getByTestId(`utilisateur-${gl.email}`);
  const aliceRow = page.getByTestId(`utilisateur-${alice.email}`);
  await expect(aliceRow.getByRole("button", { name: "Bloquer alice Test" })).toBeVisible();
  await expect(aliceRow.getByRole("button", { name: "Retirer Agent Social à alice Test" })).toBeVisible();
  await expect(aliceRow.getByTestId("gere-au-dessus")).toHaveCount(0);
  await expect(glRow).toBeVisible();
  await expect(glRow.getByRole("button")).toHaveCount(0);
  await expect(glRow.getByTestId("gere-au-dessus")).toHaveText("Géré par un responsable de niveau supérieur");
  // Nor is the GL offered in the grant form (the server would refuse that too).
  await expect(page.getByRole("combobox", { name: "Personne", exact: true }).locator("option", { hasText: gl.email })).toHaveCount(0);

  // The GL's page (where a lost phone is reset): neither block nor reset, the same reason.
  await glRow.getByRole("link", { name: "gl Test" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "gl Test" })).toBeVisible();
  await expect(page.getByTestId("gere-au-dessus")).toHaveText("Géré par un responsable de niveau supérieur");
  await expect(page.getByRole("button", { name: /Bloquer|Réinitialiser la double authentification/ })).toHaveCount(0);

  // In Dutch, the same.
  await page.getByRole("form", { name: "Choisir la langue" }).getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByTestId("gere-au-dessus")).toHaveText("Beheerd door een verantwoordelijke van een hoger niveau");
});

test("the co-GL is offered neither « Retirer » on its own role nor « Retirer » on its GL's right in the review — but is on the technical user and an ordinary user's right", async ({
  page,
}) => {
  // DOMAIN.md « Who may act on whom » and docs/access-management.md: the GL and co-GL remove co-GLs
  // and the technical user; nobody acts on themselves; a co-GL does not act on its GL (the DPD);
  // every right under review is an item for its managers, not for its holder. The server refuses
  // the rest (removeQualityRoleAction, decideReviewAction).
  const { quality, gl } = await centreWithUsers();
  const coGl = await createPerson({ entityId: quality.entityId, label: "cogl" });
  await ensureRole({ personId: coGl.id, role: "CO_GL", entityId: quality.entityId, qualityId: quality.id });
  const tech = await createPerson({ entityId: quality.entityId, label: "tech" });
  await ensureRole({ personId: tech.id, role: "TECHNICAL_USER", entityId: quality.entityId, qualityId: quality.id });
  for (const p of [gl, coGl]) await ensureGrant({ personId: p.id, rightCode: "AGENT_SOCIAL", entityId: quality.entityId, qualityId: quality.id });
  const grants = await db.rightGrant.findMany({ where: { qualityId: quality.id, revokedAt: null }, select: { id: true } });
  await db.accessReview.create({
    data: {
      entityId: quality.entityId,
      qualityId: quality.id,
      startedById: gl.id,
      deadline: new Date(Date.now() + 7 * 86_400_000),
      items: { create: grants.map((g) => ({ grantId: g.id })) },
    },
  });
  await signIn(page, coGl);
  await page.goto(`/gestion/qualites/${quality.id}`);

  const roles = page.getByTestId("roles-qualite");
  await expect(roles.locator("li", { hasText: coGl.email })).toBeVisible();
  await expect(roles.locator("li", { hasText: coGl.email }).getByRole("button")).toHaveCount(0);
  await expect(roles.getByRole("button", { name: "Retirer le rôle Utilisateur technique de tech Test" })).toBeVisible();

  const review = page.getByRole("region", { name: "Revue des accès" });
  const item = (name: string) => review.locator("li", { hasText: new RegExp(`^${name} —`) });
  await expect(item("alice Test").getByRole("button")).toHaveText([/^Conserver/, /^Retirer/]);
  await expect(item("gl Test").getByRole("button")).toHaveText([/^Conserver/]);
  await expect(item("gl Test").getByTestId("gere-au-dessus")).toHaveText("Géré par un responsable de niveau supérieur");
  await expect(item("cogl Test")).toBeVisible();
  await expect(item("cogl Test").getByRole("button")).toHaveCount(0);

  await page.getByRole("form", { name: "Choisir la langue" }).getByRole("button", { name: "Nederlands" }).click();
  const nlReview = page.getByRole("region", { name: "Toegangsherziening" });
  await expect(nlReview.locator("li", { hasText: /^gl Test —/ }).getByRole("button")).toHaveText([/^Behouden/]);
  await expect(nlReview.locator("li", { hasText: /^gl Test —/ }).getByTestId("gere-au-dessus")).toHaveText(
    "Beheerd door een verantwoordelijke van een hoger niveau",
  );
  await expect(page.getByTestId("roles-qualite").locator("li", { hasText: coGl.email }).getByRole("button")).toHaveCount(0);
});

test("the RAE is not offered « Désigner le GL » for Action Sociale while its GL is the DPD, and is told why", async ({ page }) => {
  // DOMAIN.md: the GL of Action Sociale must be the DPD. While it is, designateGlAction refuses
  // whoever is named (the DPD is already GL, anyone else is not the DPD): the RAE changes the DPD first.
  const { quality } = await centreWithUsers();
  const rae = await createPerson({ entityId: quality.entityId, label: "rae" });
  await ensureRole({ personId: rae.id, role: "RAE", entityId: quality.entityId });
  await signIn(page, rae);
  await page.goto("/gestion");
  const as = page.getByTestId("qualite-ACTION_SOCIALE");
  await expect(as.getByTestId("gl-par-le-dpd")).toHaveText(
    "Le GL de la qualité Action Sociale est le DPD du centre : pour le remplacer, désignez d'abord un autre DPD.",
  );
  await expect(as.getByRole("button", { name: /Désigner le GL/ })).toHaveCount(0);
  await expect(as.getByRole("button", { name: "Désactiver Action Sociale" })).toBeVisible();
});
