import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

import { createCentre, createPerson, db, ensureGrant, ensureRole, randomBce } from "./fixtures/data";
import { signIn } from "./fixtures/sign-in";

// Issue 13, C60.7 in two languages: an agent whose account is French creates and sends a request;
// an ONEM collaborator whose account is Dutch opens the RVA queue and answers in Dutch; the agent
// reads the answer in French. axe on the request page in both languages; the JSON API answers in
// the caller's language with the same machine code. The expected texts are written by hand.

const iso = (d: Date) => d.toISOString().slice(0, 10);

async function expectNoAxeViolation(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("the CPAS asks in French, the RVA answers in Dutch, the CPAS reads the answer in French", async ({ browser }) => {
  const { entity, quality } = await createCentre();
  const agent = await createPerson({ entityId: entity.id, label: "agent" });
  await ensureGrant({ personId: agent.id, rightCode: "AGENT_SOCIAL", entityId: entity.id, qualityId: quality.id });
  const builders = await import("../lib/seed/builders");
  const onem = await db.$transaction((tx) => builders.ensureEntity(tx, { name: `ONEM test ${randomBce()}`, bce: randomBce(), kind: "ONEM" }));
  const collaborator = await createPerson({ entityId: onem.id, label: "rva" });
  await ensureRole({ personId: collaborator.id, role: "ONEM_COLLABORATOR", entityId: onem.id });
  await db.person.update({ where: { id: collaborator.id }, data: { language: "nl" } });
  const start = new Date(Date.now() + 40 * 86_400_000);
  const end = new Date(start.getTime() + 300 * 86_400_000);

  // 1. The agent (French account) encodes and sends the request.
  const cpas = await (await browser.newContext()).newPage();
  await signIn(cpas, agent);
  await cpas.goto("/c607/nouvelle");
  await expect(cpas.getByRole("heading", { level: 1 })).toHaveText("Nouvelle demande C60.7");
  await cpas.getByLabel("Numéro national (NISS)").fill("85.07.30-033.28");
  await cpas.getByLabel("Nom", { exact: true }).fill("Peeters");
  await cpas.getByLabel("Prénom").fill("An");
  await cpas.getByLabel("Début du contrat").fill(iso(start));
  await cpas.getByLabel("Fin prévue").fill(iso(end));
  await cpas.getByRole("button", { name: "Ajouter une période d'occupation" }).click();
  const job = cpas.getByRole("group", { name: "Période d'occupation n° 1" });
  await job.getByLabel("Employeur").fill("Bakkerij Janssens");
  await job.getByLabel("Du").fill("2025-01-01");
  await job.getByLabel("Au").fill("2025-06-30");
  await cpas.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(cpas.getByTestId("message-succes")).toHaveText("Brouillon créé. Joignez les pièces utiles, puis envoyez la demande à l'ONEM.");
  const reference = (await cpas.getByRole("heading", { level: 1 }).textContent())!.match(/C607-\d{4}-\d{6}/)![0];
  await expectNoAxeViolation(cpas);
  cpas.once("dialog", (dialog) => {
    expect(dialog.message()).toContain("Envoyer la demande à l'ONEM ?");
    void dialog.accept();
  });
  await cpas.getByRole("button", { name: "Envoyer à l'ONEM" }).click();
  await expect(cpas.getByTestId("statut").first()).toHaveText("Envoyé à l'ONEM");

  // 2. The collaborator (Dutch account) works in the RVA queue, in Dutch.
  const rva = await (await browser.newContext()).newPage();
  await signIn(rva, collaborator);
  await rva.goto("/onem");
  await expect(rva.locator("html")).toHaveAttribute("lang", "nl-BE");
  await expect(rva.getByRole("heading", { level: 1 })).toHaveText("Wachtrij RVA — aanvragen C60.7");
  await expect(rva.getByLabel("Status")).toBeVisible();
  await rva.getByRole("link", { name: reference }).click();
  await expect(rva.getByRole("heading", { level: 1 })).toContainText(`Aanvraag ${reference}`);
  await expect(rva.getByTestId("statut").first()).toHaveText("Verzonden naar de RVA");
  await rva.getByRole("button", { name: "In behandeling nemen" }).click();
  await expect(rva.getByTestId("message-succes")).toHaveText("Aanvraag in behandeling genomen.");
  await expect(rva.getByTestId("statut").first()).toHaveText("In behandeling");
  await rva.getByRole("button", { name: "Berekenen" }).click();
  await expect(rva.getByTestId("message-succes")).toHaveText("Berekening uitgevoerd: controleer het voorstel hieronder voordat u antwoordt.");
  await expect(rva.getByRole("list", { name: "Stappen van de berekening" })).toBeVisible();
  await expectNoAxeViolation(rva);
  await rva.getByRole("button", { name: "Valideren en het OCMW antwoorden" }).click();
  await expect(rva.getByTestId("statut").first()).toHaveText("Berekend door de RVA");
  await expect(rva.getByTestId("reponse-onem")).toContainText("Voorstel van de berekening gevalideerd door de RVA.");
  await expect(rva.getByTestId("historique")).toContainText("Antwoord van de RVA");

  // 3. The agent reads the same answer in French.
  await cpas.reload();
  await expect(cpas.locator("html")).toHaveAttribute("lang", "fr-BE");
  await expect(cpas.getByTestId("statut").first()).toHaveText("Calculé par l'ONEM");
  await expect(cpas.getByTestId("reponse-onem")).toContainText("Proposition du calcul validée par l'ONEM.");
  await expect(cpas.getByRole("list", { name: "Étapes du calcul" })).toBeVisible();
  await expect(cpas.getByTestId("historique")).toContainText("Réponse de l'ONEM");
  await expectNoAxeViolation(cpas);

  // 4. The JSON API: the same bad request, the same machine codes, the message in each language.
  const post = (language: string) =>
    cpas.request.post("/api/c607/requests", {
      headers: { "content-type": "application/json", origin: new URL(cpas.url()).origin, "accept-language": language },
      data: { clientKey: "kort", content: {} },
    });
  // The cookie of the French account decides for the browser; a client without it follows Accept-Language.
  await cpas.context().clearCookies({ name: "cpas_langue" });
  const [inFrench, inDutch] = [await post("fr-BE"), await post("nl-BE")];
  expect(inFrench.status()).toBe(400);
  expect(inDutch.status()).toBe(400);
  const fr = (await inFrench.json()) as { erreur: string; code: string; cle: string; champs: Record<string, string[]> };
  const nl = (await inDutch.json()) as typeof fr;
  expect(nl.code).toBe(fr.code);
  expect(nl.cle).toBe(fr.cle);
  expect(fr.erreur).toBe("Certains champs sont invalides. Corrigez-les et réessayez.");
  expect(nl.erreur).toBe("Sommige velden zijn ongeldig. Verbeter ze en probeer opnieuw.");
  expect(fr.champs.clientKey).toEqual(["Clé client : 8 à 64 caractères (lettres, chiffres, - ou _)."]);
  expect(nl.champs.clientKey).toEqual(["Clientsleutel: 8 tot 64 tekens (letters, cijfers, - of _)."]);
  expect(inDutch.headers()["content-language"]).toBe("nl");
});
