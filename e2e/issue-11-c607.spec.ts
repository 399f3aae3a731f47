import { randomUUID } from "node:crypto";

import { expect, test } from "@playwright/test";

import { uniqueNiss } from "../lib/forem/testing/make-niss";

import { createCentre, createPerson, db, ensureGrant, ensureRole, randomBce } from "./fixtures/data";
import { signIn } from "./fixtures/sign-in";

// Issue 11, part 1, C60.7: sending asks first and says what cannot be undone; saving, attaching
// and sending say what happened; ONEM validates a proposal of zero days.
const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const iso = (d: Date) => d.toISOString().slice(0, 10);

async function agentOfNewCentre() {
  const { entity, quality } = await createCentre();
  const agent = await createPerson({ entityId: entity.id, label: "agent" });
  await ensureGrant({ personId: agent.id, rightCode: "AGENT_SOCIAL", entityId: entity.id, qualityId: quality.id });
  return { entity, agent };
}

async function onemCollaborator() {
  const builders = await import("../lib/seed/builders");
  const onem = await db.$transaction((tx) => builders.ensureEntity(tx, { name: `ONEM test ${randomBce()}`, bce: randomBce(), kind: "ONEM" }));
  const person = await createPerson({ entityId: onem.id, label: "onem" });
  await ensureRole({ personId: person.id, role: "ONEM_COLLABORATOR", entityId: onem.id });
  return person;
}

test("saving, attaching and sending a C60.7 request say what happened; sending asks first", async ({ page }) => {
  const { entity, agent } = await agentOfNewCentre();
  await signIn(page, agent);
  const start = new Date(Date.now() + 40 * 86_400_000);
  await page.goto("/c607/nouvelle");
  await page.getByLabel("Numéro national (NISS)").fill(uniqueNiss());
  await page.getByLabel("Nom", { exact: true }).fill("Dupont");
  await page.getByLabel("Prénom").fill("Jean");
  await page.getByLabel("Début du contrat").fill(iso(start));
  await page.getByLabel("Fin prévue").fill(iso(new Date(start.getTime() + 300 * 86_400_000)));
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(page.getByTestId("message-succes")).toHaveText("Brouillon créé. Joignez les pièces utiles, puis envoyez la demande à l'ONEM.");

  await page.getByRole("link", { name: "Modifier la demande" }).click();
  await page.getByLabel("Prénom").fill("Jeanne");
  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(page.getByTestId("message-succes")).toHaveText("Modifications enregistrées.");

  await page.getByLabel(/Fichier \(PDF/).setInputFiles({ name: "fiche-de-paie.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Joindre le fichier" }).click();
  await expect(page.getByTestId("message-succes")).toHaveText("Pièce jointe ajoutée.");
  await expect(page.getByTestId("pieces-jointes")).toContainText("fiche-de-paie.pdf");

  // The confirmation says what cannot be undone; cancelling sends nothing.
  let question = "";
  page.once("dialog", (dialog) => {
    question = dialog.message();
    void dialog.dismiss();
  });
  await page.getByRole("button", { name: "Envoyer à l'ONEM" }).click();
  await expect.poll(() => question).toContain("Envoyer la demande à l'ONEM ?");
  expect(question).toContain("Cette action est définitive");
  expect(question).toContain("ne peut plus modifier la demande");
  await expect(page.getByTestId("statut").first()).toHaveText("Brouillon");
  expect((await db.c607Request.findFirstOrThrow({ where: { entityId: entity.id } })).status).toBe("DRAFT");

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Envoyer à l'ONEM" }).click();
  await expect(page.getByTestId("message-succes")).toContainText("Demande envoyée à l'ONEM. Le CPAS ne peut plus la modifier");
  await expect(page.getByTestId("message-succes")).toContainText("L'ONEM répond au plus tard le");
  await expect(page.getByTestId("statut").first()).toHaveText("Envoyé à l'ONEM");
  expect((await db.c607Request.findFirstOrThrow({ where: { entityId: entity.id } })).status).toBe("SENT");
});

test("ONEM validates a zero-day proposal (condition already met) without an end date, and nobody reads « corrigé »", async ({ browser }) => {
  const { agent } = await agentOfNewCentre();
  const collaborator = await onemCollaborator();
  const { buildActor } = await import("../lib/auth/load-actor");
  const c607 = await import("../lib/c607/requests");
  const actor = await buildActor(agent.id, `issue-11:${randomUUID()}`, undefined);
  if (!actor) throw new Error("agent not loadable");
  const ctx = { actor, meta: { ip: "127.0.0.1", userAgent: "issue-11" } };
  // Full-time work from 1 Jan 2023 to 30 Nov 2026: the 33 months before the contract hold at least
  // ten full quarters × 78 days (ONEM sheet T31), more than any requirement: 0 days to work.
  const created = await c607.createRequest({
    ctx,
    input: {
      clientKey: randomUUID(),
      content: {
        worker: { niss: uniqueNiss(), firstName: "Awa", lastName: "Diallo" },
        contract: { start: "2027-01-04", plannedEnd: "2027-12-31", regime: "FULL_TIME", daysPerWeek: 5 },
        employmentPeriods: [{ employer: "Boulangerie Lambert", country: "BE", from: "2023-01-01", to: "2026-11-30", regime: "FULL_TIME" }],
        assimilatedPeriods: [],
      },
    },
  });
  await c607.sendRequest({ ctx, id: created.id, input: { version: created.version } });

  const onem = await browser.newPage();
  await signIn(onem, collaborator);
  await onem.goto(`/c607/${created.id}`);
  await onem.getByRole("button", { name: "Prendre en traitement" }).click();
  await expect(onem.getByTestId("message-succes")).toHaveText("Demande prise en traitement.");
  await onem.getByRole("button", { name: "Calculer" }).click();
  await expect(onem.getByTestId("proposition")).toContainText("0 jour à prester, la condition est déjà remplie");
  await onem.getByRole("button", { name: "Valider et répondre au CPAS" }).click();
  await expect(onem.getByTestId("statut").first()).toHaveText("Calculé par l'ONEM");
  await expect(onem.getByTestId("message-succes")).toHaveText("Réponse envoyée au CPAS.");
  await expect(onem.getByTestId("reponse-onem")).toContainText("Réponse de l'ONEM : 0 jour à prester, la condition est déjà remplie");
  await expect(onem.getByTestId("reponse-onem")).toContainText("Proposition du calcul validée par l'ONEM");

  const cpas = await browser.newPage();
  await signIn(cpas, agent);
  await cpas.goto(`/c607/${created.id}`);
  await expect(cpas.getByTestId("reponse-onem")).toContainText("la condition est déjà remplie");
  await expect(cpas.locator("main")).not.toContainText("corrigé");
  const saved = await db.c607Request.findUniqueOrThrow({ where: { id: created.id } });
  expect(saved).toMatchObject({ status: "CALCULATED", validatedDays: 0, validatedEndDate: null, onemReason: null });
});
