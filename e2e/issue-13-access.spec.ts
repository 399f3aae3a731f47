import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

import { createCentre, createPerson, db, ensureGrant, ensureRole } from "./fixtures/data";
import { signIn } from "./fixtures/sign-in";

// Issue 13: the GL of Action Sociale works in Dutch (her account's language, set here in the
// database as « Mon compte » would). The quality page speaks the social-security portal's Dutch
// terms (hoedanigheid, Toegangsbeheerder (lokale beheerder), technische gebruiker), she grants a
// right in Dutch and is told so in Dutch; an invitation takes her language by default; axe finds
// nothing on the Dutch page; the same page stays French for a French-speaking co-GL. Every expected
// text is written by hand from docs/glossary.md and the catalogue.

async function axeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("a Dutch-speaking GL grants a right and invites in Dutch; the page passes axe; a French co-GL reads it in French", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { entity, quality } = await createCentre();
  // Action Sociale's GL is the centre's DPD (BCSS / SPP IS rule).
  const gl = await createPerson({ entityId: entity.id, label: "toegangsbeheerder" });
  await db.entity.update({ where: { id: entity.id }, data: { dpdPersonId: gl.id } });
  await ensureRole({ personId: gl.id, role: "GL", entityId: entity.id, qualityId: quality.id });
  await db.person.update({ where: { id: gl.id }, data: { language: "nl" } });
  const coGl = await createPerson({ entityId: entity.id, label: "cogl" });
  await ensureRole({ personId: coGl.id, role: "CO_GL", entityId: entity.id, qualityId: quality.id });
  const user = await createPerson({ entityId: entity.id, label: "gebruiker" });
  await ensureGrant({ personId: user.id, rightCode: "EBOX_INSTITUTION", entityId: entity.id, qualityId: quality.id });

  await signIn(page, gl);
  await page.goto("/gestion");
  await expect(page.locator("html")).toHaveAttribute("lang", "nl-BE");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Toegangsbeheer");
  await expect(page.getByRole("heading", { name: "Hoedanigheden die u beheert" })).toBeVisible();
  await page.getByRole("link", { name: "Maatschappelijk Welzijn" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toContainText("Maatschappelijk Welzijn");
  await expect(page.getByRole("heading", { name: "Beheerders en technische gebruiker" })).toBeVisible();
  await expect(page.getByTestId("roles-qualite")).toContainText("Toegangsbeheerder (lokale beheerder): toegangsbeheerder Test");
  await expect(page.getByTestId("roles-qualite")).toContainText("co-Toegangsbeheerder (co-lokale beheerder): cogl Test");
  await expect(page.getByText("Alleen de rechten van de toepassingen van de hoedanigheid « Maatschappelijk Welzijn » worden voorgesteld.")).toBeVisible();
  await expect(page.getByTestId(`utilisateur-${user.email}`)).toContainText("e-Box van de instelling");

  // The grant, through the link of the user's row, then the form.
  await page.getByRole("link", { name: "Een recht toekennen aan gebruiker Test" }).click();
  const grant = page.getByRole("form", { name: "Toekennen: een recht" });
  await expect(grant.getByRole("combobox", { name: "Persoon" })).toHaveValue(user.id);
  await grant.getByRole("combobox", { name: "Recht", exact: true }).selectOption({ label: "Maatschappelijk werker" });
  await grant.getByRole("button", { name: /^Toekennen/ }).click();
  await expect(page.getByTestId("message-gestion")).toHaveText("Recht toegekend.");
  await expect(page.getByTestId(`utilisateur-${user.email}`)).toContainText("Maatschappelijk werker");
  expect(await db.rightGrant.count({ where: { personId: user.id, rightCode: "AGENT_SOCIAL", revokedAt: null } })).toBe(1);

  // An error in Dutch too: the same right a second time.
  await page.getByRole("link", { name: "Een recht toekennen aan gebruiker Test" }).click();
  await grant.getByRole("combobox", { name: "Recht", exact: true }).selectOption({ label: "Maatschappelijk werker" });
  await grant.getByRole("button", { name: /^Toekennen/ }).click();
  await expect(grant).toContainText("Deze persoon heeft dit recht al.");

  // The invitation's « Taal »: her own language by default, set on the invitee's account.
  const invite = page.getByRole("form", { name: "De uitnodiging aanmaken voor een gebruiker" });
  await expect(invite.getByRole("combobox", { name: "Taal" })).toHaveValue("nl");
  const inviteeEmail = `uitgenodigd-${Date.now()}@test.cpas.be`;
  await invite.getByLabel("Voornaam").fill("Joke");
  await invite.getByLabel("Naam", { exact: true }).fill("Peeters");
  await invite.getByLabel("E-mailadres").fill(inviteeEmail);
  await invite.getByRole("button", { name: /^De uitnodiging aanmaken/ }).click();
  await expect(page.getByTestId("message-gestion")).toHaveText(
    "Uitnodiging per e-mail naar de persoon verzonden: de activeringslink is 7 dagen geldig, één keer.",
  );
  const invitee = await db.person.findFirstOrThrow({ where: { entityId: entity.id, email: inviteeEmail } });
  expect(invitee.language).toBe("nl");
  const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "access.user_invited", targetId: invitee.id } });
  expect(audit.after).toMatchObject({ language: "nl" });

  await page.reload();
  await expect(page.getByRole("heading", { name: "Een toegangsrecht toekennen" })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // The same page for a French-speaking co-GL of the same quality: French, the same data.
  const other = await browser.newContext();
  const french = await other.newPage();
  await signIn(french, coGl);
  await french.goto(`/gestion/qualites/${quality.id}`);
  await expect(french.locator("html")).toHaveAttribute("lang", "fr-BE");
  await expect(french.getByRole("heading", { level: 1 })).toContainText("Action Sociale");
  await expect(french.getByRole("heading", { name: "Gestionnaires et utilisateur technique" })).toBeVisible();
  await expect(french.getByTestId("roles-qualite")).toContainText("Gestionnaire local (GL) : toegangsbeheerder Test");
  await expect(french.getByRole("heading", { name: "Attribuer un droit d'accès" })).toBeVisible();
  await expect(french.getByTestId(`utilisateur-${user.email}`)).toContainText("Agent Social");
  await expect(french.getByRole("form", { name: "Inviter un utilisateur" }).getByRole("combobox", { name: "Langue" })).toHaveValue("fr");
  expect(await axeViolations(french)).toEqual([]);
  await other.close();
});
