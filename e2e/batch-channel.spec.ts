import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

import { makeChannelCredentials } from "../lib/batch/testing";

import { createCentre, createPerson, db, ensureRole } from "./fixtures/data";
import { signIn } from "./fixtures/sign-in";

// Seed 004: the GL of « Employeur ONSS » opens the centre's SFTP channel (real certificate and SSH
// key made by openssl and ssh-keygen), gets the sender number, composes the names of a sending and
// records a mandate; a second mandate for the same service is refused.

test("the GL of Employeur ONSS opens the SFTP channel, composes file names and records a mandate", async ({ page }) => {
  const { entity } = await createCentre();
  const onss = await db.quality.create({ data: { entityId: entity.id, type: "EMPLOYEUR_ONSS", identifier: "012345678", isActive: true } });
  const gl = await createPerson({ entityId: entity.id, label: "gl-onss" });
  await ensureRole({ personId: gl.id, role: "GL", entityId: entity.id, qualityId: onss.id });
  const creds = makeChannelCredentials();

  await signIn(page, gl);
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Canaux techniques" }).click();
  await expect(page.getByTestId("numero-expediteur")).toContainText("attribué à la création du premier canal");

  const add = page.getByRole("form", { name: "Ajouter un compte FTP ou SFTP" });
  await add.getByLabel("Nom du compte").fill("Logiciel salaires");
  await add.getByLabel("Déclaration multifonctionnelle Dmfa").check();
  await add
    .getByLabel("Certificat (.cer)")
    .setInputFiles({ name: "signature.cer", mimeType: "application/pkix-cert", buffer: Buffer.from(creds.certificateDer) });
  await add.getByLabel("Nom du certificat").fill("Certificat 2026");
  await add.getByLabel("Nom d'utilisateur technique").fill(`exp${Date.now()}`);
  // A private key is refused, and says why.
  await add.getByLabel(/Clé SSH publique/).fill("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE=\n-----END OPENSSH PRIVATE KEY-----");
  await add.getByRole("button", { name: "Valider" }).click();
  await expect(add.getByTestId("alerte")).toContainText("ne la communiquez jamais");
  await add.getByLabel(/Clé SSH publique/).fill(creds.sshPublicKey);
  await add
    .getByLabel("Certificat (.cer)")
    .setInputFiles({ name: "signature.cer", mimeType: "application/pkix-cert", buffer: Buffer.from(creds.certificateDer) });
  await add.getByRole("button", { name: "Valider" }).click();
  await expect(add.getByTestId("confirmation")).toContainText(/Canal SFTP créé\. Votre numéro d'expéditeur : \d{6}\./);

  const sender = (await db.quality.findUniqueOrThrow({ where: { id: onss.id } })).senderNumber!;
  await expect(page.getByTestId("numero-expediteur")).toContainText(sender);
  const table = page.getByTestId("canaux");
  await expect(table).toContainText("CareerPro - Federal Learning Account ; Déclaration multifonctionnelle Dmfa");
  await expect(table).toContainText(creds.sshFingerprint);

  // The portal's own key for deposits: generated, shown once to register in Chaman. No SFTP server
  // listens during this test (the e2e server's is started by e2e/issue-14-browser-signing.spec.ts),
  // so a deposit says so in French and is recorded as failed (deposits against a real sshd: that
  // spec and lib/batch/deposits.integration.test.ts).
  const keyForm = page.getByRole("form", { name: "Clé du portail pour le canal Logiciel salaires" });
  await keyForm.getByRole("button", { name: "Générer la clé SSH du portail" }).click();
  await expect(keyForm.getByTestId("confirmation")).toContainText(/Enregistrez cette clé publique dans Chaman .* : ssh-ed25519 \S+ portail-cpas/);
  await expect(page.getByTestId("cle-portail")).toContainText("SHA256:");
  const deposit = page.getByRole("form", { name: "Déposer un envoi" });
  await deposit.getByLabel("Code du service").fill("DMFA");
  await deposit.getByLabel(/Fichiers de données FI/).setInputFiles({ name: "partie1.xml", mimeType: "application/xml", buffer: Buffer.from("<dmfa/>") });
  await deposit.getByRole("button", { name: "Déposer" }).click();
  await expect(deposit.getByTestId("alerte")).toContainText("Le serveur SFTP ne répond pas : réessayez plus tard.");
  expect(await db.batchDeposit.count({ where: { entityId: entity.id, status: "FAILED" } })).toBe(1);

  const names = page.getByRole("form", { name: "Noms de fichiers" });
  await names.getByLabel("Code du service (documentation du service)").fill("DMFA");
  await names.getByLabel("Date").fill("2026-11-25");
  await names.getByLabel("Nombre de parties").fill("2");
  await names.getByRole("button", { name: "Composer les noms" }).click();
  await expect(names.getByTestId("confirmation")).toContainText(
    `Déposez dans INTEST : FI.DMFA.${sender}.20261125.00001.T.2.1, FI.DMFA.${sender}.20261125.00001.T.2.2, puis en dernier GO.DMFA.${sender}.20261125.00001.T.2 (fichier vide).`,
  );

  const mandate = page.getByRole("form", { name: "Nouveau mandat" });
  await mandate.getByLabel("Numéro BCE du mandataire").fill("0212345668");
  await mandate.getByLabel("Nom du mandataire").fill("Secrétariat social Exemple");
  await mandate.getByRole("button", { name: "Enregistrer le mandat" }).click();
  await expect(mandate.getByTestId("confirmation")).toContainText("Mandat enregistré.");
  await expect(page.getByTestId("mandats")).toContainText("Secrétariat social Exemple");
  await mandate.getByLabel("Numéro BCE du mandataire").fill("0212345668");
  await mandate.getByLabel("Nom du mandataire").fill("Autre prestataire");
  await mandate.getByRole("button", { name: "Enregistrer le mandat" }).click();
  await expect(mandate.getByTestId("alerte")).toContainText("Un seul mandataire par service");

  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  expect(
    await db.auditEvent.count({ where: { entityId: entity.id, action: { in: ["channel.created", "channel.portal_key_generated", "mandate.created"] } } }),
  ).toBe(3);
});
