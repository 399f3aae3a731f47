import { randomUUID } from "node:crypto";
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";

import { expect, test, type Page } from "@playwright/test";

import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../lib/seed/demo-accounts";

import { db, freshCode } from "./fixtures/data";
import { enrolSecondFactorInDutch } from "./fixtures/sign-in";

const { newTotpSecret } = await import("../lib/auth/totp");
const { seal } = await import("../lib/crypto/keys");
const { buildActor } = await import("../lib/auth/load-actor");
const c607 = await import("../lib/c607/requests");
const { c607Content } = await import("./fixtures/attack/world");

// Issue 13, « Done when »: « A newcomer who picks Nederlands on the sign-in page works through every
// area without meeting a French sentence except the FOREM file and stored data. » Modelled on
// e2e/walk-every-role.spec.ts: every demo account works in Dutch — the first one as a newcomer who
// clicks « Nederlands » on a French sign-in page and enrols there (its account becomes Dutch), the
// others with their language set to nl by fixture — and opens every entry of its navigation and of
// its user menu. A page fails when it shows a French word that never occurs in a Dutch sentence.

// Written by hand: French function words and the portal's French interface words. None is a Dutch
// word (Dutch « de », « en », « in », « op », « van », « pas », « retour »… are not listed), matched as
// whole words, in any case.
const FRENCH_WORDS = [
  "le",
  "la",
  "les",
  "un",
  "une",
  "des",
  "du",
  "au",
  "aux",
  "et",
  "est",
  "sont",
  "pour",
  "avec",
  "sans",
  "dans",
  "sur",
  "par",
  "vous",
  "votre",
  "vos",
  "nous",
  "notre",
  "qui",
  "que",
  "ne",
  "cette",
  "ces",
  "aucun",
  "aucune",
  "été",
  "être",
  "à",
  "où",
  "Enregistrer",
  "Annuler",
  "Modifier",
  "Supprimer",
  "Rechercher",
  "Télécharger",
  "Envoyer",
  "Valider",
  "Fermer",
  "Suivant",
  "Précédent",
  "Connexion",
  "Déconnexion",
  "Mon compte",
  "Mes sessions",
  "Tableau de bord",
  "Gestion",
  "Demande",
  "Demandes",
  "Statut",
  "Prénom",
  "Nom",
  "Qualité",
  "Qualités",
  "Droits",
  "Gestionnaire",
  "Utilisateur",
  "Employeur",
  "Agent social",
  "Conseiller en sécurité",
  "Journal de sécurité",
  "Chiffrement",
  "Canaux techniques",
  "Jetons",
  "Courriels",
  "Messages reçus",
];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// Letters, not \b: « été », « à » and « Précédent » have letters \b does not know.
const FRENCH = new RegExp(`(?<![\\p{L}\\p{N}_'’-])(?:${FRENCH_WORDS.map(escape).join("|")})(?![\\p{L}\\p{N}_'’-])`, "iu");
// French elisions (« l'accès », « d'un », « qu'il », « n'est »): Dutch has « 's » and « zo'n », never these.
const ELISION = /(?<![\p{L}\p{N}_])(?:[ldnjsc]|qu)['’](?=[a-zàâçéèêëîïôûùüÿ])/iu;

/** Every string inside a stored JSON document (a form's lines: descriptions, labels typed by a person). */
function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(stringsIn);
  return [];
}

/** Stored data is never translated (issue 13): the demo seed's and this walk's own, read from the database. */
async function storedTexts(): Promise<string[]> {
  const [entities, subdivisions, people, policies, qualities, ruForms, ruEvents] = await Promise.all([
    db.entity.findMany({ select: { name: true } }),
    db.subdivision.findMany({ select: { name: true } }),
    db.person.findMany({ select: { firstName: true, lastName: true } }),
    db.usagePolicy.findMany({ select: { title: true, body: true } }),
    db.quality.findMany({ select: { email: true } }),
    db.ruForm.findMany({ select: { returnReason: true, content: true } }),
    db.ruEvent.findMany({ select: { note: true } }),
  ]);
  const texts = [
    ...entities.map((e) => e.name),
    ...subdivisions.map((s) => s.name),
    ...people.flatMap((p) => [`${p.firstName} ${p.lastName}`, p.firstName, p.lastName]),
    ...policies.flatMap((p) => [p.title, ...p.body.split(/\n+/)]),
    ...qualities.flatMap((q) => (q.email ? [q.email] : [])),
    ...ruForms.flatMap((f) => [...(f.returnReason ? [f.returnReason] : []), ...stringsIn(f.content)]),
    ...ruEvents.flatMap((e) => (e.note ? [e.note] : [])),
  ];
  // Longest first, so that a name is removed whole before a part of it.
  return [...new Set(texts.map((t) => t.trim()).filter((t) => t.length > 1))].sort((a, b) => b.length - a.length);
}

/** The page's visible text without what may stay French: stored data, parts marked lang="fr" (the FOREM file, « Français »). */
async function dutchText(page: Page, stored: string[]): Promise<string> {
  let text = await page.locator("body").evaluate((body) => {
    const copy = body.cloneNode(true) as HTMLElement;
    for (const el of copy.querySelectorAll('[lang^="fr"], script, style, noscript, [hidden], [aria-hidden="true"]')) el.remove();
    // innerText needs layout: the copy is measured in place, then removed.
    copy.style.position = "absolute";
    copy.style.left = "-99999px";
    document.documentElement.appendChild(copy);
    const t = copy.innerText;
    copy.remove();
    return t;
  });
  for (const s of stored) text = text.split(s).join(" ");
  return text;
}

/** Every line of the page that reads French, with the word that gave it away. */
function frenchLines(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .flatMap((l) => {
      const m = FRENCH.exec(l) ?? ELISION.exec(l);
      return m ? [`« ${m[0]} » in: ${l.slice(0, 160)}`] : [];
    });
}

async function enrolAndPin(email: string, language: "fr" | "nl", secret: string | null) {
  await db.person.updateMany({
    where: { email },
    data: {
      language,
      totpSecretEnc: secret ? seal(secret) : null,
      totpEnabledAt: secret ? new Date() : null,
      totpLastStep: null,
      lockedUntil: null,
      failedLogins: 0,
    },
  });
}

/** The usage policy, when asked: accepted in Dutch (its text is stored data). */
async function acceptPolicyIfAsked(page: Page) {
  await page.waitForURL(/\/(tableau-de-bord|politique-utilisation)/);
  if (page.url().includes("/politique-utilisation")) {
    await page.getByLabel(/Ik heb het gebruiksbeleid gelezen/).check();
    await page.getByRole("button", { name: "Ik aanvaard" }).click();
    await page.waitForURL(/\/tableau-de-bord/);
  }
}

/** The newcomer: a French sign-in page, « Nederlands » picked on it, the first sign-in enrols the second factor there. */
async function newcomerPicksDutch(page: Page, email: string) {
  await enrolAndPin(email, "fr", null);
  await page.context().clearCookies();
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Connexion" })).toBeVisible();
  await page.getByRole("form", { name: "Choisir la langue" }).getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { name: "Aanmelden" })).toBeVisible();
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Doorgaan" }).click();
  await enrolSecondFactorInDutch(page);
  await acceptPolicyIfAsked(page);
  expect((await db.person.findFirstOrThrow({ where: { email } })).language, "the enrolment page's language became the account's").toBe("nl");
}

/** The others: Dutch by fixture (the account's setting), a second factor enrolled for the walk, signed in through the (Dutch) page. */
async function signInDutch(page: Page, email: string) {
  const secret = newTotpSecret();
  await enrolAndPin(email, "nl", secret);
  await page.context().clearCookies();
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Doorgaan" }).click();
  await page.getByLabel("Verificatiecode").fill(await freshCode(secret));
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await acceptPolicyIfAsked(page);
}

// One test per account, independent of the others (each signs its account in afresh and sets its
// language): they are shared among the workers instead of all running in one (issue 15, goal 6:
// one of the longest files). In this mode the hooks below run around each test of a worker.
test.describe.configure({ mode: "parallel" });

const [newcomer, ...others] = DEMO_ACCOUNTS;

// Work to show (stored data, never translated): the demo agent's C60.7 requests, one draft and one
// sent to the ONEM, made through the domain functions as the agent, so that the lists, the ONEM's
// queue and the dashboards show rows, statuses and deadlines, not only their empty states.
test.beforeAll(async () => {
  const agent = await db.person.findUniqueOrThrow({ where: { email: "agent@demo.cpas.be" }, select: { id: true } });
  // Once per worker's database: the walk's earlier tests in this worker made them already.
  if ((await db.c607Request.count({ where: { createdById: agent.id, status: { not: "DRAFT" } } })) > 0) return;
  const actor = await buildActor(agent.id, `walk-setup:${randomUUID()}`, undefined);
  if (!actor) throw new Error("the demo agent cannot act");
  const ctx = { actor, meta: { ip: "127.0.0.1", userAgent: "issue-13-walk" } };
  await c607.createRequest({ ctx, input: { clientKey: randomUUID(), content: c607Content() } });
  const sent = await c607.createRequest({ ctx, input: { clientKey: randomUUID(), content: c607Content() } });
  await c607.sendRequest({ ctx, id: sent.id, input: { version: sent.version } });
});

// The demo accounts are shared with the other specs of this worker (e2e/walk-every-role.spec.ts
// walks them in French): they go back to French, as the seed made them.
test.afterAll(async () => {
  await db.person.updateMany({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } }, data: { language: "fr" } });
});

for (const account of [newcomer!, ...others]) {
  const isNewcomer = account === newcomer;
  test.describe(() => {
    // The newcomer's browser is French: only the switch makes the page Dutch. The others' browsers say Dutch.
    test.use({ locale: isNewcomer ? "fr-BE" : "nl-BE" });

    test(`Dutch walk: ${account.label} (${account.email})${isNewcomer ? ", a newcomer who picks Nederlands on the sign-in page" : ""}`, async ({
      page,
    }, testInfo) => {
      test.setTimeout(240_000);
      if (isNewcomer) await newcomerPicksDutch(page, account.email);
      else await signInDutch(page, account.email);
      await expect(page.locator("html")).toHaveAttribute("lang", "nl-BE");
      const stored = await storedTexts();

      const nav = page.getByRole("navigation", { name: "Hoofdnavigatie" });
      const entries = await nav.getByRole("link").evaluateAll((as) => as.map((a) => ({ href: a.getAttribute("href")!, label: a.textContent!.trim() })));
      const menu = page.getByRole("button", { name: /^Menu van / });
      await menu.click();
      const menuId = await menu.getAttribute("aria-controls");
      const own = await page
        .locator(`[id="${menuId}"] a`)
        .evaluateAll((as) => as.map((a) => ({ href: a.getAttribute("href")!, label: a.textContent!.trim() })));
      expect(entries.length, "navigation entries").toBeGreaterThan(0);

      const pages = [{ href: "/tableau-de-bord", label: "Dashboard" }, ...entries, ...own]
        .filter((e, i, all) => all.findIndex((o) => o.href === e.href) === i)
        .map((e) => ({ ...e, fromNavigation: true }));
      const found: Record<string, string[]> = {};
      const seen = new Set(pages.map((p) => p.href));
      for (let i = 0; i < pages.length; i++) {
        const entry = pages[i]!;
        const res = await page.goto(entry.href);
        const where = `${account.email} → ${entry.label} (${entry.href})`;
        expect.soft(res?.status(), where).toBeLessThan(400);
        await expect.soft(page.locator("html"), where).toHaveAttribute("lang", "nl-BE");
        // One level into each area from its entry: its own sub-navigation (FOREM's tabs, a campaign)
        // and a few of its detail pages (a quality, a C60.7 request, a form), each visited once.
        if (entry.fromNavigation) {
          const inner = await page
            .locator(`main nav a[href^="/"], main a[href^="${entry.href === "/" ? "/x" : entry.href}/"]`)
            .evaluateAll((as) => as.map((a) => ({ href: a.getAttribute("href")!, label: a.textContent!.trim() })));
          for (const link of inner.filter((l) => !seen.has(l.href)).slice(0, 4)) {
            seen.add(link.href);
            pages.push({ ...link, fromNavigation: false });
          }
        }
        const lines = frenchLines(await dutchText(page, stored));
        if (lines.length) found[entry.href] = lines;
        const file = testInfo.outputPath(`${String(i + 1).padStart(2, "0")}-${entry.href.replace(/[^\w-]+/g, "_").slice(0, 80)}.png`);
        await page.screenshot({ path: file, fullPage: true });
        await testInfo.attach(`${entry.label} (${entry.href})`, { path: file, contentType: "image/png" });
        if (process.env.WALK_SCREENSHOTS_DIR) {
          const dir = path.join(process.env.WALK_SCREENSHOTS_DIR, "nl", account.email);
          mkdirSync(dir, { recursive: true });
          copyFileSync(file, path.join(dir, path.basename(file)));
        }
      }
      // One report per account: every page and line that still reads French.
      expect(found, `${account.email}: French on Dutch pages`).toEqual({});
    });
  });
}
