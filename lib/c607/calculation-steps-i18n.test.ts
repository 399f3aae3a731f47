import { describe, expect, it } from "vitest";

import { calculateDaysToWork } from "./calculate-days-to-work";
import { readCalculation } from "./read-calculation";
import type { DaysToWorkInput } from "./types";

// Issue 13: the calculation's explanation is made of catalogue references, read in each reader's
// language — the CPAS agent in French, the ONEM collaborator possibly in Dutch. Worked example A of
// docs/c607-calculation.md (T31, under 36):
//   born 15/06/1995, full-time contract 01/07/2025 – 31/12/2025 (claim 01/01/2026 → T31);
//   past full-time work 01/01/2024 – 30/06/2024 in Belgium.
//   Reference period 01/10/2023 – 30/06/2025 (21 months): Q1 + Q2 2024 = 2 × 78 = 156; the other
//   conditions (468/33, 624/42) find the same 156. Missing 312 − 156 = 156.
//   Contract: 6/5 = 1,2 per weekday; Q3 2025 capped to 78, then 65 weekdays of Q4 → 30/12/2025
//   after 131 worked days. Control at the end: 31/03/2024 – 30/12/2025 keeps Q2 2024 (78) + 156 =
//   234 < 312; first end that works 01/07/2026, whose claim (02/07/2026) falls under the reform.
// Every expected text below is written by hand from the catalogue's wording and these figures.
const example: DaysToWorkInput = {
  worker: { birthDate: "1995-06-15" },
  contract: { start: "2025-07-01", plannedEnd: "2025-12-31", regime: { kind: "FULL_TIME" } },
  employmentPeriods: [{ from: "2024-01-01", to: "2024-06-30", regime: { kind: "FULL_TIME" }, country: "BE" }],
  assimilatedPeriods: [],
  calculationDate: "2025-06-01",
};

type Said = { label: string; detail: string };

// Example A's steps in order, each row [French, Dutch], both written by hand.
const STEPS_A: [fr: Said, nl: Said][] = [
  [
    {
      label: "Règles appliquées",
      detail:
        "Feuille info ONEM T31 (version du 02.10.2023), régime antérieur à la réforme de 2026 (ONEM-T31-2023-10-02). Choisies d'après la date prévue de la demande d'allocations, le 01/01/2026, lendemain de la fin prévue du contrat (31/12/2025) : l'admissibilité s'examine à la demande, après le contrat. Source : arrêté royal du 25 novembre 1991 portant réglementation du chômage, art. 30 ; feuille info ONEM T31 (version du 02.10.2023).",
    },
    {
      label: "Toegepaste regels",
      detail:
        "Infoblad RVA T31 (versie van 02.10.2023), regeling van vóór de hervorming van 2026 (ONEM-T31-2023-10-02). Gekozen op basis van de geplande datum van de uitkeringsaanvraag, 01/01/2026, de dag na het geplande einde van het contract (31/12/2025): de toelaatbaarheid wordt bij de aanvraag onderzocht, na het contract. Bron: koninklijk besluit van 25 november 1991 houdende de werkloosheidsreglementering, art. 30; infoblad RVA T31 (versie van 02.10.2023).",
    },
  ],
  [
    { label: "Âge au début du contrat", detail: "Né(e) le 15/06/1995 : 30 ans le 01/07/2025, tranche « moins de 36 ans »." },
    { label: "Leeftijd bij het begin van het contract", detail: "Geboren op 15/06/1995: 30 jaar op 01/07/2025, leeftijdscategorie « jonger dan 36 jaar »." },
  ],
  [
    { label: "Condition d'admissibilité", detail: "312 jours en 21 mois ; autres conditions examinées : 468 jours en 33 mois ; 624 jours en 42 mois." },
    {
      label: "Toelaatbaarheidsvoorwaarde",
      detail: "312 dagen in 21 maanden; andere onderzochte voorwaarden: 468 dagen in 33 maanden; 624 dagen in 42 maanden.",
    },
  ],
  [
    {
      label: "Comparaison des conditions",
      detail:
        "312 jours en 21 mois : 156 jours trouvés pour 312, 156 manquants ; 468 jours en 33 mois : 156 jours trouvés pour 468, 312 manquants ; 624 jours en 42 mois : 156 jours trouvés pour 624, 468 manquants. Retenue : 312 jours en 21 mois, celle qui laisse le moins de jours à prester (à égalité, la condition principale).",
    },
    {
      label: "Vergelijking van de voorwaarden",
      detail:
        "312 dagen in 21 maanden: 156 dagen gevonden voor 312, 156 ontbrekend; 468 dagen in 33 maanden: 156 dagen gevonden voor 468, 312 ontbrekend; 624 dagen in 42 maanden: 156 dagen gevonden voor 624, 468 ontbrekend. Weerhouden: 312 dagen in 21 maanden, de voorwaarde die de minste te presteren dagen overlaat (bij gelijkheid de hoofdvoorwaarde).",
    },
  ],
  [
    { label: "Période de référence", detail: "Du 01/10/2023 au 30/06/2025 : 21 mois se terminant la veille du début du contrat (01/07/2025)." },
    { label: "Referteperiode", detail: "Van 01/10/2023 tot 30/06/2025: 21 maanden die eindigen op de dag vóór het begin van het contract (01/07/2025)." },
  ],
  [
    { label: "Occupation n° 1 (BE, du 01/01/2024 au 30/06/2024)", detail: "Comptée. Temps plein : 2 trimestres complets × 78 = 156 jours." },
    { label: "Tewerkstelling nr. 1 (BE, van 01/01/2024 tot 30/06/2024)", detail: "Geteld. Voltijds: 2 volledige kwartalen × 78 = 156 dagen." },
  ],
  [
    { label: "Jours trouvés", detail: "156 jours d'occupation + 0 jours assimilés = 156 jours, arrondis à l'unité inférieure : 156 jours." },
    { label: "Gevonden dagen", detail: "156 dagen tewerkstelling + 0 gelijkgestelde dagen = 156 dagen, naar beneden afgerond: 156 dagen." },
  ],
  [
    { label: "Jours manquants", detail: "312 − 156 = 156 jours à prester sous contrat." },
    { label: "Ontbrekende dagen", detail: "312 − 156 = 156 dagen te presteren onder het contract." },
  ],
  [
    {
      label: "Conversion du régime du contrat",
      detail:
        "Contrat à temps plein, 5 jours par semaine : chaque jour presté compte 6 / 5 = 1,2 jour(s) du régime 6 jours, plafonné à 78 jours par trimestre ; les jours fériés légaux pendant le contrat sont rémunérés et comptent.",
    },
    {
      label: "Omrekening van de arbeidsregeling van het contract",
      detail:
        "Contract (voltijds), 5 dagen per week: elke gepresteerde dag telt 6 / 5 = 1,2 dag(en) van het zesdagenstelsel, met een plafond van 78 dagen per kwartaal; de wettelijke feestdagen tijdens het contract worden betaald en tellen mee.",
    },
  ],
  [
    {
      label: "Date de fin proposée",
      detail:
        "Le 30/12/2025 : 131 jours prestés depuis le 01/07/2025 donnent 156 jours, soit au moins les 156 manquants. C'est le premier jour où le total est atteint ; aucun jour de plus n'est ajouté.",
    },
    {
      label: "Voorgestelde einddatum",
      detail:
        "Op 30/12/2025: 131 gepresteerde dagen sinds 01/07/2025 geven 156 dagen, dus minstens de 156 ontbrekende. Het is de eerste dag waarop het totaal wordt bereikt; er wordt geen dag extra toegevoegd.",
    },
  ],
  [
    {
      label: "Contrôle au terme",
      detail:
        "Si la période de référence est comptée à partir de la demande d'allocations (condition la plus favorable : 312 jours en 21 mois), elle va du 31/03/2024 au 30/12/2025 : 78 jours antérieurs + 156 jours du contrat = 234 jours (arrondi inférieur) ; aucune condition n'est remplie : des jours anciens sortent de la période. Première fin qui en remplit une : 01/07/2026.",
    },
    {
      label: "Controle op de einddatum",
      detail:
        "Als de referteperiode wordt geteld vanaf de uitkeringsaanvraag (gunstigste voorwaarde: 312 dagen in 21 maanden), loopt ze van 31/03/2024 tot 30/12/2025: 78 vroegere dagen + 156 dagen van het contract = 234 dagen (naar beneden afgerond); aan geen enkele voorwaarde is voldaan: oude dagen vallen buiten de periode. Eerste einddatum die aan een voorwaarde voldoet: 01/07/2026.",
    },
  ],
  [
    { label: "Statut", detail: "Proposition calculée automatiquement, à valider par un collaborateur de l'ONEM avant toute réponse au CPAS." },
    { label: "Status", detail: "Automatisch berekend voorstel, te valideren door een medewerker van de RVA vóór elk antwoord aan het OCMW." },
  ],
];
const WARNINGS_A: [fr: string, nl: string][] = [
  [
    "Au terme proposé (30/12/2025), la période de référence comptée à partir de la demande d'allocations ne contient plus que 234 jours pour 312 requis (21 mois) : aucune condition n'est remplie ; première fin qui en remplit une : 01/07/2026. Une demande après cette fin relèverait des règles REFORME-2026-03-01 : recalculer avec cette fin prévue.",
    "Op de voorgestelde einddatum (30/12/2025) bevat de referteperiode, geteld vanaf de uitkeringsaanvraag, nog maar 234 dagen voor 312 vereist (21 maanden): aan geen enkele voorwaarde is voldaan; eerste einddatum die aan een voorwaarde voldoet: 01/07/2026. Een aanvraag na die einddatum zou onder de regels REFORME-2026-03-01 vallen: herbereken met die geplande einddatum.",
  ],
];

describe("the calculation's explanation in the reader's language (example A)", () => {
  const result = calculateDaysToWork(example);

  it("stores references, not French text (each reader translates them)", () => {
    for (const text of [...result.steps.flatMap((s) => [s.label, s.detail]), ...result.warnings]) expect(text).toMatch(/^i18n:c607\.calc\./);
  });

  const readers = [
    { title: "reads in French", locale: "fr", column: 0 },
    { title: "reads in Dutch, with the RVA's terms and the Dutch title of the royal decree", locale: "nl", column: 1 },
  ] as const;
  for (const { title, locale, column } of readers) {
    it(title, () => {
      const { steps, warnings } = readCalculation(locale, result);
      expect(steps).toEqual(STEPS_A.map((row) => row[column]));
      expect(warnings).toEqual(WARNINGS_A.map((row) => row[column]));
    });
  }
});

// Example E's steps 7 and 8, each row [French, Dutch], both written by hand.
const STEPS_E: [fr: Said, nl: Said][] = [
  [
    {
      label: "Période assimilée n° 1 : Maladie (du 01/12/2024 au 15/01/2025)",
      detail:
        "Comptée en partie. Maladie : 13 jours assimilés, régime 6 jours (du lundi au samedi, dimanches exclus) ; 26 jours déjà couverts par une occupation, non comptés deux fois.",
    },
    {
      label: "Gelijkgestelde periode nr. 1: Ziekte (van 01/12/2024 tot 15/01/2025)",
      detail:
        "Gedeeltelijk geteld. Ziekte: 13 gelijkgestelde dagen, zesdagenstelsel (van maandag tot zaterdag, zondagen niet inbegrepen); 26 dagen al gedekt door een tewerkstelling, niet dubbel geteld.",
    },
  ],
  [
    {
      label: "Période assimilée n° 2 : Accident du travail (du 10/01/2025 au 20/01/2025)",
      detail:
        "Comptée en partie. Accident du travail : 4 jours assimilés, régime 6 jours (du lundi au samedi, dimanches exclus) ; 5 jours déjà comptés dans une autre période assimilée (chevauchement), non comptés deux fois.",
    },
    {
      label: "Gelijkgestelde periode nr. 2: Arbeidsongeval (van 10/01/2025 tot 20/01/2025)",
      detail:
        "Gedeeltelijk geteld. Arbeidsongeval: 4 gelijkgestelde dagen, zesdagenstelsel (van maandag tot zaterdag, zondagen niet inbegrepen); 5 dagen al geteld in een andere gelijkgestelde periode (overlapping), niet dubbel geteld.",
    },
  ],
];

// Periods with reasons nested three deep (kind, notes, list): example E of the document.
// Sickness 01/12/2024 – 15/01/2025 after full-time work in Q4 2024: December is covered by work
// (26 Monday–Saturday days), 1–15 January = 15 − 2 Sundays = 13 days. Work accident 10–20
// January: 10–15 already counted (5 Monday–Saturday days), 16, 17, 18 and 20 = 4.
describe("assimilated periods' reasons in both languages (example E)", () => {
  const result = calculateDaysToWork({
    worker: { birthDate: "1998-02-01" },
    contract: { start: "2025-03-03", plannedEnd: "2025-12-31", regime: { kind: "FULL_TIME" } },
    employmentPeriods: [{ from: "2024-10-01", to: "2024-12-31", regime: { kind: "FULL_TIME" }, country: "BE" }],
    assimilatedPeriods: [
      { kind: "SICKNESS", from: "2024-12-01", to: "2025-01-15" },
      { kind: "WORK_ACCIDENT", from: "2025-01-10", to: "2025-01-20" },
    ],
    calculationDate: "2025-02-15",
  });

  it("says what was dropped and why, in French and in Dutch", () => {
    expect(readCalculation("fr", result).steps.slice(6, 8)).toEqual(STEPS_E.map(([fr]) => fr));
    expect(readCalculation("nl", result).steps.slice(6, 8)).toEqual(STEPS_E.map(([, nl]) => nl));
  });
});
