import { expect, test } from "@playwright/test";

import { createCentre, createPerson, db, ensureGrant, ensureRole, randomBce } from "./fixtures/data";
import { signIn } from "./fixtures/sign-in";

// Issue 4 end to end: a social worker encodes and sends a C60.7 request; an ONEM collaborator
// takes it, reads the explanation and validates; the worker sees the answer, the timeline and the
// inbox message; a second calculation outside the 30–15-day window is refused without derogation.

const iso = (d: Date) => d.toISOString().slice(0, 10);
const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

async function onemCollaborator() {
  const builders = await import("../lib/seed/builders");
  const onem = await db.$transaction((tx) =>
    builders.ensureEntity(tx, {
      name: `ONEM test ${randomBce()}`,
      bce: randomBce(),
      kind: "ONEM",
    }),
  );
  const person = await createPerson({ entityId: onem.id, label: "onem" });
  await ensureRole({
    personId: person.id,
    role: "ONEM_COLLABORATOR",
    entityId: onem.id,
  });
  return person;
}

test("a C60.7 request goes from the CPAS to ONEM and back, fully traced", async ({ browser }) => {
  const { entity, quality } = await createCentre();
  const agent = await createPerson({ entityId: entity.id, label: "agent" });
  await ensureGrant({
    personId: agent.id,
    rightCode: "AGENT_SOCIAL",
    entityId: entity.id,
    qualityId: quality.id,
  });
  const collaborator = await onemCollaborator();
  const start = new Date(Date.now() + 40 * 86_400_000);
  const end = new Date(start.getTime() + 300 * 86_400_000);

  // 1. The social worker encodes the request with periods, then attaches a file and sends it.
  const cpas = await browser.newPage();
  await signIn(cpas, agent);
  await cpas.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Demandes C60.7" }).click();
  await cpas.getByRole("link", { name: "Nouvelle demande" }).click();
  await cpas.getByLabel("Numéro national (NISS)").fill("85.07.30-033.28");
  await cpas.getByLabel("Nom", { exact: true }).fill("Dupont");
  await cpas.getByLabel("Prénom").fill("Jean");
  await cpas.getByLabel("Début du contrat").fill(iso(start));
  await cpas.getByLabel("Fin prévue").fill(iso(end));
  await cpas.getByRole("button", { name: "Ajouter une période d'occupation" }).press("Enter");
  const job = cpas.getByRole("group", { name: "Période d'occupation n° 1" });
  await expect(job.getByLabel("Employeur")).toBeFocused();
  await job.getByLabel("Employeur").fill("Boulangerie Lambert");
  await job.getByLabel("Du").fill("2025-01-01");
  await job.getByLabel("Au").fill("2025-06-30");
  await cpas.getByRole("button", { name: "Ajouter une période assimilée" }).click();
  const sickness = cpas.getByRole("group", { name: "Période assimilée n° 1" });
  await sickness.getByLabel("Du").fill("2025-07-01");
  await sickness.getByLabel("Au").fill("2025-06-01");
  await cpas.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  // A reversed period is refused on its field, nothing is saved.
  await expect(sickness.getByText(/précède la date de début/)).toBeVisible();
  expect(await db.c607Request.count({ where: { entityId: entity.id } })).toBe(0);
  await sickness.getByLabel("Au").fill("2025-07-31");
  await cpas.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(cpas.getByRole("heading", { name: /Demande C607-\d{4}-\d{6}/ })).toBeVisible();
  const reference = (await cpas.getByRole("heading", { level: 1 }).textContent())!.match(/C607-\d{4}-\d{6}/)![0];

  await cpas.getByLabel(/Fichier \(PDF/).setInputFiles({
    name: "fiche-de-paie.pdf",
    mimeType: "application/pdf",
    buffer: PDF,
  });
  await cpas.getByRole("button", { name: "Joindre le fichier" }).click();
  await expect(cpas.getByTestId("pieces-jointes")).toContainText("fiche-de-paie.pdf");
  // A file attached by mistake is taken back before sending (after a confirmation).
  await cpas.getByLabel(/Fichier \(PDF/).setInputFiles({ name: "mauvais-dossier.pdf", mimeType: "application/pdf", buffer: PDF });
  await cpas.getByRole("button", { name: "Joindre le fichier" }).click();
  await expect(cpas.getByTestId("pieces-jointes")).toContainText("mauvais-dossier.pdf");
  await cpas.getByRole("button", { name: "Retirer la pièce jointe mauvais-dossier.pdf" }).click();
  await cpas.getByRole("button", { name: "Confirmer le retrait" }).click();
  await expect(cpas.getByTestId("pieces-jointes")).not.toContainText("mauvais-dossier.pdf");
  await expect(cpas.getByTestId("pieces-jointes")).toContainText("fiche-de-paie.pdf");
  await expect(cpas.getByTestId("historique")).toContainText("Pièce jointe retirée");
  cpas.once("dialog", (dialog) => void dialog.accept()); // « Envoyer la demande à l'ONEM ? » (issue 11)
  await cpas.getByRole("button", { name: "Envoyer à l'ONEM" }).click();
  await expect(cpas.getByTestId("statut").first()).toHaveText("Envoyé à l'ONEM");
  await expect(cpas.getByRole("button", { name: /Retirer/ })).toHaveCount(0);
  await expect(cpas.getByRole("link", { name: "Modifier la demande" })).toHaveCount(0);

  // 2. ONEM takes it from its queue, reads the explanation and validates.
  const onem = await browser.newPage();
  await signIn(onem, collaborator);
  await onem.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "File ONEM" }).click();
  await onem.getByRole("link", { name: reference }).click();
  await onem.getByRole("button", { name: "Prendre en traitement" }).click();
  await expect(onem.getByTestId("statut").first()).toHaveText("En traitement");
  await onem.getByRole("button", { name: "Calculer" }).click();
  const steps = onem.getByRole("list", { name: "Étapes du calcul" });
  await expect(steps.getByRole("listitem").first()).toBeVisible();
  expect(await steps.getByRole("listitem").count()).toBeGreaterThan(3);
  await expect(onem.getByRole("link", { name: "Modifier la demande" })).toHaveCount(0);
  await onem.getByRole("button", { name: "Valider et répondre au CPAS" }).click();
  await expect(onem.getByTestId("statut").first()).toHaveText("Calculé par l'ONEM");

  // 3. The worker sees the answer, the explanation, the timeline and the inbox message.
  await cpas.reload();
  await expect(cpas.getByTestId("reponse-onem")).toContainText("Proposition du calcul validée par l'ONEM");
  await expect(cpas.getByRole("list", { name: "Étapes du calcul" })).toBeVisible();
  const history = cpas.getByTestId("historique");
  for (const step of ["Création", "Pièce jointe", "Envoi à l'ONEM", "Prise en traitement", "Calcul proposé", "Réponse de l'ONEM"])
    await expect(history).toContainText(step);
  // The navigation counts the centre's unread messages; reading the message clears the count.
  await expect(cpas.getByRole("link", { name: "Messages 1 non lu" })).toBeVisible();
  await cpas.getByRole("link", { name: "Messages" }).click();
  await expect(cpas.getByTestId("messages")).toContainText(`Demande ${reference} : calculée par l'ONEM`);
  await cpas.getByRole("button", { name: "Marquer comme lu" }).click();
  await expect(cpas.getByTestId("messages-non-lus")).toHaveCount(0);
  await expect(cpas.getByRole("link", { name: "Messages", exact: true })).toBeVisible();

  // The database holds what the pages showed, and the timeline is the audit trail.
  const saved = await db.c607Request.findUniqueOrThrow({
    where: { reference },
  });
  expect(saved).toMatchObject({ status: "CALCULATED", entityId: entity.id });
  const events = await db.c607Event.findMany({
    where: { requestId: saved.id },
    orderBy: { at: "asc" },
  });
  const audit = await db.auditEvent.findMany({
    where: { targetType: "C607Request", targetId: saved.id },
    orderBy: { id: "asc" },
  });
  expect(audit.map((a) => a.action)).toEqual(events.map((e) => `c607.${e.kind}`));

  // 4. A second calculation now (months before the window) is refused without a derogation.
  await cpas.goto(`/c607/${saved.id}`);
  await cpas.getByLabel("Effet d'événements pendant le contrat (second calcul)").check();
  await cpas.getByRole("button", { name: "Créer la copie" }).click();
  await expect(cpas.getByRole("heading", { level: 1 })).not.toContainText(reference);
  cpas.once("dialog", (dialog) => void dialog.accept()); // « Envoyer la demande à l'ONEM ? » (issue 11)
  await cpas.getByRole("button", { name: "Envoyer à l'ONEM" }).click();
  await expect(cpas.getByTestId("alerte")).toContainText("entre 30 et 15 jours avant la fin du contrat");
  const copy = await db.c607Request.findFirstOrThrow({
    where: { parentId: saved.id },
  });
  expect(copy).toMatchObject({
    status: "DRAFT",
    isSecondCalculation: true,
    sentAt: null,
  });
});

test("another centre's request is a 404, in the page and in the API", async ({ page }) => {
  const a = await createCentre();
  const b = await createCentre();
  const agentB = await createPerson({ entityId: b.entity.id, label: "agentb" });
  await ensureGrant({
    personId: agentB.id,
    rightCode: "AGENT_SOCIAL",
    entityId: b.entity.id,
    qualityId: b.quality.id,
  });
  const worker = await db.worker.create({
    data: {
      entityId: a.entity.id,
      nissEncrypted: "x",
      nissBlindIndex: `e2e-${randomBce()}`,
      firstName: "A",
      lastName: "B",
    },
  });
  const contract = await db.contract.create({
    data: {
      entityId: a.entity.id,
      workerId: worker.id,
      kind: "ART_60_7",
      startDate: new Date("2027-01-01"),
      plannedEndDate: new Date("2027-12-31"),
    },
  });
  const request = await db.c607Request.create({
    data: {
      reference: `C607-E2E-${randomBce()}`,
      entityId: a.entity.id,
      workerId: worker.id,
      contractId: contract.id,
      createdById: agentB.id,
    },
  });
  await signIn(page, agentB);
  const response = await page.goto(`/c607/${request.id}`);
  expect(response?.status()).toBe(404);
  const api = await page.request.get(`/api/c607/requests/${request.id}`);
  expect(api.status()).toBe(404);
  const bad = await page.request.post("/api/c607/requests", {
    headers: {
      "content-type": "application/json",
      origin: new URL(page.url()).origin,
    },
    data: Buffer.from("{ pas du json"),
  });
  expect(bad.status()).toBe(400);
  expect((await bad.json()) as { erreur: string }).toMatchObject({
    erreur: "Le corps de la requête n'est pas un JSON valide.",
  });
});
