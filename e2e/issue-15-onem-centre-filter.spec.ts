import { randomUUID } from "node:crypto";

import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

import { createPerson, db, ensureRole, randomBce } from "./fixtures/data";
import { signIn } from "./fixtures/sign-in";

// Issue 15, goal 3: the ONEM queue's centre filter is typed (part of the name or the enterprise
// number) instead of a list of every centre that sent a request. Expectations written by hand from
// docs/c607.md (« Centre filter »): one match → the queue filtered on that centre (`entityId` in the
// address, other filters kept); several → candidate links, the queue not filtered by centre; none →
// a message; « Retirer le filtre CPAS » keeps the other filters.

const builders = await import("../lib/seed/builders");
const { blindIndex, seal } = await import("../lib/crypto/keys");

/** A made-up word unique to the run (letters only), so that no other centre of the database matches. */
const madeUpWord = () =>
  `Qz${randomUUID()
    .replace(/-/g, "")
    .slice(0, 6)
    .replace(/[0-9]/g, (d) => "ghijklmnop"[Number(d)]!)}`;

type Centre = { id: string; name: string; bceNumber: string; reference: string };

/** A CPAS with one request in `status` (sent: ONEM sees it). */
async function centreWithRequest(name: string, status: "SENT" | "CALCULATED"): Promise<Centre> {
  const entity = await db.$transaction((tx) => builders.ensureEntity(tx, { name, bce: randomBce() }));
  const author = await createPerson({ entityId: entity.id, label: "auteur" });
  const worker = await db.worker.create({
    data: { entityId: entity.id, nissEncrypted: seal("85073003328"), nissBlindIndex: blindIndex(`e2e-${randomUUID()}`), firstName: "Anne", lastName: "Filtre" },
  });
  const contract = await db.contract.create({
    data: { entityId: entity.id, workerId: worker.id, kind: "ART_60_7", startDate: new Date("2027-01-04"), plannedEndDate: new Date("2027-12-31") },
  });
  const reference = `F15-${randomUUID().slice(0, 8).toUpperCase()}`;
  await db.c607Request.create({
    data: {
      reference,
      entityId: entity.id,
      workerId: worker.id,
      contractId: contract.id,
      status,
      createdById: author.id,
      sentAt: new Date(),
      deadline: new Date(Date.now() + 3 * 86_400_000),
    },
  });
  return { id: entity.id, name: entity.name, bceNumber: entity.bceNumber, reference };
}

async function collaborator(language: "fr" | "nl") {
  const onem = await db.$transaction((tx) => builders.ensureEntity(tx, { name: `ONEM test ${randomBce()}`, bce: randomBce(), kind: "ONEM" }));
  const person = await createPerson({ entityId: onem.id, label: "onem" });
  await ensureRole({ personId: person.id, role: "ONEM_COLLABORATOR", entityId: onem.id });
  if (language === "nl") await db.person.update({ where: { id: person.id }, data: { language: "nl" } });
  return person;
}

const dotted = (d: string) => `${d.slice(0, 4)}.${d.slice(4, 7)}.${d.slice(7)}`;

async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("an ONEM collaborator filters the queue by typing a centre's name or enterprise number", async ({ browser }) => {
  const WORD = madeUpWord();
  const ghislain = await centreWithRequest(`CPAS de Saint-Ghislain-${WORD}`, "SENT");
  const gerard = await centreWithRequest(`CPAS de Gérard-${WORD}`, "CALCULATED");
  const evergem = await centreWithRequest(`OCMW Évergem-${WORD}`, "SENT");
  const person = await collaborator("fr");

  const page = await (await browser.newContext()).newPage();
  await signIn(page, person);
  await page.goto("/onem");
  const input = page.getByLabel("CPAS (nom ou numéro d'entreprise)");
  await expect(input).toBeEmpty();
  // The list of every centre is gone.
  await expect(page.locator('select[name="entityId"]')).toHaveCount(0);
  const queue = page.locator("table");

  // 1. Part of a name, another case, no hyphen: exactly one centre → the queue filtered on it.
  await input.fill(`ghislain ${WORD.toLowerCase()}`);
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(new RegExp(`/onem\\?entityId=${ghislain.id}$`));
  await expect(input).toHaveValue(ghislain.name);
  await expect(page.getByTestId("filtre-cpas-actif")).toContainText(`File filtrée sur ${ghislain.name} (${dotted(ghislain.bceNumber)}).`);
  await expect(queue.getByRole("link", { name: ghislain.reference })).toBeVisible();
  await expect(queue.locator("tbody tr")).toHaveCount(1);

  // 2. Another filter with it: the centre typed whole is kept, the status added.
  await page.getByLabel("Statut").selectOption({ label: "Envoyé à l'ONEM" });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(new RegExp(`/onem\\?status=SENT&entityId=${ghislain.id}$`));
  await expect(queue.getByRole("link", { name: ghislain.reference })).toBeVisible();

  // 3. The centre filter removed: the status stays.
  await page.getByRole("link", { name: "Retirer le filtre CPAS" }).click();
  await expect(page).toHaveURL(/\/onem\?status=SENT$/);
  await expect(input).toBeEmpty();
  await expect(page.getByLabel("Statut")).toHaveValue("SENT");
  await expect(page.getByTestId("filtre-cpas-actif")).toHaveCount(0);

  // 4. The enterprise number as it is printed, with dots (all statuses again).
  await page.getByLabel("Statut").selectOption({ label: "Tous (hors brouillons)" });
  await input.fill(dotted(gerard.bceNumber));
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(new RegExp(`/onem\\?entityId=${gerard.id}$`));
  await expect(input).toHaveValue(gerard.name);
  await expect(queue.getByRole("link", { name: gerard.reference })).toBeVisible();
  await expect(queue.getByRole("link", { name: ghislain.reference })).toHaveCount(0);

  // 5. A fragment three centres share: candidates as links, the queue not filtered by centre.
  await input.fill(WORD.toUpperCase());
  await page.getByRole("button", { name: "Filtrer" }).click();
  const message = page.getByTestId("filtre-cpas-message");
  await expect(message).toContainText(
    `Plusieurs CPAS correspondent à « ${WORD.toUpperCase()} » : choisissez-en un. La file ci-dessous n'est pas filtrée par CPAS.`,
  );
  const candidates = message.getByRole("list", { name: "CPAS correspondants" }).getByRole("link");
  // By name: « CPAS de Gérard… » < « CPAS de Saint-Ghislain… » < « OCMW Évergem… ».
  await expect(candidates).toHaveText([gerard.name, ghislain.name, evergem.name]);
  await expect(message).toContainText(`${evergem.name} (${dotted(evergem.bceNumber)})`);
  await expect(input).toHaveValue(WORD.toUpperCase());
  await expect(page.getByTestId("filtre-cpas-actif")).toHaveCount(0);
  await expect(queue.getByRole("link", { name: ghislain.reference })).toBeVisible();
  await expect(queue.getByRole("link", { name: gerard.reference })).toBeVisible();
  await expectAccessible(page);
  await message.getByRole("link", { name: evergem.name }).click();
  await expect(page).toHaveURL(new RegExp(`/onem\\?entityId=${evergem.id}$`));
  await expect(queue.locator("tbody tr")).toHaveCount(1);
  await expect(queue.getByRole("link", { name: evergem.reference })).toBeVisible();

  // 6. The accent not typed: « evergem » finds « Évergem ».
  await page.getByRole("link", { name: "Retirer le filtre CPAS" }).click();
  await input.fill(`evergem ${WORD}`);
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(new RegExp(`/onem\\?entityId=${evergem.id}$`));

  // 7. Nothing matches: said, the other filters kept, the queue not filtered by centre.
  await page.getByLabel("Échéance").selectOption({ label: "Dans les 7 jours" });
  await input.fill(`Nulle part ${WORD}`);
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByTestId("filtre-cpas-message")).toHaveText(
    `Aucun CPAS ayant envoyé une demande ne correspond à « Nulle part ${WORD} » (tapez une partie du nom ou le numéro d'entreprise complet). La file ci-dessous n'est pas filtrée par CPAS.`,
  );
  await expect(page.getByLabel("Échéance")).toHaveValue("WEEK");
  await expect(queue.getByRole("link", { name: ghislain.reference })).toBeVisible();

  // 8. Ten digits that are no enterprise number: the number's own message.
  await input.fill(`${ghislain.bceNumber.slice(0, 8)}${ghislain.bceNumber.slice(8) === "01" ? "02" : "01"}`);
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByTestId("filtre-cpas-message")).toHaveText(
    "Le numéro d'entreprise est invalide (chiffres de contrôle incorrects). La file ci-dessous n'est pas filtrée par CPAS.",
  );
});

test("the RVA collaborator reads the centre filter in Dutch", async ({ browser }) => {
  const WORD = madeUpWord();
  const a = await centreWithRequest(`OCMW Sint-Niklaas-${WORD}`, "SENT");
  const b = await centreWithRequest(`OCMW Sint-Truiden-${WORD}`, "SENT");
  const person = await collaborator("nl");
  const page = await (await browser.newContext()).newPage();
  await signIn(page, person);
  // Typed in the address as the form sends it: both centres hold the word.
  await page.goto(`/onem?centre=${WORD.toLowerCase()}`);
  await expect(page.getByLabel("OCMW (naam of ondernemingsnummer)")).toHaveValue(WORD.toLowerCase());
  await expect(page.getByTestId("filtre-cpas-message")).toContainText(
    `Meerdere OCMW's komen overeen met « ${WORD.toLowerCase()} »: kies er één. De wachtrij hieronder is niet gefilterd op OCMW.`,
  );
  await page.getByTestId("filtre-cpas-message").getByRole("link", { name: b.name }).click();
  await expect(page.getByTestId("filtre-cpas-actif")).toContainText(`Wachtrij gefilterd op ${b.name} (${dotted(b.bceNumber)}).`);
  await expect(page.locator("table").getByRole("link", { name: b.reference })).toBeVisible();
  await expect(page.locator("table").getByRole("link", { name: a.reference })).toHaveCount(0);
  await page.getByRole("link", { name: "OCMW-filter verwijderen" }).click();
  await expect(page).toHaveURL(/\/onem$/);
});
