import { createHash, randomInt } from "node:crypto";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import AxeBuilder from "@axe-core/playwright";
import { expect, type Request, test } from "@playwright/test";

import { makeChannelCredentials } from "../lib/batch/testing";
import { exportPkcs12, makeSigner, opensslVerifiesPem } from "../lib/batch/testing-signatures";
import { type LoopbackSshd, startLoopbackSshd } from "../tests/sftp/loopback-sshd";

import { createCentre, createPerson, db, ensureRole } from "./fixtures/data";
import { E2E_SFTP_HOST_KEY, E2E_SFTP_PORT } from "./fixtures/e2e-env";
import { signIn } from "./fixtures/sign-in";
import { releaseTechnicalUsername } from "./fixtures/technical-username";

// Issue 14: a centre signs a two-part sending in Chromium with a PKCS#12 file made by
// `openssl pkcs12 -export`, deposits it on a real sshd on loopback (the one the e2e web server is
// configured to pin, e2e/fixtures/e2e-env.ts), and reads its status. Every request the page makes
// is recorded: neither the PKCS#12 password, nor the file, nor the private key is ever sent.

const P12_PASSWORD = "Phrase-de-passe du certificat 2026 !";
let sshd: LoopbackSshd;

test.beforeAll(async () => {
  sshd = await startLoopbackSshd({ port: E2E_SFTP_PORT, hostKeyFile: E2E_SFTP_HOST_KEY });
});
test.afterAll(async () => {
  await sshd?.stop();
});

test("two FI parts signed in the browser from a .p12, deposited on the SFTP server, then received", async ({ page }) => {
  const signer = makeSigner({ subject: "/C=BE/O=CPAS de Test/CN=Certificat du canal" });
  const stranger = makeSigner({ subject: "/C=BE/O=Autre/CN=Autre certificat" });
  const p12 = exportPkcs12(signer, P12_PASSWORD);
  const strangerP12 = exportPkcs12(stranger, P12_PASSWORD);
  const keyDer = execFileSync("openssl", ["pkey", "-in", signer.key, "-outform", "DER"]);
  const keyPemBody = readFileSync(signer.key, "utf8")
    .split("\n")
    .filter((l) => l && !l.startsWith("-----"))
    .join("");

  const { entity } = await createCentre();
  const sender = String(randomInt(200_000, 999_998));
  const onss = await db.quality.create({
    data: { entityId: entity.id, type: "EMPLOYEUR_ONSS", identifier: "012345678", isActive: true, senderNumber: sender },
  });
  const gl = await createPerson({ entityId: entity.id, label: "gl-onss-signature" });
  await ensureRole({ personId: gl.id, role: "GL", entityId: entity.id, qualityId: onss.id });
  const ssh = makeChannelCredentials();
  // The loopback server has one account; technical user names are unique: an earlier run's channel lets go of it.
  await releaseTechnicalUsername(sshd.username);
  // The channel as Chaman knows it: the certificate of the .p12 registered on it; the technical
  // user is the loopback server's account.
  const channel = await db.technicalChannel.create({
    data: {
      entityId: entity.id,
      qualityId: onss.id,
      kind: "SFTP",
      accountName: "Dépôts signés",
      services: ["DMFA"],
      certificateName: "Certificat 2026",
      certificateDer: new Uint8Array(signer.certificateDer),
      certificateSubject: "C=BE, O=CPAS de Test, CN=Certificat du canal",
      certificateFingerprint: createHash("sha256").update(signer.certificateDer).digest("hex"),
      certificateValidTo: new Date(Date.now() + 300 * 86_400_000),
      technicalUsername: sshd.username,
      sshPublicKey: ssh.sshPublicKey.trim(),
      sshKeyFingerprint: ssh.sshFingerprint,
      createdById: gl.id,
    },
  });

  await signIn(page, gl);
  // Chromium does not hand file contents of a multipart body to Playwright's request events, so
  // the page's own fetch and XMLHttpRequest are also recorded, every part of every body in full.
  await page.addInitScript(() => {
    const sent: string[] = [];
    (window as unknown as { __sentBodies: string[] }).__sentBodies = sent;
    const base64 = async (blob: Blob) => {
      let binary = "";
      for (const byte of new Uint8Array(await blob.arrayBuffer())) binary += String.fromCharCode(byte);
      return btoa(binary);
    };
    const record = async (body: unknown) => {
      if (body instanceof FormData) {
        for (const [name, value] of body.entries()) sent.push(await base64(typeof value === "string" ? new Blob([`${name}=${value}`]) : value));
      } else if (body instanceof Blob) sent.push(await base64(body));
      else if (typeof body === "string" || body instanceof ArrayBuffer || ArrayBuffer.isView(body)) sent.push(await base64(new Blob([body as BlobPart])));
      else if (body instanceof URLSearchParams) sent.push(await base64(new Blob([body.toString()])));
    };
    const originalFetch = window.fetch.bind(window);
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      await record(init?.body ?? (input instanceof Request ? await input.clone().blob() : undefined));
      return originalFetch(input, init);
    };
    const originalSend = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.send = function (body?: Document | XMLHttpRequestBodyInit | null) {
      void record(body);
      return originalSend.call(this, body);
    };
  });
  await page.goto("/canaux");
  const keyForm = page.getByRole("form", { name: "Clé du portail pour le canal Dépôts signés" });
  await keyForm.getByRole("button", { name: "Générer la clé SSH du portail" }).click();
  await expect(keyForm.getByTestId("confirmation")).toContainText("ssh-ed25519");
  sshd.authorize((await db.technicalChannel.findUniqueOrThrow({ where: { id: channel.id } })).sshPublicKey ?? "");

  const requests: Request[] = [];
  page.on("request", (r) => requests.push(r));
  const fi1 = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<FLA><Partie>1</Partie><Nom>Dupont é</Nom></FLA>\n');
  const fi2 = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<FLA><Partie>2</Partie></FLA>\n');
  const deposit = page.getByRole("form", { name: "Déposer un envoi" });
  const fill = async (p12File: Buffer, password: string) => {
    await deposit.getByLabel("Code du service").fill("DMFA");
    await deposit.getByLabel("Environnement").selectOption("R");
    await deposit.getByLabel(/Fichiers de données FI/).setInputFiles([
      { name: "partie-1.xml", mimeType: "application/xml", buffer: fi1 },
      { name: "partie-2.xml", mimeType: "application/xml", buffer: fi2 },
    ]);
    await deposit.getByLabel("Signer ici, dans le navigateur, avec le fichier PKCS#12 du certificat").check();
    await deposit.getByLabel(/Certificat et clé privée \(PKCS#12/).setInputFiles({ name: "certificat.p12", mimeType: "application/x-pkcs12", buffer: p12File });
    await deposit.getByLabel("Mot de passe du fichier PKCS#12").fill(password);
    await deposit.getByRole("button", { name: "Déposer" }).click();
  };

  // Refused in the page, in French, nothing sent: a wrong password, then another certificate than the channel's.
  await fill(Buffer.from(p12), "mauvais mot de passe");
  await expect(deposit.getByTestId("alerte")).toHaveText("Mot de passe du fichier PKCS#12 incorrect.");
  await fill(Buffer.from(strangerP12), P12_PASSWORD);
  await expect(deposit.getByTestId("alerte")).toContainText(
    "Le certificat « C=BE, O=Autre, CN=Autre certificat » n'est pas celui enregistré sur ce canal dans Chaman (« C=BE, O=CPAS de Test, CN=Certificat du canal »)",
  );
  expect(requests.filter((r) => r.url().includes("/api/canaux/depots"))).toEqual([]);
  expect(readdirSync(path.join(sshd.root, "IN"))).toEqual([]);

  // The right file and password: two FS made in the page, the sending deposited in IN.
  await fill(Buffer.from(p12), P12_PASSWORD);
  const confirmation = deposit.getByTestId("depot-confirme");
  await expect(confirmation).toContainText(new RegExp(`Envoi GO\\.DMFA\\.${sender}\\.\\d{8}\\.00001\\.R\\.2 déposé dans IN`));
  await expect(confirmation).toContainText("Signé dans le navigateur avec le certificat « C=BE, O=CPAS de Test, CN=Certificat du canal ».");
  const setName = /GO\.DMFA\.\d{6}\.\d{8}\.00001\.R\.2/.exec((await confirmation.textContent()) ?? "")![0];
  const stem = setName.slice(3);
  const inDir = path.join(sshd.root, "IN");
  expect(readdirSync(inDir).sort()).toEqual([`FI.${stem}.1`, `FI.${stem}.2`, `FS.${stem}.1`, `FS.${stem}.2`, `GO.${stem}`].sort());
  expect(readFileSync(path.join(inDir, `FI.${stem}.1`))).toEqual(fi1);
  expect(readFileSync(path.join(inDir, `FI.${stem}.2`))).toEqual(fi2);
  const fs1 = new Uint8Array(readFileSync(path.join(inDir, `FS.${stem}.1`)));
  const fs2 = new Uint8Array(readFileSync(path.join(inDir, `FS.${stem}.2`)));
  // openssl itself says each FS is the detached signature of its own FI part, and only of it.
  expect(opensslVerifiesPem(fi1, fs1, signer)).toBe(true);
  expect(opensslVerifiesPem(fi2, fs2, signer)).toBe(true);
  expect(opensslVerifiesPem(fi2, fs1, signer)).toBe(false);
  expect(new TextDecoder().decode(fs1).split("\r\n")[0]).toHaveLength(76);

  // What left the page: the FI parts and the FS, never the password, the .p12 nor the key.
  expect(requests.filter((r) => r.url().includes("/api/canaux/depots"))).toHaveLength(1);
  const inPage = (await page.evaluate(() => (window as unknown as { __sentBodies: string[] }).__sentBodies)).map((b) => Buffer.from(b, "base64"));
  const depositBody = Buffer.concat(inPage);
  expect(depositBody.includes(fi1) && depositBody.includes(fi2) && depositBody.includes(Buffer.from(fs1))).toBe(true); // the recording sees file bodies
  const seenByBrowser = await Promise.all(requests.map(async (r) => Buffer.concat([Buffer.from(r.url()), (await r.postDataBuffer()) ?? Buffer.alloc(0)])));
  for (const body of [...seenByBrowser, ...inPage]) {
    expect(body.includes(Buffer.from(P12_PASSWORD))).toBe(false);
    expect(body.includes(Buffer.from(P12_PASSWORD, "utf16le"))).toBe(false);
    expect(body.includes(Buffer.from(p12))).toBe(false);
    expect(body.includes(Buffer.from(p12).subarray(600, 664))).toBe(false);
    expect(body.includes(Buffer.from(strangerP12).subarray(600, 664))).toBe(false);
    expect(body.includes(keyDer.subarray(100, 164))).toBe(false);
    expect(body.includes(Buffer.from(keyPemBody.slice(200, 264)))).toBe(false);
    expect(body.includes(Buffer.from(Buffer.from(p12).subarray(600, 664).toString("base64")))).toBe(false);
  }

  // The status: waiting for the receipt, then « reçu » once the ACRF is in OUT and read.
  const row = page.getByTestId("depots").getByRole("row").filter({ hasText: setName });
  await expect(row.getByTestId("etat-depot")).toHaveText("déposé, en attente de l'accusé de réception");
  const ackStem = `ACRF.999999.${stem.split(".")[2]}.00042.R`;
  writeFileSync(
    path.join(sshd.root, "OUT", `FO.${ackStem}`),
    `<?xml version="1.0" encoding="UTF-8"?><ACRF><Form><Identification>ACRF001</Identification><FileReference><FileName>FI.${stem}.1</FileName></FileReference><ReceptionResult><ResultCode>1</ResultCode></ReceptionResult></Form></ACRF>`,
  );
  writeFileSync(path.join(sshd.root, "OUT", `GO.${ackStem}`), "");
  const fetchForm = page.getByRole("form", { name: "Relever les accusés de production du canal Dépôts signés" });
  await fetchForm.getByRole("button", { name: "Relever les accusés de OUT" }).click();
  await expect(fetchForm.getByTestId("confirmation")).toHaveText("1 nouvel accusé relevé dans OUT.");
  await expect(row.getByTestId("etat-depot")).toContainText("reçu (accusé de réception positif : sera traité)");

  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  expect(await db.batchDeposit.count({ where: { entityId: entity.id } })).toBe(1);
  expect(await db.auditEvent.count({ where: { entityId: entity.id, action: { in: ["batch.deposited", "batch.acknowledgement_recorded"] } } })).toBe(2);
  signer.dispose();
  stranger.dispose();
});
