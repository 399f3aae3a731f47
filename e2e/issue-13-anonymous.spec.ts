import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

import { createCentre, createInvitation, db } from "./fixtures/data";
import { enrolSecondFactorInDutch } from "./fixtures/sign-in";

// Issue 13, the anonymous pages in Dutch: the browser's Accept-Language opens them in Dutch, the
// visible switch changes the language at the same address, an invitation accepted and an account
// enrolled in Dutch keep Dutch as the account's language (its dashboard is Dutch), and axe finds
// nothing to fix on the Dutch pages.
test.use({ locale: "nl-BE" });

async function expectNoAxeViolation(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("the sign-in page opens in Dutch for a Dutch browser; the switch turns it to French and back at the same address", async ({ page }) => {
  await page.goto("/login?raison=expiree");
  await expect(page.locator("html")).toHaveAttribute("lang", "nl-BE");
  await expect(page.getByRole("heading", { name: "Aanmelden" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Uw sessie is beëindigd. Meld u opnieuw aan.");
  await expect(page.getByLabel("E-mailadres")).toBeVisible();
  await expect(page.getByRole("link", { name: "Wachtwoord vergeten?" })).toBeVisible();
  await expectNoAxeViolation(page);

  const languages = page.getByRole("form", { name: "Taal kiezen" });
  await languages.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { name: "Connexion" })).toBeVisible();
  await expect(page).toHaveURL(/\/login\?raison=expiree$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr-BE");
  await expect(page.getByRole("status")).toHaveText("Votre session a pris fin. Reconnectez-vous.");
  // The choice outlives the page (cookie), over the browser's Accept-Language.
  await page.goto("/mot-de-passe-oublie");
  await expect(page.getByRole("heading", { name: "Mot de passe oublié" })).toBeVisible();

  await page.goto("/login");
  await page.getByRole("form", { name: "Choisir la langue" }).getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { name: "Aanmelden" })).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
  // A wrong password is told in Dutch, by the server.
  await page.getByLabel("E-mailadres").fill("niemand@test.cpas.be");
  await page.getByLabel("Wachtwoord", { exact: true }).fill("Niet-het-juiste-42!");
  await page.getByRole("button", { name: "Doorgaan" }).click();
  await expect(page.getByTestId("alerte")).toContainText("Gebruikersnaam of wachtwoord onjuist");
});

test("an invitation accepted and an account enrolled in Dutch keep Dutch: the dashboard, « Mijn account », and back to French there", async ({ page }) => {
  const { entity, quality, tag } = await createCentre();
  const inviter = await db.person.findFirstOrThrow({ where: { status: "ACTIVE" }, select: { id: true } });
  const email = `nederlandstalig-${tag}@test.cpas.be`;
  const { person, token } = await createInvitation({
    entityId: entity.id,
    qualityId: quality.id,
    invitedById: inviter.id,
    email,
    firstName: "Lotte",
    lastName: "Peeters",
  });

  await page.goto(`/invitation/${token}`);
  await expect(page.getByRole("heading", { name: "Uw account activeren" })).toBeVisible();
  await expect(page.getByText(`Goedendag Lotte Peeters, kies uw wachtwoord voor ${email}.`)).toBeVisible();
  await expect(page.getByRole("list", { name: "Regels voor het wachtwoord" })).toContainText("Minstens 12 tekens");
  await page.getByLabel("Nieuw wachtwoord").fill("kort");
  await page.getByLabel("Bevestig het wachtwoord").fill("kort");
  await page.getByRole("button", { name: "Mijn account activeren" }).click();
  await expect(page.getByTestId("alerte")).toContainText("Ontbreekt: minstens 12 tekens.");
  await page.getByLabel("Nieuw wachtwoord").fill("Lotte-Peeters-2026!");
  await page.getByLabel("Bevestig het wachtwoord").fill("Lotte-Peeters-2026!");
  await page.getByRole("button", { name: "Mijn account activeren" }).click();
  await expect(page.getByTestId("confirmation")).toContainText("Uw account is geactiveerd.");

  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill("Lotte-Peeters-2026!");
  await page.getByRole("button", { name: "Doorgaan" }).click();
  await enrolSecondFactorInDutch(page);
  await expect(page).toHaveURL(/\/tableau-de-bord/);

  expect((await db.person.findUniqueOrThrow({ where: { id: person.id } })).language).toBe("nl");
  await expect(page.locator("html")).toHaveAttribute("lang", "nl-BE");
  await expect(page.getByRole("heading", { name: "Goedendag Lotte" })).toBeVisible();
  await expect(page.getByTestId("section-vide")).toContainText("Er is u geen enkele toepassing toegekend.");
  await expectNoAxeViolation(page);

  // « Mijn account »: the language section, and the switch there changes the account's setting (audited).
  await page.goto("/compte");
  const section = page.getByRole("region", { name: "Taal" });
  await expect(section).toContainText("Taal van het portaal, van uw e-mails en van uw documenten: Nederlands.");
  await expectNoAxeViolation(page);
  await section.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { name: "Mon compte", level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Langue" })).toContainText("Langue du portail, de vos courriels et de vos documents : Français.");
  expect((await db.person.findUniqueOrThrow({ where: { id: person.id } })).language).toBe("fr");
  expect(await db.auditEvent.count({ where: { actorId: person.id, action: "account.language_changed" } })).toBe(1);
});
