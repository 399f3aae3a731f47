import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";

import { expect, test, type Page } from "@playwright/test";

import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../lib/seed/demo-accounts";

import { db, freshCode } from "./fixtures/data";
import { openUserMenu } from "./fixtures/sign-in";

const { newTotpSecret } = await import("../lib/auth/totp");
const { seal } = await import("../lib/crypto/keys");

// Issue 11: « the e2e suite gains a walk of every demo role that visits every navigation entry,
// asserts no 404/500, no console error, no English or raw enum text on the page, and takes a
// screenshot per page into the test report. » Each demo account of the README signs in with the
// demo password and a second factor enrolled for the walk (as the fixtures enrol theirs), then
// opens every entry of its navigation and of its user menu.

// Raw internals a person must never read: enum values (DRAFT, AGENT_SOCIAL, ART_60_7…) and the
// English a framework leaks when something went wrong.
const RAW_ENUM = /\b[A-Z]{2,}_[A-Z0-9_]+\b/;
const ENGLISH = /\b(undefined|null|NaN|Invalid Date|Error|Not Found|Loading|Submit|Cancel|Sign (in|out)|Dashboard|Unauthorized|Forbidden|Internal Server)\b/;

/** Signs the demo account in, with a second factor enrolled for the walk and the usage policy accepted if asked. */
async function signInDemo(page: Page, email: string) {
  const secret = newTotpSecret();
  await db.person.updateMany({
    where: { email, status: { not: "INVITED" } },
    // This walk reads the French pages: the account's language is French whatever another spec set.
    data: { language: "fr", totpSecretEnc: seal(secret), totpEnabledAt: new Date(), totpLastStep: null, lockedUntil: null, failedLogins: 0 },
  });
  await page.context().clearCookies();
  await page.goto("/login");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Continuer" }).click();
  await page.getByLabel("Code de vérification").fill(await freshCode(secret));
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL(/\/(tableau-de-bord|politique-utilisation)/);
  if (page.url().includes("/politique-utilisation")) {
    await page.getByLabel(/J'ai lu la politique/).check();
    await page.getByRole("button", { name: "J'accepte" }).click();
    await page.waitForURL(/\/tableau-de-bord/);
  }
}

// One test per account, independent of the others (each signs its account in afresh): they are
// shared among the workers instead of all running in one (issue 15, goal 6: this file, one of the
// longest, otherwise ran alone at the end of the run while the other worker idled).
test.describe.configure({ mode: "parallel" });

for (const account of DEMO_ACCOUNTS) {
  test(`walk: ${account.label} (${account.email})`, async ({ page }, testInfo) => {
    test.setTimeout(180_000);
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(`${page.url()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
    await signInDemo(page, account.email);

    const nav = page.getByRole("navigation", { name: "Navigation principale" });
    const entries = await nav.getByRole("link").evaluateAll((as) => as.map((a) => ({ href: a.getAttribute("href")!, label: a.textContent!.trim() })));
    await openUserMenu(page);
    const menuId = await page.getByRole("button", { name: /^Menu de / }).getAttribute("aria-controls");
    const own = await page.locator(`[id="${menuId}"] a`).evaluateAll((as) => as.map((a) => ({ href: a.getAttribute("href")!, label: a.textContent!.trim() })));
    expect(entries.length, "navigation entries").toBeGreaterThan(0);

    for (const [i, entry] of [...entries, ...own].entries()) {
      const res = await page.goto(entry.href);
      const where = `${account.email} → ${entry.label} (${entry.href})`;
      expect.soft(res?.status(), where).toBeLessThan(400);
      await expect.soft(page.getByRole("heading", { name: "Page introuvable" }), where).toHaveCount(0);
      await expect.soft(page.getByText(/Une erreur inattendue est survenue/), where).toHaveCount(0);
      const text = await page.locator("body").innerText();
      expect.soft(text.match(RAW_ENUM)?.[0] ?? null, `${where}: raw enum`).toBeNull();
      expect.soft(text.match(ENGLISH)?.[0] ?? null, `${where}: English`).toBeNull();
      const file = testInfo.outputPath(`${String(i + 1).padStart(2, "0")}-${entry.href.replaceAll("/", "_")}.png`);
      await page.screenshot({ path: file, fullPage: true });
      await testInfo.attach(`${entry.label} (${entry.href})`, { path: file, contentType: "image/png" });
      // A copy outside test-results (which the next Playwright run empties), to look at them afterwards.
      if (process.env.WALK_SCREENSHOTS_DIR) {
        const dir = path.join(process.env.WALK_SCREENSHOTS_DIR, account.email);
        mkdirSync(dir, { recursive: true });
        copyFileSync(file, path.join(dir, path.basename(file)));
      }
    }
    expect.soft(errors, "console errors").toEqual([]);
  });
}
