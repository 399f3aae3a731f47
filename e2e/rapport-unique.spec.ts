import { readFile } from "node:fs/promises";

import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page, test } from "@playwright/test";

import { formatBce } from "../lib/validation/bce";
import { readPdfText } from "../tests/fixtures/read-pdf";

import { createCentre, createPerson, db, ensureGrant, ensureRole, freshCode, type TestPerson } from "./fixtures/data";
import { signIn } from "./fixtures/sign-in";

// Issue 10, done when: the member encodes a form with an error, fixes it, marks it ready; the
// secretary signs; the president signs; the SPP IS returns it; the member corrects it; both sign
// again; the SPP IS accepts it; the PDF is downloaded and read back (names, amounts, hash). Each
// person works in their own browser context, as four people at four desks would. Amounts by hand:
// granted 10 000,00 €; first 7 000,00 + 2 500,50 = 9 500,50 €; corrected 7 000,00 + 2 900,00 = 9 900,00 €.

test.describe.configure({ mode: "serial" });

const FORM = "Aide alimentaire";
const SECTION = "Enregistrer « Aides alimentaires accordées »";

async function openAs(browser: Browser, person: TestPerson): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, person);
  return page;
}

async function axe(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function openForm(page: Page) {
  await page.goto("/rapport-unique");
  await page.getByRole("link", { name: `Ouvrir « ${FORM} »` }).click();
  await expect(page.getByRole("heading", { level: 1, name: FORM })).toBeVisible();
}

async function setExpense(page: Page, line: number, category: string, description: string, amount: string) {
  await page.getByLabel(`Ligne ${line} — catégorie`).selectOption({ label: category });
  await page.getByLabel(`Ligne ${line} — description`).fill(description);
  await page.getByLabel(`Ligne ${line} — montant en euros`).fill(amount);
}

async function sign(page: Page, person: TestPerson, name: string) {
  await openForm(page);
  await page.getByLabel("Code de votre application d'authentification").fill(await freshCode(person.totpSecret!));
  await page.getByRole("button", { name: "Signer", exact: true }).click();
  await expect(page.getByTestId("signatures-ru")).toContainText(`signé par ${name} Test`);
}

test("Rapport unique: encode, sign twice, returned by the SPP IS, corrected, signed again, accepted, PDF read back", async ({ browser }) => {
  test.setTimeout(300_000);
  const { entity, quality } = await createCentre();
  const person = async (label: string, right: "RU_MEMBRE_PERSONNEL" | "RU_SECRETAIRE" | "RU_PRESIDENT", firstName = label) => {
    const p = await createPerson({ entityId: entity.id, label });
    await ensureGrant({ personId: p.id, rightCode: right, entityId: entity.id, qualityId: quality.id });
    await db.person.update({ where: { id: p.id }, data: { firstName, lastName: "Test" } });
    return p;
  };
  const member = await person("Julie", "RU_MEMBRE_PERSONNEL");
  const secretary = await person("Ivan", "RU_SECRETAIRE");
  const president = await person("helene", "RU_PRESIDENT", "Hélène");
  const sppisOrg = await db.entity.findFirstOrThrow({ where: { kind: "SPP_IS" } });
  const sppisPerson = await createPerson({ entityId: sppisOrg.id, label: "sppis" });
  await ensureRole({ personId: sppisPerson.id, role: "SPPIS_COLLABORATOR", entityId: sppisOrg.id });

  // The member opens the campaign: the centre's forms exist; nothing is granted yet.
  const m = await openAs(browser, member);
  await m.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Rapport unique" }).click();
  await expect(m.getByRole("heading", { level: 1 })).toContainText("Rapport unique — subventions 2025");
  await expect(m.getByTestId("formulaires-ru")).toContainText(FORM);
  await axe(m);

  // The SPP IS records the amount granted for this centre.
  const s = await openAs(browser, sppisPerson);
  await s.goto("/rapport-unique");
  // The centre by its enterprise number: a number no centre has is refused, and nothing is kept.
  await s.getByLabel("CPAS (numéro d'entreprise)").fill("1999.999.999");
  await s.getByLabel("Subvention et enveloppe").selectOption({ value: "AIDE_ALIMENTAIRE.AIDE_ALIMENTAIRE" });
  await s.getByLabel("Montant octroyé (euros)").fill("10 000,00");
  await s.getByRole("button", { name: "Enregistrer le montant octroyé" }).click();
  await expect(s.getByRole("form", { name: "Montant octroyé" })).toContainText("Aucun CPAS n'a ce numéro d'entreprise.");
  expect(await db.ruGrant.count({ where: { entityId: entity.id } })).toBe(0);
  // Typed as it is printed (dots), then recorded for the centre it names.
  await s.getByLabel("CPAS (numéro d'entreprise)").fill(formatBce(entity.bceNumber));
  await s.getByRole("button", { name: "Enregistrer le montant octroyé" }).click();
  await expect(s.getByTestId("confirmation")).toContainText(`Montant octroyé enregistré pour ${entity.name} : 10\u202f000,00 €`);
  await axe(s);
  // Across the country's centres: filtered by name, the new centre is one incomplete row.
  await s.getByLabel("CPAS (nom ou numéro d'entreprise)").fill(entity.name);
  await s.getByLabel("Situation").selectOption({ label: "Incomplet" });
  await s.getByRole("button", { name: "Filtrer" }).click();
  await expect(s.getByTestId("suivi-cpas").locator("tbody tr")).toHaveCount(1);
  await expect(s.getByTestId("suivi-cpas")).toContainText(`${entity.name}${formatBce(entity.bceNumber)}0 / 5`);
  await s.getByLabel("Situation").selectOption({ label: "Complet" });
  await s.getByRole("button", { name: "Filtrer" }).click();
  await expect(s.getByText("Aucun CPAS ne correspond à ce filtre.")).toBeVisible();

  // The member encodes with an ineligible line: saved as a draft, the rule shown, no signature.
  await openForm(m);
  await m.getByRole("button", { name: "Ajouter une dépense" }).click();
  await setExpense(m, 1, "Colis et achats de denrées", "Colis", "7 000");
  await m.getByRole("button", { name: "Ajouter une dépense" }).click();
  await setExpense(m, 2, "Investissement (frigo d'une épicerie sociale, véhicule) (non éligible)", "Frigo", "2 500,50");
  // Shown as the person types, before saving.
  await expect(m.getByTestId("controle-AIDES")).toContainText("Ligne 2 : « Investissement");
  await m.getByRole("button", { name: SECTION }).click();
  await expect(m.getByTestId("confirmation")).toContainText("Mesure enregistrée comme brouillon. 1 problème reste à corriger");
  await m.getByRole("button", { name: "Marquer prêt pour signature" }).click();
  await expect(m.getByTestId("alerte")).toContainText("Le formulaire ne peut pas aller en signature : 1 problème à corriger.");
  await axe(m);

  // Fixed: bons alimentaires instead of the fridge.
  await setExpense(m, 2, "Bons ou chèques alimentaires", "Bons", "2 500,50");
  await m.getByRole("button", { name: SECTION }).click();
  await expect(m.getByTestId("confirmation")).toContainText("Le formulaire respecte toutes les règles");
  await m.reload();
  await m.getByRole("button", { name: "Marquer prêt pour signature" }).click();
  await expect(m.getByTestId("etat-ru")).toContainText("En attente des signatures (0 sur 2) : le secrétaire et le président du CPAS ont été prévenus.");
  await expect(m.getByTestId("statut-ru").first()).toHaveText("En attente des signatures");

  // Secretary, then president: the second signature sends.
  const sec = await openAs(browser, secretary);
  await openForm(sec);
  await expect(sec.getByText("Vous signez exactement le contenu affiché")).toContainText("justifié 9\u202f500,50 € sur 10\u202f000,00 € octroyés");
  await axe(sec);
  await sign(sec, secretary, "Ivan");
  const pre = await openAs(browser, president);
  await sign(pre, president, "Hélène");
  await expect(pre.getByTestId("etat-ru")).toContainText("Envoyé au SPP IS le");

  // The SPP IS returns it with a reason.
  await s.goto("/rapport-unique");
  await s
    .getByTestId("a-examiner")
    .getByRole("link", { name: `${entity.name} — ${FORM}` })
    .click();
  await axe(s);
  await s.getByLabel("Motif (obligatoire pour un renvoi)").fill("Joignez le détail des bons distribués.");
  await s.getByRole("button", { name: "Renvoyer pour correction" }).click();
  await expect(s.getByTestId("statut-ru").first()).toHaveText("Renvoyé pour correction");
  await expect(s.getByText("Le formulaire est en correction au CPAS")).toBeVisible();

  // The member reads the reason and corrects.
  await openForm(m);
  await expect(m.getByTestId("motif-renvoi")).toContainText("Joignez le détail des bons distribués.");
  await setExpense(m, 2, "Bons ou chèques alimentaires", "Bons (détail joint)", "2 900");
  await m.getByRole("button", { name: SECTION }).click();
  await expect(m.getByTestId("confirmation")).toContainText("Mesure enregistrée");
  await m.reload();
  await m.getByRole("button", { name: "Marquer prêt pour signature" }).click();
  await expect(m.getByTestId("etat-ru")).toContainText("En attente des signatures (0 sur 2)");

  // Both sign again; the SPP IS accepts.
  await sign(sec, secretary, "Ivan");
  await sign(pre, president, "Hélène");
  await s.goto("/rapport-unique");
  await s
    .getByTestId("a-examiner")
    .getByRole("link", { name: `${entity.name} — ${FORM}` })
    .click();
  await s.getByRole("button", { name: "Accepter le formulaire" }).click();
  await expect(s.getByTestId("etat-ru")).toContainText("Accepté par le SPP IS le");
  await expect(s.getByTestId("etat-ru")).toContainText("justifié 9\u202f900,00 €, non justifié 100,00 € (à récupérer)");

  // The member sees the outcome and downloads the signed PDF: names, amounts and hash read back.
  await openForm(m);
  await expect(m.getByTestId("statut-ru").first()).toHaveText("Accepté par le SPP IS");
  await expect(m.getByTestId("totaux-ru")).toContainText("9\u202f900,00 €");
  const hash = (await db.ruSignature.findFirstOrThrow({ where: { form: { entityId: entity.id, formCode: "AIDE_ALIMENTAIRE" }, voidedAt: null } })).contentHash;
  const [download] = await Promise.all([m.waitForEvent("download"), m.getByRole("button", { name: "Télécharger le formulaire signé (PDF)" }).click()]);
  const text = await readPdfText(await readFile((await download.path())!));
  expect(text).toContain("Ivan Test");
  expect(text).toContain("Hélène Test");
  expect(text).toContain("justifié 9 900,00 €");
  expect(text).toContain("non justifié 100,00 €");
  expect(text).toContain(hash);
  await axe(m);
});

test("Rapport unique: nobody else gets in (GL of the centre, agent social, anonymous API call)", async ({ browser, request }) => {
  const { entity, quality } = await createCentre();
  const gl = await createPerson({ entityId: entity.id, label: "gl" });
  await ensureRole({ personId: gl.id, role: "GL", entityId: entity.id, qualityId: quality.id });
  const page = await openAs(browser, gl);
  await expect(page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Rapport unique" })).toHaveCount(0);
  const res = await page.goto("/rapport-unique");
  expect(res?.status()).toBe(404);
  const anyForm = await db.ruForm.findFirstOrThrow({ select: { id: true } });
  expect((await page.goto(`/rapport-unique/formulaires/${anyForm.id}`))?.status()).toBe(404);
  const anonymous = await request.post(`/api/rapport-unique/formulaires/${anyForm.id}/pdf`, { headers: { Origin: new URL(page.url()).origin } });
  expect([401, 403, 404]).toContain(anonymous.status());
});
