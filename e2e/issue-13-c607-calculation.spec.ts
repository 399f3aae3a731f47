import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

import { createCentre, createPerson, db, ensureGrant, ensureRole, randomBce } from "./fixtures/data";
import { signIn } from "./fixtures/sign-in";

// Issue 13, the C60.7 calculation's explanation and the inbox in the reader's language, and the 2025
// Rapport unique definitions in Dutch. The RVA collaborator (Dutch account) calculates a request
// the agent (French account) sent: each reads the same stored steps and warnings in their own
// language; the answer's inbox message is French for the French agent and Dutch for a Dutch
// colleague of the same centre. Then an OCMW staff member whose account is Dutch opens the 2025
// « Voedselhulp » form and reads its Dutch labels. Expected texts written by hand:
//
// Worker NISS 85.07.30-033.28 → born 30/07/1985, 41 on 01/03/2027. Contract 01/03/2027 – 31/12/2027:
// claim 01/01/2028 → rules REFORME-2026-03-01, 312 days in 36 months, any age. Reference period
// 01/03/2024 – 28/02/2027; full time 01/01/2025 – 30/06/2025 = 2 full quarters × 78 = 156; missing
// 312 − 156 = 156. Contract 1,2 a weekday from Monday 1 March 2027: March 23 weekdays (27,6), Q2 65
// (78), July 22 (26,4), then 20 weekdays of August (24) → Friday 27/08/2027, 130 days worked. At that
// end the 36 months (28/08/2024 – 27/08/2027) hold 156 + 156 = 312: the condition is met. The only
// warning is the reform's « new days » note.

async function expectNoAxeViolation(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("the RVA reads the calculation in Dutch, the CPAS in French; each inbox in its reader's language", async ({ browser }) => {
  test.setTimeout(180_000);
  const { entity, quality } = await createCentre();
  const agent = await createPerson({ entityId: entity.id, label: "agent" });
  await ensureGrant({ personId: agent.id, rightCode: "AGENT_SOCIAL", entityId: entity.id, qualityId: quality.id });
  const colleague = await createPerson({ entityId: entity.id, label: "collega" });
  await ensureGrant({ personId: colleague.id, rightCode: "AGENT_SOCIAL", entityId: entity.id, qualityId: quality.id });
  await db.person.update({ where: { id: colleague.id }, data: { language: "nl" } });
  const builders = await import("../lib/seed/builders");
  const onem = await db.$transaction((tx) => builders.ensureEntity(tx, { name: `ONEM test ${randomBce()}`, bce: randomBce(), kind: "ONEM" }));
  const collaborator = await createPerson({ entityId: onem.id, label: "rva" });
  await ensureRole({ personId: collaborator.id, role: "ONEM_COLLABORATOR", entityId: onem.id });
  await db.person.update({ where: { id: collaborator.id }, data: { language: "nl" } });

  // 1. The agent (French) encodes and sends the request.
  const cpas = await (await browser.newContext()).newPage();
  await signIn(cpas, agent);
  await cpas.goto("/c607/nouvelle");
  await cpas.getByLabel("Numéro national (NISS)").fill("85.07.30-033.28");
  await cpas.getByLabel("Nom", { exact: true }).fill("Peeters");
  await cpas.getByLabel("Prénom").fill("An");
  await cpas.getByLabel("Début du contrat").fill("2027-03-01");
  await cpas.getByLabel("Fin prévue").fill("2027-12-31");
  await cpas.getByRole("button", { name: "Ajouter une période d'occupation" }).click();
  const job = cpas.getByRole("group", { name: "Période d'occupation n° 1" });
  await job.getByLabel("Employeur").fill("Bakkerij Janssens");
  await job.getByLabel("Du").fill("2025-01-01");
  await job.getByLabel("Au").fill("2025-06-30");
  await cpas.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(cpas.getByTestId("message-succes")).toBeVisible();
  const reference = (await cpas.getByRole("heading", { level: 1 }).textContent())!.match(/C607-\d{4}-\d{6}/)![0];
  cpas.once("dialog", (dialog) => void dialog.accept());
  await cpas.getByRole("button", { name: "Envoyer à l'ONEM" }).click();
  await expect(cpas.getByTestId("statut").first()).toHaveText("Envoyé à l'ONEM");

  // 2. The RVA collaborator (Dutch) takes it and calculates: steps and warnings in Dutch.
  const rva = await (await browser.newContext()).newPage();
  await signIn(rva, collaborator);
  await rva.goto("/onem");
  await rva.getByRole("link", { name: reference }).click();
  await rva.getByRole("button", { name: "In behandeling nemen" }).click();
  await expect(rva.getByTestId("statut").first()).toHaveText("In behandeling");
  await rva.getByRole("button", { name: "Berekenen" }).click();
  const dutchSteps = rva.getByRole("list", { name: "Stappen van de berekening" });
  await expect(dutchSteps).toBeVisible();
  await expect(dutchSteps.getByRole("listitem")).toHaveText([
    /^Toegepaste regels — Hervorming 2025–2026: 312 dagen in 36 maanden, ongeacht de leeftijd \(REFORME-2026-03-01\)\. Gekozen op basis van de geplande datum van de uitkeringsaanvraag, 01\/01\/2028, de dag na het geplande einde van het contract \(31\/12\/2027\)/,
    "Leeftijd bij het begin van het contract — Geboren op 30/07/1985: 41 jaar op 01/03/2027, leeftijdscategorie « elke leeftijd ».",
    "Toelaatbaarheidsvoorwaarde — 312 dagen in 36 maanden (enige voorwaarde van de leeftijdscategorie).",
    "Referteperiode — Van 01/03/2024 tot 28/02/2027: 36 maanden die eindigen op de dag vóór het begin van het contract (01/03/2027).",
    "Tewerkstelling nr. 1 (BE, van 01/01/2025 tot 30/06/2025) — Geteld. Voltijds: 2 volledige kwartalen × 78 = 156 dagen.",
    "Gevonden dagen — 156 dagen tewerkstelling + 0 gelijkgestelde dagen = 156 dagen, naar beneden afgerond: 156 dagen.",
    "Ontbrekende dagen — 312 − 156 = 156 dagen te presteren onder het contract.",
    "Omrekening van de arbeidsregeling van het contract — Contract (voltijds), 5 dagen per week: elke gepresteerde dag telt 6 / 5 = 1,2 dag(en) van het zesdagenstelsel, met een plafond van 78 dagen per kwartaal; de wettelijke feestdagen tijdens het contract worden betaald en tellen mee.",
    "Voorgestelde einddatum — Op 27/08/2027: 130 gepresteerde dagen sinds 01/03/2027 geven 156 dagen, dus minstens de 156 ontbrekende. Het is de eerste dag waarop het totaal wordt bereikt; er wordt geen dag extra toegevoegd.",
    "Controle op de einddatum — Als de referteperiode wordt geteld vanaf de uitkeringsaanvraag (gunstigste voorwaarde: 312 dagen in 36 maanden), loopt ze van 28/08/2024 tot 27/08/2027: 156 vroegere dagen + 156 dagen van het contract = 312 dagen (naar beneden afgerond); aan de voorwaarde is voldaan.",
    "Status — Automatisch berekend voorstel, te valideren door een medewerker van de RVA vóór elk antwoord aan het OCMW.",
  ]);
  await expect(rva.getByRole("list", { name: "Aandachtspunten" }).getByRole("listitem")).toHaveText([
    "De hervorming vereist 312 « nieuwe » dagen: de dagen die al voor een eerdere toelating werden gebruikt, zijn hier niet herkenbaar en moeten door de RVA worden nagegaan.",
  ]);
  await expectNoAxeViolation(rva);

  // 3. The agent reads the same proposal in French.
  await cpas.reload();
  const frenchSteps = cpas.getByRole("list", { name: "Étapes du calcul" });
  await expect(frenchSteps.getByRole("listitem").nth(3)).toHaveText(
    "Période de référence — Du 01/03/2024 au 28/02/2027 : 36 mois se terminant la veille du début du contrat (01/03/2027).",
  );
  await expect(frenchSteps.getByRole("listitem").nth(4)).toHaveText(
    "Occupation n° 1 (BE, du 01/01/2025 au 30/06/2025) — Comptée. Temps plein : 2 trimestres complets × 78 = 156 jours.",
  );
  await expect(frenchSteps.getByRole("listitem").nth(8)).toHaveText(
    "Date de fin proposée — Le 27/08/2027 : 130 jours prestés depuis le 01/03/2027 donnent 156 jours, soit au moins les 156 manquants. C'est le premier jour où le total est atteint ; aucun jour de plus n'est ajouté.",
  );
  await expect(cpas.getByRole("list", { name: "Points d'attention" }).getByRole("listitem")).toHaveText([
    "La réforme exige 312 « nouveaux » jours : les jours déjà utilisés pour une admission antérieure ne sont pas identifiables ici et restent à vérifier par l'ONEM.",
  ]);
  await expectNoAxeViolation(cpas);

  // 4. The RVA validates; the centre's inbox says so to each agent in their language.
  await rva.getByRole("button", { name: "Valideren en het OCMW antwoorden" }).click();
  await expect(rva.getByTestId("statut").first()).toHaveText("Berekend door de RVA");
  await cpas.goto("/messages");
  await expect(cpas.getByText(`Demande ${reference} : calculée par l'ONEM`)).toBeVisible();
  await expect(cpas.getByText("156 jours à prester, fin du contrat le 27/08/2027 ; proposition validée par l'ONEM.")).toBeVisible();
  const nl = await (await browser.newContext()).newPage();
  await signIn(nl, colleague);
  await nl.goto("/messages");
  await expect(nl.getByText(`Aanvraag ${reference}: berekend door de RVA`)).toBeVisible();
  await expect(nl.getByText("156 te presteren dagen, einde van het contract op 27/08/2027; voorstel gevalideerd door de RVA.")).toBeVisible();
  await expectNoAxeViolation(nl);
});

test("an OCMW staff member in Dutch reads the 2025 definitions' Dutch labels", async ({ browser }) => {
  const { entity, quality } = await createCentre();
  const member = await createPerson({ entityId: entity.id, label: "personeelslid" });
  await ensureGrant({ personId: member.id, rightCode: "RU_MEMBRE_PERSONNEL", entityId: entity.id, qualityId: quality.id });
  await db.person.update({ where: { id: member.id }, data: { language: "nl" } });
  const page = await (await browser.newContext()).newPage();
  await signIn(page, member);
  await page.goto("/rapport-unique");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Uniek Verslag — subsidies 2025");
  // The five subsidies by their socialsecurity.be names (Uniek Verslag).
  for (const title of ["Personeelskosten", "Gas- en elektriciteitsfonds", "Participatie en sociale activering", "Voedselhulp"]) {
    await expect(page.getByRole("link", { name: `Openen ‘${title}’` })).toBeVisible();
  }
  await expect(page.getByRole("link", { name: "Openen ‘GPMI — geïndividualiseerd project voor maatschappelijke integratie’" })).toBeVisible();
  await expectNoAxeViolation(page);

  await page.getByRole("link", { name: "Openen ‘Voedselhulp’" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Voedselhulp" })).toBeVisible();
  const main = page.getByRole("main");
  await expect(main).toContainText("Toegekende voedselhulp");
  await expect(main).toContainText("Regels van dit formulier");
  await expect(main).toContainText("Het verantwoorde bedrag overschrijdt het toegekende bedrag niet.");
  await expect(main).toContainText("Investeringen zijn geen voedselhulp.");
  await expect(main).toContainText("De niet-verantwoorde bedragen worden door de POD MI teruggevorderd.");
  await expect(main).not.toContainText("Aides alimentaires accordées");
  await expectNoAxeViolation(page);
});
