import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

import type { RightCode } from "../lib/access/catalogue";
import type { RoleKind } from "../lib/generated/prisma/enums";

import { createCentre, createPerson, db, ensureGrant, ensureRole } from "./fixtures/data";
import { signIn } from "./fixtures/sign-in";

const ALL_SECTIONS = [
  "entite",
  "qualites",
  "co-rae",
  "gestion-action_sociale",
  "subdivision",
  "utilisateur-technique",
  "applications",
  "rapport-unique",
  "securite",
  "onem",
];

type Case = { name: string; role?: RoleKind; right?: RightCode; dpd?: boolean; sees: string[] };

// Each role of seed 003 sees its sections and nothing else.
const CASES: Case[] = [
  { name: "RAE", role: "RAE", sees: ["entite", "qualites", "co-rae"] },
  { name: "co-RAE", role: "CO_RAE", sees: ["entite", "qualites", "co-rae"] },
  { name: "GL Action Sociale (DPD)", role: "GL", dpd: true, sees: ["gestion-action_sociale", "applications", "securite"] },
  { name: "co-GL", role: "CO_GL", sees: ["gestion-action_sociale", "applications"] },
  { name: "gestionnaire de subdivision", role: "SUBDIVISION_MANAGER", sees: ["subdivision"] },
  { name: "utilisateur technique", role: "TECHNICAL_USER", sees: ["utilisateur-technique"] },
  { name: "agent social", right: "AGENT_SOCIAL", sees: ["applications"] },
  { name: "Président", right: "RU_PRESIDENT", sees: ["applications", "rapport-unique"] },
  { name: "Secrétaire", right: "RU_SECRETAIRE", sees: ["applications", "rapport-unique"] },
  { name: "Membre du personnel", right: "RU_MEMBRE_PERSONNEL", sees: ["applications", "rapport-unique"] },
  { name: "Conseiller en sécurité", right: "CONSEILLER_SECURITE", sees: ["applications", "securite"] },
];

for (const c of CASES) {
  test(`${c.name} sees their sections and no other`, async ({ page }) => {
    const { entity, quality } = await createCentre();
    const person = await createPerson({ entityId: entity.id, label: c.name.replace(/\W+/g, "-").toLowerCase() });
    if (c.role) {
      const subdivision = c.role === "SUBDIVISION_MANAGER" ? await db.subdivision.create({ data: { qualityId: quality.id, name: "Service test" } }) : null;
      const scoped = c.role === "RAE" || c.role === "CO_RAE" ? {} : { qualityId: quality.id, subdivisionId: subdivision?.id };
      await ensureRole({ personId: person.id, role: c.role, entityId: entity.id, ...scoped });
    }
    if (c.right) await ensureGrant({ personId: person.id, rightCode: c.right, entityId: entity.id, qualityId: quality.id });
    if (c.dpd) await db.entity.update({ where: { id: entity.id }, data: { dpdPersonId: person.id } });

    await signIn(page, person);
    for (const s of ALL_SECTIONS) {
      await expect(page.getByTestId(`section-${s}`), `section ${s}`).toHaveCount(c.sees.includes(s) ? 1 : 0);
    }
    if (c.role === "RAE") {
      // The RAE reaches no application (seed 003), and sees the entity it manages.
      await expect(page.getByTestId("section-entite")).toContainText(entity.name);
    }
    if (c.right === "CONSEILLER_SECURITE") {
      await expect(page.getByTestId("section-securite")).toContainText("Connexion");
    }
  });
}

test("a person of another centre never sees this centre's data", async ({ page }) => {
  const a = await createCentre();
  const b = await createCentre();
  const raeB = await createPerson({ entityId: b.entity.id, label: "rae-b" });
  await ensureRole({ personId: raeB.id, role: "RAE", entityId: b.entity.id });
  await signIn(page, raeB);
  await expect(page.getByTestId("section-entite")).toContainText(b.entity.name);
  await expect(page.getByText(a.entity.name)).toHaveCount(0);
});

test("the sign-in page and a dashboard pass the axe accessibility checks", async ({ page }) => {
  await page.goto("/login");
  const login = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(login.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  const { entity, quality } = await createCentre();
  const gl = await createPerson({ entityId: entity.id, label: "axe-gl" });
  await ensureRole({ personId: gl.id, role: "GL", entityId: entity.id, qualityId: quality.id });
  await ensureRole({ personId: gl.id, role: "RAE", entityId: entity.id });
  await db.entity.update({ where: { id: entity.id }, data: { dpdPersonId: gl.id } });
  await signIn(page, gl);
  const dashboard = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(dashboard.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test("the dashboard can be used with the keyboard alone", async ({ page }) => {
  const { entity } = await createCentre();
  const person = await createPerson({ entityId: entity.id, label: "clavier" });
  await signIn(page, person);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Aller au contenu" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Tableau de bord" })).toBeFocused();
  // The remaining navigation links, then the user menu, are reachable by Tab; Enter opens the
  // menu, Escape closes it and keeps the focus on its button, and its sign-out is reached by Tab.
  const menu = page.getByRole("button", { name: /^Menu de / });
  for (let i = 0; i < 8 && !(await menu.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(menu).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  await page.keyboard.press("Enter");
  const signOut = page.getByRole("button", { name: "Se déconnecter" });
  for (let i = 0; i < 6 && !(await signOut.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(signOut).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/login\?raison=deconnexion/);
});
