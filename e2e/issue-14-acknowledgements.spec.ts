import { createHash, randomInt } from "node:crypto";

import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

import { makeChannelCredentials } from "../lib/batch/testing";

import { createCentre, createPerson, db, ensureRole } from "./fixtures/data";
import { signIn } from "./fixtures/sign-in";

// Issue 14: what the acknowledgements of the social security say is shown on each deposit of the
// Chaman page. The deposits and the acknowledgements the portal recorded (as fetchAcknowledgements
// leaves them: lib/batch/deposits.integration.test.ts reads them from a real sshd) are put in the
// database; the page must show the status and the details in French, and stay accessible.

test("each deposit shows the status its ACRF and NOTI give, with the codes and anomalies in French", async ({ page }) => {
  const { entity } = await createCentre();
  const sender = String(randomInt(200_000, 999_998));
  const onss = await db.quality.create({
    data: { entityId: entity.id, type: "EMPLOYEUR_ONSS", identifier: "012345678", isActive: true, senderNumber: sender },
  });
  const gl = await createPerson({ entityId: entity.id, label: "gl-onss-accuses" });
  await ensureRole({ personId: gl.id, role: "GL", entityId: entity.id, qualityId: onss.id });
  const creds = makeChannelCredentials();
  const channel = await db.technicalChannel.create({
    data: {
      entityId: entity.id,
      qualityId: onss.id,
      kind: "SFTP",
      accountName: "Dépôts du portail",
      services: ["DMFA"],
      certificateName: "Certificat 2026",
      certificateDer: new Uint8Array(creds.certificateDer),
      certificateSubject: "CN=Canal batch",
      certificateFingerprint: createHash("sha256").update(creds.certificateDer).digest("hex"),
      certificateValidTo: new Date(Date.now() + 300 * 86_400_000),
      technicalUsername: `exp${Date.now()}`,
      sshPublicKey: creds.sshPublicKey.trim(),
      sshKeyFingerprint: creds.sshFingerprint,
      createdById: gl.id,
    },
  });
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
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations).toEqual([]);
});
