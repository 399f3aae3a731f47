import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

import { msg } from "../lib/i18n/message-ref";

import { onssChannel } from "./fixtures/batch-channel";
import { db } from "./fixtures/data";
import { signIn } from "./fixtures/sign-in";

// Issue 14: what the acknowledgements of the social security say is shown on each deposit of the
// Chaman page. The deposits and the acknowledgements the portal recorded (as fetchAcknowledgements
// leaves them: lib/batch/deposits.integration.test.ts reads them from a real sshd) are put in the
// database; the page must show the status and the details in French, and stay accessible.

test("each deposit shows the status its ACRF and NOTI give, with the codes and anomalies in French, and in Dutch", async ({ page, browser }) => {
  const { entity, sender, gl, channel } = await onssChannel({ label: "gl-onss-accuses", accountName: "Dépôts du portail" });
  const deposit = (seq: number) =>
    db.batchDeposit.create({
      data: {
        entityId: entity.id,
        channelId: channel.id,
        environment: "T",
        setName: `GO.DMFA.${sender}.20261202.${String(seq).padStart(5, "0")}.T.1`,
        files: [],
        status: "DEPOSITED",
        createdById: gl.id,
      },
    });
  const [waiting, refused, anomalies] = [await deposit(1), await deposit(2), await deposit(3)];
  const ack = (o: { depositId: string | null; n: number; kind: string; outcome: string; details: object[]; signatureNote?: string }) =>
    db.batchAcknowledgement.create({
      data: {
        entityId: entity.id,
        channelId: channel.id,
        depositId: o.depositId,
        environment: "T",
        fileName: `FO.${o.kind}.999999.20261202.${String(o.n).padStart(5, "0")}.T`,
        kind: o.kind,
        outcome: o.outcome,
        details: o.details,
        signatureNote: o.signatureNote ?? null,
        size: 100,
        sha256: "0".repeat(64),
      },
    });
  await ack({
    depositId: refused.id,
    n: 1,
    kind: "ACRF",
    outcome: "REFUSED_AT_RECEPTION",
    details: [{ code: "125", label: "Signature (FS) invalide" }],
    signatureNote: "Signature valide (certificat « CN=Batch ») ; sa chaîne de certification n'est pas vérifiée par le portail.",
  });
  await ack({ depositId: anomalies.id, n: 2, kind: "ACRF", outcome: "RECEIVED", details: [] });
  await ack({
    depositId: anomalies.id,
    n: 3,
    kind: "NOTI",
    outcome: "REFUSED",
    details: [{ errorId: "00012-004", anomalyClass: "B", label: "Zone obligatoire absente" }],
  });
  await ack({ depositId: null, n: 4, kind: "ACRF", outcome: "HOSTILE", details: [{ problem: "Le fichier déclare un DOCTYPE ou des entités" }] });
  // As the portal records them now (issue 14): catalogue references, read in the reader's language.
  const untrusted = await deposit(4);
  await ack({
    depositId: untrusted.id,
    n: 5,
    kind: "ACRF",
    outcome: "REFUSED_AT_RECEPTION",
    details: [{ code: "153", label: msg("batch.acrf.certificate") }],
    signatureNote: msg("batch.returnSignature.chainRefused", { subject: "C=BE, O=Smals, CN=Batch", reason: msg("batch.returnSignature.chainNoPath") }),
  });

  await signIn(page, gl);
  await page.goto("/canaux");
  const rows = page.getByTestId("depots").getByRole("row");
  const rowOf = (d: { setName: string }) => rows.filter({ hasText: d.setName });
  await expect(rowOf(waiting).getByTestId("etat-depot")).toHaveText("déposé, en attente de l'accusé de réception");
  await expect(rowOf(refused).getByTestId("etat-depot")).toContainText("refusé à la réception");
  await expect(rowOf(refused).getByTestId("etat-depot")).toContainText("ACRF 125 : Signature (FS) invalide");
  await expect(rowOf(refused).getByTestId("etat-depot")).toContainText("Signature valide (certificat « CN=Batch »)");
  await expect(rowOf(anomalies).getByTestId("etat-depot")).toContainText(/^refusé \(anomalies bloquantes\)/);
  await expect(rowOf(anomalies).getByTestId("etat-depot")).toContainText("Anomalie 00012-004, classe B (bloquante) : Zone obligatoire absente");
  await expect(page.getByText("Accusés qui ne citent aucun envoi du portail")).toBeVisible();
  await expect(page.getByText("accusé suspect non interprété (DOCTYPE ou entités)")).toBeVisible();
  await expect(rowOf(untrusted).getByTestId("etat-depot")).toContainText(
    "ACRF 153 : Le certificat ne correspond pas à son titulaire (certificat non enregistré pour ce canal)",
  );
  await expect(rowOf(untrusted).getByTestId("signature-accuse")).toHaveText(
    "Signature intacte (certificat « C=BE, O=Smals, CN=Batch »), mais chaîne refusée : le certificat n'est pas émis par une autorité acceptée (aucun chemin vers la liste configurée).",
  );
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations).toEqual([]);

  // The same page for a GL whose account is in Dutch: statuses, ACRF labels and the signature's note in Dutch.
  await db.person.update({ where: { id: gl.id }, data: { language: "nl" } });
  const nl = await (await browser.newContext()).newPage();
  await signIn(nl, gl);
  await nl.goto("/canaux");
  const nlRowOf = (d: { setName: string }) => nl.getByTestId("depots").getByRole("row").filter({ hasText: d.setName });
  await expect(nlRowOf(untrusted).getByTestId("etat-depot")).toContainText("geweigerd bij ontvangst");
  await expect(nlRowOf(untrusted).getByTestId("etat-depot")).toContainText(
    "ACRF 153: Het certificaat komt niet overeen met zijn houder (certificaat niet geregistreerd voor dit kanaal)",
  );
  await expect(nlRowOf(untrusted).getByTestId("signature-accuse")).toHaveText(
    "Ongeschonden handtekening (certificaat « C=BE, O=Smals, CN=Batch »), maar keten geweigerd: het certificaat is niet uitgegeven door een aanvaarde certificeringsautoriteit (geen pad naar de ingestelde lijst).",
  );
  await expect(nlRowOf(refused).getByTestId("etat-depot")).toContainText("ACRF 125: Signature (FS) invalide"); // recorded earlier in French: kept as it was
  await nl.context().close();
});
