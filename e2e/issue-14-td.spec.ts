import { readdirSync, statSync } from "node:fs";
import path from "node:path";

import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

import { type LoopbackSshd, startLoopbackSshd } from "../tests/sftp/loopback-sshd";

import { onssChannel } from "./fixtures/batch-channel";
import { db } from "./fixtures/data";
import { E2E_SFTP_HOST_KEY, E2E_SFTP_PORT } from "./fixtures/e2e-env";
import { signIn } from "./fixtures/sign-in";

// Issue 14, « TD »: a person deposits a sending without its GO (« déposer sans lancer le
// traitement »), cancels it with « Annuler l'envoi (TD) », launches another with « Lancer le
// traitement (GO) », and is told, on a page opened before a colleague launched it, that a TD no
// longer cancels a sending whose GO is there. Then, in Dutch: the statuses and a refusal reason of
// the server's FS check. Against a real sshd on loopback (the one the e2e web server pins,
// e2e/fixtures/e2e-env.ts); what lands in INTEST is read from the server's folder. Expected texts
// are written by hand (messages/fr|nl/batch.json, docs/glossary.md).

let sshd: LoopbackSshd;

test.beforeAll(async () => {
  sshd = await startLoopbackSshd({ port: E2E_SFTP_PORT, hostKeyFile: E2E_SFTP_HOST_KEY });
});
test.afterAll(async () => {
  await sshd?.stop();
});

test("a sending deposited without its GO is cancelled by its TD, another is launched, and a TD after the GO is refused", async ({
  page: firstPage,
  browser,
}) => {
  let page = firstPage;
  test.setTimeout(300_000);
  const { entity, sender, gl } = await onssChannel({ label: "gl-onss-td", accountName: "Envois annulables", technicalUsername: sshd.username });

  await signIn(page, gl);
  await page.goto("/canaux");
  const keyForm = page.getByRole("form", { name: "Clé du portail pour le canal Envois annulables" });
  await keyForm.getByRole("button", { name: "Générer la clé SSH du portail" }).click();
  await expect(keyForm.getByTestId("confirmation")).toContainText("ssh-ed25519");
  const channel = await db.technicalChannel.findFirstOrThrow({ where: { entityId: entity.id } });
  sshd.authorize(channel.sshPublicKey ?? "");
  const intest = () =>
    readdirSync(path.join(sshd.root, "INTEST"))
      .filter((n) => n.includes(`.${sender}.`))
      .sort();

  const deposit = page.getByRole("form", { name: "Déposer un envoi" });
  const holdOne = async (name: string, sequence: string) => {
    await deposit.getByLabel("Code du service").fill("DMFA");
    await deposit.getByLabel(/Fichiers de données FI/).setInputFiles({ name, mimeType: "application/xml", buffer: Buffer.from(`<${name}/>`) });
    await deposit.getByLabel(/Déposer sans lancer le traitement \(sans GO\)/).check();
    await deposit.getByRole("button", { name: "Déposer", exact: true }).click();
    const confirmation = deposit.getByTestId("depot-confirme");
    // This sending's confirmation (not the previous one's): the portal numbers a new sender's sendings from 00001.
    await expect(confirmation).toContainText(new RegExp(`^Envoi GO\\.DMFA\\.${sender}\\.\\d{8}\\.${sequence}\\.T\\.1 déposé sans GO dans INTEST : FI\\.`));
    return /GO\.DMFA\.\d{6}\.\d{8}\.\d{5}\.T\.1/.exec((await confirmation.textContent()) ?? "")![0];
  };

  // 1. Deposited without its GO: only the FI on the server; the row offers GO and TD.
  const first = await holdOne("partie-1.xml", "00001");
  const firstStem = first.slice(3);
  expect(intest()).toEqual([`FI.${firstStem}.1`]);
  const rowOf = (setName: string) => page.getByTestId("depots").getByRole("row").filter({ hasText: setName });
  await expect(rowOf(first).getByTestId("etat-depot")).toHaveText("déposé sans GO : traitement non lancé");
  await expect(rowOf(first).getByRole("button", { name: "Lancer le traitement (GO)" })).toBeVisible();

  // 2. « Annuler l'envoi (TD) », confirmed: the empty TD, named like the GO, is in INTEST; « annulé (TD) ».
  page.once("dialog", (d) => void d.accept());
  const cancelForm = page.getByRole("form", { name: `Annuler l'envoi ${first}` });
  await cancelForm.getByRole("button", { name: "Annuler l'envoi (TD)" }).click();
  await expect(rowOf(first).getByTestId("etat-depot")).toHaveText("annulé (TD)");
  expect(intest()).toEqual([`FI.${firstStem}.1`, `TD.${firstStem}`]);
  expect(statSync(path.join(sshd.root, "INTEST", `TD.${firstStem}`)).size).toBe(0);
  await expect(rowOf(first).getByRole("button")).toHaveCount(0);
  const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: entity.id, action: "batch.cancelled" } });
  expect([audit.actorId, audit.before, audit.after]).toEqual([
    gl.id,
    { status: "HELD" },
    { status: "CANCELLED", directory: "INTEST", file: `TD.${firstStem}` },
  ]);

  // 3. A second sending held; a colleague's page launches it (GO) while this one still offers the TD.
  const second = await holdOne("partie-2.xml", "00002");
  const secondStem = second.slice(3);
  const colleague = await page.context().newPage();
  await colleague.goto("/canaux");
  await colleague
    .getByRole("form", { name: `Lancer le traitement de l'envoi ${second}` })
    .getByRole("button", { name: "Lancer le traitement (GO)" })
    .click();
  await expect(colleague.getByTestId("depots").getByRole("row").filter({ hasText: second }).getByTestId("etat-depot")).toHaveText(
    "déposé, en attente de l'accusé de réception",
  );
  expect(intest()).toContain(`GO.${secondStem}`);
  await colleague.close();
  // The TD pressed on the page opened before: refused with the reason, nothing written.
  page.once("dialog", (d) => void d.accept());
  const staleCancel = page.getByRole("form", { name: `Annuler l'envoi ${second}` });
  await staleCancel.getByRole("button", { name: "Annuler l'envoi (TD)" }).click();
  await expect(staleCancel.getByTestId("alerte")).toHaveText(
    "Le GO de cet envoi est déjà déposé : son traitement est lancé et un TD ne l'annule plus (le TD annule un envoi qui n'a pas encore son GO).",
  );
  expect(intest()).not.toContain(`TD.${secondStem}`);
  expect(await db.batchDeposit.findFirstOrThrow({ where: { entityId: entity.id, setName: second } })).toMatchObject({ status: "DEPOSITED" });
  await page.reload();
  await expect(rowOf(second).getByRole("button")).toHaveCount(0);
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // 4. In Dutch (the account's language): the statuses, the TD button, and the reason the server's FS check gives.
  await db.person.update({ where: { id: gl.id }, data: { language: "nl" } });
  await page.context().close();
  page = await (await browser.newContext()).newPage();
  await signIn(page, gl);
  await page.goto("/canaux");
  await expect(page.locator("html")).toHaveAttribute("lang", "nl-BE");
  await expect(rowOf(first).getByTestId("etat-depot")).toHaveText("geannuleerd (TD)");
  const third = page.getByRole("form", { name: "Een zending plaatsen" });
  await third.getByLabel("Code van de dienst").fill("DMFA");
  await third.getByLabel(/Plaatsen zonder de verwerking te starten/).check();
  await third.getByLabel(/FI-gegevensbestanden/).setInputFiles({ name: "deel-3.xml", mimeType: "application/xml", buffer: Buffer.from("<deel3/>") });
  await third.getByRole("button", { name: "Plaatsen", exact: true }).click();
  await expect(third.getByTestId("depot-confirme")).toContainText(/zonder GO geplaatst in INTEST/);
  const held = page.getByTestId("depots").getByRole("row").filter({ hasText: "geplaatst zonder GO: verwerking niet gestart" });
  await expect(held.getByRole("button", { name: "Zending annuleren (TD)" })).toBeVisible();
  await expect(held.getByRole("button", { name: "Verwerking starten (GO)" })).toBeVisible();

  await third.getByLabel("Code van de dienst").fill("DMFA"); // the form was emptied after the deposit
  await third.getByLabel("Omgeving").selectOption("R");
  await third.getByLabel(/Plaatsen zonder de verwerking te starten/).uncheck();
  await third.getByLabel("De buiten het portaal gemaakte FS toevoegen (sleutel op kaart of token)").check();
  await third.getByLabel(/FI-gegevensbestanden/).setInputFiles({ name: "deel-1.xml", mimeType: "application/xml", buffer: Buffer.from("<deel1/>") });
  await third.getByLabel(/FS-handtekeningen \(één per FI-bestand, in dezelfde volgorde\)/).setInputFiles({
    name: "deel-1.fs",
    mimeType: "application/octet-stream",
    buffer: Buffer.from("geen base64 !"),
  });
  await third.getByRole("button", { name: "Plaatsen", exact: true }).click();
  await expect(third.getByTestId("alerte")).toContainText(
    "FS-handtekening van deel 1 geweigerd: Het FS-bestand is geen handtekening in Base64 (richtlijnen van het batchkanaal). De sociale zekerheid zou de zending weigeren (ontvangstbevestiging ACRF, code 125): er werd niets geplaatst.",
  );
  expect(readdirSync(path.join(sshd.root, "IN")).filter((n) => n.includes(`.${sender}.`))).toEqual([]);
  const axeNl = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(axeNl.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
