import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type Request } from "@playwright/test";

import type { FileCryptoErrorCode } from "../lib/forem/crypto";

import { createCentre, createPerson, db } from "./fixtures/data";
import { cpasStaff, openAs } from "./fixtures/signed-in";
import { signIn } from "./fixtures/sign-in";

// Interop with the real OpenSSL binary, the one FOREM uses (seed 000): the page must produce and
// read exactly `openssl aes-256-cbc -salt -pbkdf2 -iter 10000` files.
const OPENSSL = process.env.OPENSSL_PATH ?? "/usr/bin/openssl";
const MIB = 1024 * 1024;
const PASSWORD = "Liste-Impulsion-2026-secret";
// The French messages a person reads (messages/fr/encryption.json), written by hand (issue 13).
const MESSAGES: Record<FileCryptoErrorCode, string> = {
  NOT_OPENSSL_SALTED: "Ce fichier n'est pas un fichier chiffré au format OpenSSL (en-tête « Salted__ » absent ou fichier trop court).",
  TRUNCATED: "Le fichier chiffré est incomplet ou tronqué (sa taille n'est pas un multiple de 16 octets ou il ne contient aucune donnée).",
  WRONG_PASSWORD_OR_CORRUPTED: "Mot de passe incorrect ou fichier endommagé : le déchiffrement a échoué.",
  WEAK_PASSWORD: "Le mot de passe doit contenir au moins 12 caractères.",
  VERY_WEAK_PASSWORD:
    "Mot de passe trop facile à deviner (robustesse « Très faible ») : il est fait de répétitions, de suites comme « abc » ou « 123 », ou de mots courants. Choisissez une longue phrase de passe ou utilisez « Générer un mot de passe ».",
  PASSWORD_MISMATCH: "Les deux mots de passe saisis ne sont pas identiques.",
};
const message = (code: FileCryptoErrorCode) => MESSAGES[code];

let dir: string;
test.beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "chiffrement-e2e-"));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `-pass file:` keeps the password out of the process list, as docs/encryption.md advises. */
function openssl(direction: "-e" | "-d", input: string, output: string, password: string) {
  const passFile = path.join(dir, `mdp-${randomBytes(4).toString("hex")}.txt`);
  writeFileSync(passFile, `${password}\n`, { mode: 0o600 });
  execFileSync(OPENSSL, ["aes-256-cbc", direction, "-salt", "-pbkdf2", "-iter", "10000", "-pass", `file:${passFile}`, "-in", input, "-out", output], {
    stdio: "pipe",
  });
}

/** Plain file + its OpenSSL encryption; `wrongPassword` guarantees openssl itself rejects that password. */
function opensslEncrypted(name: string, content: Buffer, wrongPassword?: string): string {
  const plain = path.join(dir, name);
  writeFileSync(plain, content);
  for (;;) {
    openssl("-e", plain, `${plain}.enc`, PASSWORD);
    if (!wrongPassword) return `${plain}.enc`;
    // A wrong password passes the padding check about 1 time in 256: redraw the salt until it does not.
    try {
      openssl("-d", `${plain}.enc`, path.join(dir, "ignore"), wrongPassword);
    } catch {
      return `${plain}.enc`;
    }
  }
}

/** The page as a CPAS staff member: one per worker, signed in once (fixtures/signed-in.ts); the page keeps nothing on the server. */
async function openPage(page: Page, query = "?telechargement=1") {
  await openAs(page, "chiffrement", cpasStaff, `/chiffrement${query}`);
  await expect(page.getByRole("heading", { level: 1, name: "Chiffrement local de fichiers" })).toBeVisible();
}

async function choose(page: Page, name: string, buffer: Buffer) {
  await page.getByLabel("Fichier", { exact: true }).setInputFiles({ name, mimeType: "application/octet-stream", buffer });
}

async function fillPasswords(page: Page, password: string, confirmation = password) {
  await page.getByLabel("Mot de passe", { exact: true }).fill(password);
  await page.getByLabel("Confirmez le mot de passe").fill(confirmation);
}

async function downloadAfter(page: Page, button: string, target: string) {
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: button }).click();
  const file = await download;
  await file.saveAs(path.join(dir, target));
  return { suggested: file.suggestedFilename(), bytes: readFileSync(path.join(dir, target)) };
}

test("files of every edge size encrypted in the page decrypt with openssl, and no request carries the file or the password", async ({ page }) => {
  await openPage(page);
  const requests: Request[] = [];
  page.on("request", (r) => requests.push(r));
  const contents: Buffer[] = [];
  for (const size of [0, 1, 15, 16, 17, MIB, MIB + 5]) {
    const content = randomBytes(size);
    contents.push(content);
    const name = `liste-${size}.xlsx`;
    await choose(page, name, content);
    await fillPasswords(page, PASSWORD);
    const { suggested } = await downloadAfter(page, "Chiffrer le fichier", `${name}.enc`);
    expect(suggested).toBe(`${name}.enc`);
    expect(statSync(path.join(dir, `${name}.enc`)).size).toBe(16 + (Math.floor(size / 16) + 1) * 16);
    openssl("-d", path.join(dir, `${name}.enc`), path.join(dir, name), PASSWORD);
    expect(readFileSync(path.join(dir, name)).equals(content), `${size} octets`).toBe(true);
    await expect(page.getByTestId("nom-resultat")).toHaveText(`${name}.enc`);
    await expect(page.getByRole("progressbar", { name: "Progression du chiffrement" })).toHaveAttribute("value", "100");
  }
  await expect(page.getByTestId("resultat")).toContainText("1,0 Mo");
  await expect(page.getByTestId("commande-openssl")).toHaveText(
    `openssl aes-256-cbc -d -salt -pbkdf2 -iter 10000 -in liste-${MIB + 5}.xlsx.enc -out liste-${MIB + 5}.xlsx`,
  );

  // What left the browser during the seven operations: nothing but the idle watcher's empty ping.
  const secrets = [Buffer.from(PASSWORD), ...contents.filter((c) => c.length >= 16)];
  for (const r of requests) {
    expect(decodeURIComponent(r.url())).not.toContain(PASSWORD);
    const body = r.postDataBuffer();
    if (body) for (const secret of secrets) expect(body.includes(secret), `${r.method()} ${r.url()}`).toBe(false);
  }
  const writes = requests.filter((r) => r.method() !== "GET" && new URL(r.url()).pathname !== "/api/session/ping");
  expect(writes.map((r) => `${r.method()} ${r.url()}`)).toEqual([]);
});

test("openssl files decrypt in the page under their original name; wrong password, truncated or foreign files give the French error", async ({ page }) => {
  await openPage(page);
  await page.getByRole("radio", { name: /^Déchiffrer/ }).check();
  await expect(page.getByLabel("Confirmez le mot de passe")).toHaveCount(0);
  for (const size of [0, 17, MIB + 5]) {
    const content = randomBytes(size);
    const encrypted = opensslEncrypted(`recu-${size}.xlsx`, content);
    await choose(page, `recu-${size}.xlsx.enc`, readFileSync(encrypted));
    await page.getByLabel("Mot de passe", { exact: true }).fill(PASSWORD);
    const { suggested, bytes } = await downloadAfter(page, "Déchiffrer le fichier", `page-${size}.xlsx`);
    expect(suggested).toBe(`recu-${size}.xlsx`);
    expect(bytes.equals(content), `${size} octets`).toBe(true);
    await expect(page.getByTestId("nom-resultat")).toHaveText(`recu-${size}.xlsx`);
  }

  let downloads = 0;
  page.on("download", () => downloads++);
  const failures: { name: string; data: Buffer; password: string; code: FileCryptoErrorCode }[] = [];
  const good = readFileSync(opensslEncrypted("faux.xlsx", randomBytes(100), "Mauvais-Mot-De-Passe-1"));
  failures.push({ name: "faux.xlsx.enc", data: good, password: "Mauvais-Mot-De-Passe-1", code: "WRONG_PASSWORD_OR_CORRUPTED" });
  failures.push({ name: "coupe.xlsx.enc", data: good.subarray(0, good.length - 5), password: PASSWORD, code: "TRUNCATED" });
  failures.push({ name: "entete.xlsx.enc", data: good.subarray(0, 16), password: PASSWORD, code: "TRUNCATED" });
  failures.push({ name: "pas-openssl.xlsx.enc", data: randomBytes(64), password: PASSWORD, code: "NOT_OPENSSL_SALTED" });
  for (const f of failures) {
    await choose(page, f.name, f.data);
    await page.getByLabel("Mot de passe", { exact: true }).fill(f.password);
    await page.getByRole("button", { name: "Déchiffrer le fichier" }).click();
    await expect(page.getByTestId("alerte"), f.code).toHaveText(message(f.code));
  }
  expect(downloads).toBe(0);
});

test("with a native save dialog the result streams to the chosen file, and a wrong password is refused before the dialog opens", async ({ page }) => {
  // Stand-in for Chromium's showSaveFilePicker (a headless test cannot click a native dialog).
  await page.addInitScript(() => {
    type Entry = { name: string; state: string; chunks: Uint8Array[] };
    const saved: Entry[] = [];
    Object.assign(window, {
      __saved: saved,
      showSaveFilePicker: async ({ suggestedName }: { suggestedName: string }) => {
        const entry: Entry = { name: suggestedName, state: "ouvert", chunks: [] };
        saved.push(entry);
        const sink = {
          write: (c: Uint8Array) => void entry.chunks.push(c),
          close: () => void (entry.state = "ferme"),
          abort: () => void (entry.state = "annule"),
        };
        return { name: suggestedName, createWritable: async () => new WritableStream(sink) };
      },
    });
  });
  await openPage(page, "");
  let downloads = 0;
  page.on("download", () => downloads++);
  const content = randomBytes(MIB + 5);
  await choose(page, "flux.xlsx", content);
  await fillPasswords(page, PASSWORD);
  await page.getByRole("button", { name: "Chiffrer le fichier" }).click();
  await expect(page.getByTestId("nom-resultat")).toHaveText("flux.xlsx.enc");
  await expect(page.getByRole("link", { name: /Télécharger à nouveau/ })).toHaveCount(0);
  const written = await page.evaluate(() => {
    const entry = (window as unknown as { __saved: { state: string; chunks: Uint8Array[] }[] }).__saved[0]!;
    let binary = "";
    for (const chunk of entry.chunks) for (let i = 0; i < chunk.length; i += 0x8000) binary += String.fromCharCode(...chunk.subarray(i, i + 0x8000));
    return { state: entry.state, base64: btoa(binary) };
  });
  expect(written.state).toBe("ferme");
  writeFileSync(path.join(dir, "flux.xlsx.enc"), Buffer.from(written.base64, "base64"));
  openssl("-d", path.join(dir, "flux.xlsx.enc"), path.join(dir, "flux.xlsx"), PASSWORD);
  expect(readFileSync(path.join(dir, "flux.xlsx")).equals(content)).toBe(true);

  // A wrong password is refused on the last block's padding before the dialog opens (issue 15).
  await page.getByRole("radio", { name: /^Déchiffrer/ }).check();
  await choose(page, "flux-faux.xlsx.enc", readFileSync(opensslEncrypted("flux-faux.xlsx", randomBytes(MIB), "Mauvais-Mot-De-Passe-2")));
  await page.getByLabel("Mot de passe", { exact: true }).fill("Mauvais-Mot-De-Passe-2");
  await page.getByRole("button", { name: "Déchiffrer le fichier" }).click();
  await expect(page.getByTestId("alerte")).toHaveText(message("WRONG_PASSWORD_OR_CORRUPTED"));
  const states = await page.evaluate(() => (window as unknown as { __saved: { name: string; state: string }[] }).__saved.map((e) => `${e.name}:${e.state}`));
  expect(states).toEqual(["flux.xlsx.enc:ferme"]);
  expect(downloads).toBe(0);
});

test("« Annuler » stops the work at once: the file being written is abandoned and the page says so (issue 15)", async ({ page }) => {
  // A slow disk: each write takes 300 ms, so the operation is still running when the button is clicked.
  await page.addInitScript(() => {
    type Entry = { name: string; state: string; bytes: number };
    const saved: Entry[] = [];
    Object.assign(window, {
      __saved: saved,
      showSaveFilePicker: async ({ suggestedName }: { suggestedName: string }) => {
        const entry: Entry = { name: suggestedName, state: "ouvert", bytes: 0 };
        saved.push(entry);
        const sink = {
          write: (c: Uint8Array) => new Promise<void>((resolve) => setTimeout(() => resolve(void (entry.bytes += c.length)), 300)),
          close: () => void (entry.state = "ferme"),
          abort: () => void (entry.state = "annule"),
        };
        return { name: suggestedName, createWritable: async () => new WritableStream(sink) };
      },
    });
  });
  await openPage(page, "");
  const content = randomBytes(24 * MIB);
  writeFileSync(path.join(dir, "long.xlsx"), content); // a path: a buffer this size is slow to hand over
  await page.getByLabel("Fichier", { exact: true }).setInputFiles(path.join(dir, "long.xlsx"));
  await fillPasswords(page, PASSWORD);
  await page.getByRole("button", { name: "Chiffrer le fichier" }).click();
  const written = () => page.evaluate(() => (window as unknown as { __saved: { state: string; bytes: number }[] }).__saved[0]!);
  await expect.poll(async () => (await written()).bytes).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Annuler" }).click();
  await expect(page.getByTestId("annule")).toHaveText("Opération annulée : aucun fichier n'a été enregistré.");
  await expect.poll(async () => (await written()).state).toBe("annule");
  const atCancel = (await written()).bytes;
  expect(atCancel).toBeLessThan(content.length);
  await page.waitForTimeout(1_000);
  expect((await written()).bytes, "no slice written after the cancel").toBe(atCancel);
  await expect(page.getByRole("button", { name: "Annuler" })).toHaveCount(0);
  await expect(page.getByTestId("resultat")).toHaveCount(0);
  // The page is usable again at once.
  await expect(page.getByRole("button", { name: "Chiffrer le fichier" })).toBeEnabled();
});

test("without a streamed download (?telechargement=blob) the result is a Blob, offered again by a link", async ({ page }) => {
  await openPage(page, "?telechargement=blob");
  const content = randomBytes(MIB + 17);
  await choose(page, "blob.xlsx", content);
  await fillPasswords(page, PASSWORD);
  const { bytes } = await downloadAfter(page, "Chiffrer le fichier", "blob.xlsx.enc");
  writeFileSync(path.join(dir, "blob.xlsx.enc"), bytes);
  openssl("-d", path.join(dir, "blob.xlsx.enc"), path.join(dir, "blob.xlsx"), PASSWORD);
  expect(readFileSync(path.join(dir, "blob.xlsx")).equals(content)).toBe(true);
  await expect(page.getByRole("link", { name: "Télécharger à nouveau blob.xlsx.enc" })).toBeVisible();
});

test("password rules: generator fills both fields and shows the password, weak or different passwords are refused, modes switch by keyboard", async ({
  page,
}) => {
  await openPage(page);
  let downloads = 0;
  page.on("download", () => downloads++);
  await choose(page, "liste.xlsx", Buffer.from("NISS;debut;fin\n"));

  await fillPasswords(page, "Court-2026");
  await page.getByRole("button", { name: "Chiffrer le fichier" }).click();
  await expect(page.getByTestId("alerte")).toHaveText(message("WEAK_PASSWORD"));
  await fillPasswords(page, PASSWORD, `${PASSWORD}x`);
  await page.getByRole("button", { name: "Chiffrer le fichier" }).click();
  await expect(page.getByTestId("alerte")).toHaveText(message("PASSWORD_MISMATCH"));
  expect(downloads).toBe(0);

  await page.getByRole("button", { name: "Générer un mot de passe" }).click();
  const generated = (await page.getByTestId("mot-de-passe-genere").textContent())!.trim();
  expect(generated).toHaveLength(24);
  await expect(page.getByLabel("Mot de passe", { exact: true })).toHaveValue(generated);
  await expect(page.getByLabel("Confirmez le mot de passe")).toHaveValue(generated);
  await expect(page.getByTestId("robustesse")).toContainText("Très fort");
  const { bytes } = await downloadAfter(page, "Chiffrer le fichier", "genere.xlsx.enc");
  writeFileSync(path.join(dir, "genere.xlsx.enc"), bytes);
  openssl("-d", path.join(dir, "genere.xlsx.enc"), path.join(dir, "genere.xlsx"), generated);
  expect(readFileSync(path.join(dir, "genere.xlsx"), "utf8")).toBe("NISS;debut;fin\n");
  // Every part on screen at once: generated password, strength, progress, result, sending steps.
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await page.getByRole("radio", { name: /^Chiffrer/ }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: /^Déchiffrer/ })).toBeChecked();
  await expect(page.getByRole("button", { name: "Déchiffrer le fichier" })).toBeVisible();
});

test("only CPAS staff see the page: the link is in the CPAS header, an ONEM collaborator gets a 404", async ({ page }) => {
  const cpas = await createCentre();
  const staff = await createPerson({ entityId: cpas.entity.id, label: "agent-cpas" });
  await signIn(page, staff);
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Chiffrement" }).click();
  await expect(page).toHaveURL(/\/chiffrement$/);
  await expect(page.getByTestId("local-uniquement")).toContainText("Tout se passe dans votre navigateur");
  await page.context().clearCookies();

  const onem = await createCentre();
  await db.entity.update({ where: { id: onem.entity.id }, data: { kind: "ONEM" } });
  const collaborator = await createPerson({ entityId: onem.entity.id, label: "agent-onem" });
  await signIn(page, collaborator);
  await expect(page.getByRole("link", { name: "Chiffrement" })).toHaveCount(0);
  const response = await page.goto("/chiffrement");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
});
