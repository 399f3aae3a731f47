import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

import { startOAuthServer } from "../lib/batch/rest/testing-oauth-server";

import { createCentre, createPerson, db, ensureRole } from "./fixtures/data";
import { signIn } from "./fixtures/sign-in";

// Issue 14, the REST channel (Chaman « Canaux Webservices »): the GL of « Employeur ONSS » registers a
// REST client, takes its certificate to « Chaman » (here: a real OAuth token server on loopback,
// started by this test, which checks the JWT assertion as rest-documentation.socialsecurity.be
// says), pastes the client id, obtains a token and reads until when it is valid; a client id
// Chaman does not know is refused with the reason, in French and in Dutch.

const fingerprintOf = (pem: string) =>
  execFileSync("openssl", ["x509", "-noout", "-fingerprint", "-sha256"], { input: pem, encoding: "utf8" }).trim().split("=")[1]!;
/** hh:mm in Belgium, as the page writes it. */
const brusselsTime = (ms: number) => new Intl.DateTimeFormat("fr-BE", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Brussels" }).format(ms);
const brusselsDate = (ms: number) =>
  new Intl.DateTimeFormat("fr-BE", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Brussels" }).format(ms);

test("the GL of Employeur ONSS registers a REST client, pastes its client id and obtains a token; refusals are explained", async ({ page }) => {
  test.setTimeout(120_000);
  const server = await startOAuthServer({ expiresIn: 600 });
  try {
    const { entity } = await createCentre();
    const onss = await db.quality.create({ data: { entityId: entity.id, type: "EMPLOYEUR_ONSS", identifier: "012345678", isActive: true } });
    const gl = await createPerson({ entityId: entity.id, label: "gl-onss-rest" });
    await ensureRole({ personId: gl.id, role: "GL", entityId: entity.id, qualityId: onss.id });

    await signIn(page, gl);
    await page.goto("/canaux");
    await expect(page.getByRole("heading", { name: "Canaux Webservices (REST)" })).toBeVisible();
    const add = page.getByRole("form", { name: "Ajouter un client REST" });
    await expect(add.getByLabel("URL du serveur de jetons (token URL)")).toHaveValue("https://services.socialsecurity.be/REST/oauth/v5/token");
    await add.getByLabel("Nom du client").fill("Compte REST");
    await add.getByLabel("URL du serveur de jetons (token URL)").fill(server.url);
    await add.getByRole("button", { name: "Créer la clé et le certificat" }).click();
    const created = add.getByTestId("confirmation");
    await expect(created).toContainText("Client REST « Compte REST » créé (empreinte SHA-256 du certificat : ");

    const table = page.getByTestId("clients-rest");
    await expect(table).toContainText("Compte REST");
    await expect(table.getByTestId("client-id")).toHaveText("à coller depuis Chaman");
    await expect(table.getByTestId("jeton")).toHaveText("aucun jeton en mémoire");

    // The certificate to register in Chaman: shown (PEM) and downloadable (.cer, DER), the same one.
    await page.getByText("Certificat à enregistrer dans Chaman pour « Compte REST »").click();
    const pem = (await page.getByTestId("certificat-rest").textContent())!;
    expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    const fingerprint = fingerprintOf(pem);
    await expect(created).toContainText(`(empreinte SHA-256 du certificat : ${fingerprint})`);
    await expect(table).toContainText(fingerprint);
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Télécharger le certificat (Compte-REST.cer)" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("Compte-REST.cer");
    const der = readFileSync((await download.path())!);
    expect(
      execFileSync("openssl", ["x509", "-inform", "DER", "-noout", "-fingerprint", "-sha256"], { input: der, encoding: "utf8" }).trim().split("=")[1],
    ).toBe(fingerprint);

    // « Chaman » registers the certificate and gives a client id, which the GL pastes.
    server.register("cpas-client-e2e", pem);
    const idForm = page.getByRole("form", { name: "Client ID du client REST Compte REST" });
    await idForm.getByLabel("Client ID donné par Chaman").fill("cpas-client-e2e");
    await idForm.getByRole("button", { name: "Enregistrer le Client ID" }).click();
    await expect(idForm.getByTestId("confirmation")).toHaveText("Client ID du client « Compte REST » enregistré.");
    await expect(table.getByTestId("client-id")).toHaveText("cpas-client-e2e");

    const tokenForm = page.getByRole("form", { name: "Obtenir un jeton pour le client REST Compte REST" });
    const before = Date.now();
    await tokenForm.getByRole("button", { name: "Obtenir un jeton" }).click();
    const obtained = tokenForm.getByTestId("confirmation");
    await expect(obtained).toContainText("Jeton obtenu pour « Compte REST », valable jusqu'à ");
    const after = Date.now();
    // The server's expires_in is 600 s: ten minutes after the click (the minute may turn during it).
    const times = [...new Set([brusselsTime(before + 600_000), brusselsTime(after + 600_000)])].join("|");
    await expect(obtained).toHaveText(new RegExp(`^Jeton obtenu pour « Compte REST », valable jusqu'à (${times}) le ${brusselsDate(after + 600_000)}\\.$`));
    await expect(table.getByTestId("jeton")).toHaveText(new RegExp(`^valable jusqu'à (${times})$`));
    expect(server.refusals).toEqual([]);
    expect(server.issued).toHaveLength(1);
    // The token never reaches the browser.
    expect(await page.content()).not.toContain(server.issued[0]!);

    // A client id Chaman does not know: refused, with the reason.
    await idForm.getByLabel("Client ID donné par Chaman").fill("cpas-inconnu");
    await idForm.getByRole("button", { name: "Enregistrer le Client ID" }).click();
    await expect(table.getByTestId("client-id")).toHaveText("cpas-inconnu");
    await tokenForm.getByRole("button", { name: "Obtenir un jeton" }).click();
    await expect(tokenForm.getByTestId("alerte")).toContainText(
      "Le serveur de jetons refuse ce client (invalid_client) : le Client ID est inconnu, ou le certificat enregistré dans Chaman n'est pas celui de ce client.",
    );
    expect(server.refusals).toEqual(["client inconnu"]);
    const violations = await new AxeBuilder({ page }).include("section[aria-labelledby^='rest-']").withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
    expect(violations.violations.map((v) => v.id)).toEqual([]);

    // In Dutch.
    await page.getByRole("form", { name: "Choisir la langue" }).getByRole("button", { name: "Nederlands" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "nl-BE");
    await expect(page.getByRole("heading", { name: "Webservicekanalen (REST)" })).toBeVisible();
    const tokenFormNl = page.getByRole("form", { name: "Een token verkrijgen voor de REST-client Compte REST" });
    await tokenFormNl.getByRole("button", { name: "Een token verkrijgen" }).click();
    await expect(tokenFormNl.getByTestId("alerte")).toContainText(
      "De tokenserver weigert deze client (invalid_client): de client-ID is onbekend, of het in Chaman geregistreerde certificaat is niet dat van deze client.",
    );

    const events = await db.auditEvent.findMany({ where: { entityId: entity.id, action: { startsWith: "rest_client." } }, select: { action: true } });
    expect(events.map((e) => e.action).sort()).toEqual([
      "rest_client.client_id_set",
      "rest_client.client_id_set",
      "rest_client.registered",
      "rest_client.token_obtained",
      "rest_client.token_refused",
      "rest_client.token_refused",
    ]);
  } finally {
    await server.close();
  }
});
