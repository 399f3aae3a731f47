import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

import { encryptBytes } from "../lib/forem/crypto";
import { uniqueNiss } from "../lib/forem/testing/make-niss";

import { createCentre, createPerson, db, ensureGrant } from "./fixtures/data";
import { signIn } from "./fixtures/sign-in";

// Issue 13, FOREM and FileExchange in two languages: an agent whose account is Dutch registers a
// contract, previews the FOREM file (which stays French: the page says so), makes an attestation and
// sends a file through FileExchange, all in Dutch; a French colleague of the same centre reads the
// same pages in French. axe on every page in both languages. Expected texts are written by hand
// from messages/nl/forem.json and docs/glossary.md (OCMW, rijksregisternummer, DPO…).

const PERIOD = "du=2026-01-01&au=2026-03-31";
const PASSWORD = "Lijst-Impulsion-2026-geheim";

async function expectNoAxeViolation(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => `${page.url()} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("a Dutch-speaking agent works through the FOREM pages and FileExchange in Dutch; a French colleague reads them in French", async ({ browser }) => {
  // Four pages in two languages, each checked by axe: longer than the default minute on a shared machine.
  test.setTimeout(240_000);
  const { entity, quality } = await createCentre();
  const partner = await createCentre();
  const agent = await createPerson({ entityId: entity.id, label: "agentnl" });
  const colleague = await createPerson({ entityId: entity.id, label: "agentfr" });
  for (const person of [agent, colleague])
    for (const rightCode of ["AGENT_SOCIAL", "FILE_EXCHANGE"] as const)
      await ensureGrant({ personId: person.id, rightCode, entityId: entity.id, qualityId: quality.id });
  await db.person.update({ where: { id: agent.id }, data: { language: "nl" } });
  // The centre's DPD allows the partner (the DPD's page has its own e2e; here the row is set directly).
  await db.fileExchangePartner.create({ data: { entityId: entity.id, partnerEntityId: partner.entity.id, addedById: colleague.id } });

  const nl = await (await browser.newContext()).newPage();
  await signIn(nl, agent);

  // 1. The contracts register and a new contract, with a mistake first.
  await nl.goto("/forem");
  await expect(nl.locator("html")).toHaveAttribute("lang", "nl-BE");
  await expect(nl.getByRole("heading", { level: 1 })).toHaveText("Register van de contracten artikel 60, § 7 en artikel 61");
  await expect(nl.getByText("Nog geen contracten geregistreerd.")).toBeVisible();
  await nl.getByRole("link", { name: "Nieuw contract" }).click();
  await expect(nl).toHaveTitle(/^Nieuw contract/);
  await expect(nl.getByRole("heading", { level: 1 })).toHaveText("Nieuw contract");
  await nl.getByLabel("Rijksregisternummer (INSZ)").fill(uniqueNiss());
  await nl.getByLabel("Naam", { exact: true }).fill("Peeters");
  await nl.getByLabel("Voornaam").fill("An");
  await expect(nl.getByLabel("Soort contract")).toHaveValue("ART_60_7");
  await expect(nl.getByLabel("Soort contract").locator("option:checked")).toHaveText("Artikel 60, § 7");
  await nl.getByLabel("Begin", { exact: true }).fill("2025-04-01");
  await nl.getByLabel("Geplande einddatum").fill("2025-03-01");
  await nl.getByRole("button", { name: "Het contract opslaan" }).click();
  await expect(nl.getByTestId("alerte")).toHaveText("Sommige velden zijn ongeldig. Verbeter ze en probeer opnieuw.");
  await expect(nl.getByText("De geplande einddatum ligt vóór het begin van het contract.")).toBeVisible();
  await expectNoAxeViolation(nl);
  await nl.getByLabel("Geplande einddatum").fill("2026-03-31");
  await nl.getByLabel("Werkelijke einddatum").fill("2026-02-27");
  await nl.getByRole("button", { name: "Het contract opslaan" }).click();
  await expect(nl).toHaveURL(/\/forem\?enregistre=1/);
  await expect(nl.getByRole("status")).toHaveText("Contract opgeslagen.");
  await expect(nl.getByText("1 contract.", { exact: true })).toBeVisible();
  const row = nl.getByTestId("registre-contrats").getByRole("row", { name: /Peeters An/ });
  await expect(row).toContainText("Artikel 60, § 7");
  await expect(row).toContainText("27/02/2026");
  await expect(row).toContainText("Voltijds");
  await expect(row.getByRole("link", { name: "Wijzigen het contract van Peeters An van 01/04/2025" })).toBeVisible();
  await expectNoAxeViolation(nl);

  // 2. The FOREM file: the Dutch page says that the file and FOREM's instructions stay French.
  await nl.goto(`/forem/fichier?du=2026-03-31&au=2026-01-01`);
  await expect(nl.getByText("Het einde van de periode ligt vóór het begin.")).toBeVisible();
  await nl.goto(`/forem/fichier?${PERIOD}`);
  await expect(nl.getByRole("heading", { level: 1 })).toHaveText("FOREM Impulsion-bestand");
  await expect(nl.getByTestId("forem-frans")).toHaveText(
    "Het FOREM Impulsion-bestand (de drie kolommen « Numéro national », « Date de début », « Date de fin » en de inhoud) en de instructies van FOREM blijven in het Frans: FOREM is een Waalse instelling.",
  );
  await expect(nl.getByRole("heading", { level: 2, name: "Overzicht: 1 beëindigd contract" })).toBeVisible();
  await expect(nl.getByTestId("apercu-forem")).toContainText("Peeters An");
  await expect(nl.getByTestId("apercu-forem").getByRole("columnheader", { name: "Rijksregisternummer" })).toBeVisible();
  await expect(nl.getByRole("heading", { level: 2, name: "2. Het bestand maken en versleutelen" })).toBeVisible();
  await expect(nl.getByRole("button", { name: "Het bestand voorbereiden voor versleuteling" })).toBeVisible();
  await expectNoAxeViolation(nl);

  // 3. Attestations: a missing place is refused in Dutch, then the attestation is made.
  await nl.getByRole("navigation", { name: "FOREM" }).getByRole("link", { name: "Attesten" }).click();
  await expect(nl.getByRole("heading", { level: 1 })).toHaveText("Attesten van periodes artikel 60, § 7 en artikel 61");
  await expect(nl.getByText("Nog geen attesten opgemaakt.")).toBeVisible();
  await nl.getByLabel("Werknemer").selectOption({ label: "Peeters An (1 contract)" });
  await nl.getByLabel("Ondertekenaar (naam en functie)").fill("Els Maes, algemeen directeur");
  await nl.getByRole("button", { name: "Het attest opmaken" }).click();
  await expect(nl.getByText("Plaats: verplicht veld.")).toBeVisible();
  await nl.getByLabel("Plaats").fill("Brussel");
  await nl.getByRole("button", { name: "Het attest opmaken" }).click();
  await expect(nl.getByTestId("attestation-creee")).toContainText(/^Attest ATT-\d{4}-\d{4} opgemaakt\./);
  await expect(nl.getByRole("button", { name: "De pdf downloaden" })).toBeVisible();
  await expect(nl.getByTestId("registre-attestations")).toContainText("Brussel");
  await expectNoAxeViolation(nl);

  // 4. FileExchange: a plain file is refused (in the browser, and by the server), an encrypted one is sent.
  await nl.goto("/fileexchange");
  await expect(nl.getByRole("heading", { level: 1 })).toHaveText("FileExchange");
  await expect(nl.getByRole("heading", { level: 2, name: "Een document naar een partner sturen" })).toBeVisible();
  await expect(nl.getByText("Nog geen bestanden ontvangen.")).toBeVisible();
  await nl.getByLabel("Bestemmeling (organisatie)").selectOption({ label: partner.entity.name });
  const plain = { name: "lijst.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("PK\u0003\u0004 werkmap in klare tekst") };
  await nl.getByLabel(/Versleuteld bestand/).setInputFiles(plain);
  await nl.getByRole("button", { name: "Verzenden" }).click();
  await expect(nl.getByTestId("alerte")).toHaveText(
    "Dit bestand is niet versleuteld: versleutel het eerst (pagina Versleuteling) en verzend dan het .enc-bestand dat u krijgt.",
  );
  const refused = await nl.request.post("/api/fileexchange", {
    headers: { origin: new URL(nl.url()).origin },
    multipart: { destinataire: partner.entity.id, fichier: plain },
  });
  expect(refused.status()).toBe(422);
  expect(((await refused.json()) as { erreur: string }).erreur).toBe(
    "Dit bestand is niet versleuteld: versleutel het eerst (pagina Versleuteling) en verzend dan het .enc-bestand dat u krijgt.",
  );
  const cipher = Buffer.from(await encryptBytes(new TextEncoder().encode("vertrouwelijk document"), PASSWORD));
  await nl.getByLabel(/Versleuteld bestand/).setInputFiles({ name: "lijst.xlsx.enc", mimeType: "application/octet-stream", buffer: cipher });
  await nl.getByRole("button", { name: "Verzenden" }).click();
  await expect(nl.getByTestId("fichier-envoye")).toHaveText("Bestand lijst.xlsx.enc verzonden.");
  const sent = nl.getByTestId("fichiers-envoyes");
  await expect(sent.getByRole("columnheader", { name: "Afgehaald door de bestemmeling" })).toBeVisible();
  await expect(sent.getByRole("row", { name: /lijst\.xlsx\.enc/ })).toContainText("nee");
  await expect(sent.getByRole("button", { name: "Downloaden lijst.xlsx.enc" })).toBeVisible();
  await expectNoAxeViolation(nl);

  // 5. The French colleague reads the same pages, and the same stored data, in French.
  const fr = await (await browser.newContext()).newPage();
  await signIn(fr, colleague);
  await fr.goto("/forem");
  await expect(fr.locator("html")).toHaveAttribute("lang", "fr-BE");
  await expect(fr.getByRole("heading", { level: 1 })).toHaveText("Registre des contrats article 60, § 7 et article 61");
  await expect(fr.getByText("1 contrat.", { exact: true })).toBeVisible();
  const frRow = fr.getByTestId("registre-contrats").getByRole("row", { name: /Peeters An/ });
  await expect(frRow).toContainText("Article 60, § 7");
  await expect(frRow).toContainText("Temps plein");
  await expect(frRow.getByRole("link", { name: "Modifier le contrat de Peeters An du 01/04/2025" })).toBeVisible();
  await expectNoAxeViolation(fr);
  await fr.goto(`/forem/fichier?${PERIOD}`);
  await expect(fr.getByRole("heading", { level: 1 })).toHaveText("Fichier FOREM Impulsion");
  await expect(fr.getByRole("heading", { level: 2, name: "Aperçu : 1 contrat terminé" })).toBeVisible();
  await expect(fr.getByTestId("forem-frans")).toHaveCount(0);
  await expectNoAxeViolation(fr);
  await fr.goto("/forem/attestations");
  await expect(fr.getByRole("heading", { level: 1 })).toHaveText("Attestations de périodes article 60, § 7 et article 61");
  await expect(fr.getByTestId("registre-attestations")).toContainText("Brussel");
  await expect(fr.getByLabel("Travailleur")).toContainText("Peeters An (1 contrat)");
  await expectNoAxeViolation(fr);
  await fr.goto("/fileexchange");
  await expect(fr.getByRole("heading", { level: 2, name: "Envoyer un document à un partenaire" })).toBeVisible();
  const frSent = fr.getByTestId("fichiers-envoyes");
  await expect(frSent.getByRole("columnheader", { name: "Retiré par le destinataire" })).toBeVisible();
  await expect(frSent.getByRole("row", { name: /lijst\.xlsx\.enc/ })).toContainText("non");
  await expectNoAxeViolation(fr);
});
