import { describe, expect, it } from "vitest";

import { type FormContent, emptyContent } from "./content";
import { checkForm } from "./check-form";
import { definitionsForYear } from "./definitions";
import { localize } from "@/lib/i18n/translator";

import { formatCents, formatCentsIn, parseEuros, parseFte } from "./money";

// Every rule of every form definition of the demo year (2025), with totals worked by hand in the
// comments. Expectations come from the sources listed in lib/rapport-unique/definitions/2025.json
// and docs/rapport-unique.md, not from the module under test.

const defs = definitionsForYear(2025)!;
const def = (code: string) => defs.find((d) => d.code === code)!;
const messages = (r: ReturnType<typeof checkForm>) => r.problems.map((p) => localize("fr", p.message));
const dutch = (r: ReturnType<typeof checkForm>) => r.problems.map((p) => localize("nl", p.message));

describe("money and FTE typed by people", () => {
  it.each([
    ["1 234,56", 123456],
    ["1234.5", 123450],
    ["0,01", 1],
    ["12 345", 1234500],
    ["1\u202f000,00", 100000],
    ["100000000,00", 10_000_000_000],
  ])("%s € is %i cents", (typed, cents) => expect(parseEuros(typed)).toEqual({ ok: true, value: cents }));

  it.each([
    ["", "Montant obligatoire."],
    ["-5", "Un montant ne peut pas être négatif."],
    ["douze", "Montant invalide"],
    ["1,234", "Au plus deux décimales"],
    ["100000000,01", "invraisemblable"],
    ["1e5", "Montant invalide"],
  ])("%j is refused (%s)", (typed, why) => {
    const r = parseEuros(typed);
    expect(r.ok).toBe(false);
    expect(!r.ok && localize("fr", r.message)).toContain(why);
  });

  it("formats cents exactly, Belgian style", () => {
    expect(formatCents(123456)).toBe("1\u202f234,56 €");
    expect(formatCents(5)).toBe("0,05 €");
    expect(formatCents(10_000_000_000)).toBe("100\u202f000\u202f000,00 €");
    expect(formatCentsIn("nl", 123456)).toBe("€ 1.234,56");
    expect(formatCentsIn("fr", 123456)).toBe("1\u202f234,56 €");
  });

  it("reads FTE in hundredths", () => {
    expect(parseFte("0,5")).toEqual({ ok: true, value: 50 });
    expect(parseFte("1")).toEqual({ ok: true, value: 100 });
    expect(parseFte("0").ok).toBe(false);
    expect(parseFte("0,333").ok).toBe(false);
  });
});

describe("Frais de personnel 2025", () => {
  const d = def("FRAIS_PERSONNEL");
  const grants = { NORMES: 6_000_000, ACCUEIL: 2_000_000 }; // 60 000 € and 20 000 €

  it("sums staff lines per envelope; what is not justified is the rest of each grant", () => {
    const content: FormContent = emptyContent(d);
    content.sections.PERSONNEL_NORMES!.staff = [
      // 1 FTE all year: 48 000,00 €  (ceiling 150 000 € × 1 × 365/365)
      { kind: "PERSON", label: "A. Dupont", from: "2025-01-01", to: "2025-12-31", fteHundredths: 100, costCents: 4_800_000 },
      // 0,5 FTE for 181 days (1/1–30/6): 11 500,50 €  (ceiling 150 000 × 0,5 × 181/365 = 37 191,78 €)
      { kind: "PERSON", label: "B. Leroy", from: "2025-01-01", to: "2025-06-30", fteHundredths: 50, costCents: 1_150_050 },
    ];
    content.sections.PERSONNEL_ACCUEIL!.staff = [
      { kind: "FUNCTION", label: "Agents d'accueil", from: "2025-03-01", to: "2025-12-31", fteHundredths: 150, costCents: 1_999_999 },
    ];
    const r = checkForm(d, content, grants);
    // NORMES: 48 000,00 + 11 500,50 = 59 500,50 € justified of 60 000 → 499,50 € not justified
    // ACCUEIL: 19 999,99 € of 20 000 → 0,01 € not justified; totals 79 500,49 / 499,51
    expect(r.envelopes.map((e) => [e.code, e.justifiedCents, e.notJustifiedCents])).toEqual([
      ["NORMES", 5_950_050, 49_950],
      ["ACCUEIL", 1_999_999, 1],
    ]);
    expect([r.grantedCents, r.justifiedCents, r.notJustifiedCents]).toEqual([8_000_000, 7_950_049, 49_951]);
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it("refuses more than granted in one envelope, even when the other has room (no transfer)", () => {
    const content = emptyContent(d);
    // 60 000,01 € on NORMES (granted 60 000): 0,01 € too much; ACCUEIL empty with 20 000 € of room.
    content.sections.PERSONNEL_NORMES!.staff = [
      { kind: "FUNCTION", label: "Assistants sociaux", from: "2025-01-01", to: "2025-12-31", fteHundredths: 200, costCents: 6_000_001 },
    ];
    const r = checkForm(d, content, grants);
    expect(r.ok).toBe(false);
    // Amounts in each reader's way (issue 13): « 60 000,01 € » in French, « € 60.000,01 » in Dutch.
    expect(messages(r)).toEqual([
      expect.stringMatching(/60\u202f000,01\u00a0€ justifiés pour 60\u202f000,00\u00a0€ octroyés \(0,01\u00a0€ de trop\)\. Aucun transfert/),
    ]);
    expect(dutch(r)).toEqual([
      "‘Amélioration des normes de personnel’: €\u00a060.000,01 verantwoord voor €\u00a060.000,00 toegekend (€\u00a00,01 te veel). Er is geen overdracht tussen enveloppes toegestaan.",
    ]);
  });

  it("keeps the period inside the year, in order, one person ≤ 1 FTE, cost plausible", () => {
    const content = emptyContent(d);
    content.sections.PERSONNEL_NORMES!.staff = [
      { kind: "PERSON", label: "Hors année", from: "2024-12-01", to: "2025-01-31", fteHundredths: 100, costCents: 100 },
      { kind: "PERSON", label: "À l'envers", from: "2025-06-30", to: "2025-06-01", fteHundredths: 100, costCents: 100 },
      { kind: "PERSON", label: "Trop d'ETP", from: "2025-01-01", to: "2025-01-31", fteHundredths: 120, costCents: 100 },
      // 1 FTE for 31 days: ceiling 150 000 × 31/365 = 12 739,73 € (rounded up to the cent) → 12 739,74 € is too much
      { kind: "PERSON", label: "Trop cher", from: "2025-01-01", to: "2025-01-31", fteHundredths: 100, costCents: 1_273_974 },
      { kind: "PERSON", label: "Juste au plafond", from: "2025-01-01", to: "2025-01-31", fteHundredths: 100, costCents: 1_273_973 },
    ];
    const r = checkForm(d, content, { NORMES: 10_000_000, ACCUEIL: 0 });
    expect(r.problems.map((p) => [p.section, p.line, p.field])).toEqual([
      ["PERSONNEL_NORMES", 1, "from"],
      ["PERSONNEL_NORMES", 2, "to"],
      ["PERSONNEL_NORMES", 3, "fte"],
      ["PERSONNEL_NORMES", 4, "cost"],
    ]);
    expect(messages(r)[0]).toContain("comprise dans l'année 2025");
    expect(messages(r)[1]).toContain("30/06/2025) est après la date de fin (01/06/2025)");
    expect(messages(r)[3]).toContain("plafond 12\u202f739,73\u00a0€");
    expect(dutch(r)[0]).toBe("Regel 1: de periode moet binnen het jaar 2025 liggen (van 01/01/2025 tot 31/12/2025).");
    expect(dutch(r)[3]).toBe("Regel 4: onwaarschijnlijke kostprijs (€\u00a012.739,74 voor 31 dagen aan 1 VTE; plafond €\u00a012.739,73).");
  });

  it("cannot go to signature before the SPP IS recorded the amounts granted", () => {
    const r = checkForm(d, emptyContent(d), { NORMES: 100 });
    expect(messages(r)).toEqual([expect.stringContaining("Aucun montant octroyé n'est enregistré pour « Amélioration qualitative de l'accueil »")]);
  });
});

describe("Fonds social gaz-électricité 2025", () => {
  const d = def("FONDS_GAZ_ELECTRICITE");
  it("counts apurement and preventive measures in one art. 6 envelope, staff in art. 4, and says the rest is carried over", () => {
    const content = emptyContent(d);
    content.sections.PERSONNEL!.staff = [
      { kind: "PERSON", label: "Guide énergie", from: "2025-01-01", to: "2025-12-31", fteHundredths: 80, costCents: 3_500_000 },
    ];
    content.sections.APUREMENT!.expenses = [
      { category: "FACTURES_GAZ", description: "Dossiers d'apurement gaz", amountCents: 1_234_567 },
      { category: "FACTURES_ELECTRICITE", description: "Dossiers électricité", amountCents: 765_433 },
    ];
    content.sections.PREVENTIF!.expenses = [{ category: "PETITS_EQUIPEMENTS", description: "Ampoules LED", amountCents: 250_000 }];
    // art. 4: 35 000,00 of 40 000 → 5 000,00 not justified; art. 6: 12 345,67 + 7 654,33 + 2 500,00 = 22 500,00 of 25 000 → 2 500,00
    const r = checkForm(d, content, { PERSONNEL: 4_000_000, MESURES: 2_500_000 });
    expect(r.envelopes.map((e) => [e.code, e.justifiedCents, e.notJustifiedCents])).toEqual([
      ["PERSONNEL", 3_500_000, 500_000],
      ["MESURES", 2_250_000, 250_000],
    ]);
    expect(r.ok).toBe(true);
    expect(d.notJustified).toBe("carried_over");
  });
  it("refuses staff costs in the art. 6 measures and general running costs as preventive policy", () => {
    const content = emptyContent(d);
    content.sections.APUREMENT!.expenses = [{ category: "FRAIS_PERSONNEL", description: "Salaire", amountCents: 100 }];
    content.sections.PREVENTIF!.expenses = [{ category: "FRAIS_FONCTIONNEMENT_CPAS", description: "Chauffage du CPAS", amountCents: 100 }];
    const r = checkForm(d, content, { PERSONNEL: 0, MESURES: 1000 });
    expect(r.problems.map((p) => [p.section, p.line, p.field])).toEqual([
      ["APUREMENT", 1, "category"],
      ["PREVENTIF", 1, "category"],
    ]);
    expect(messages(r)[0]).toContain("sans transfert entre enveloppes");
  });
});

describe("Participation et activation sociale 2025", () => {
  const d = def("PARTICIPATION_ACTIVATION_SOCIALE");
  const full = () => {
    const c = emptyContent(d);
    c.sections.INDICATEURS!.values = { BENEFICIAIRES_PARTICIPATION: 120, MODULES_ORGANISES: 0, ENFANTS_AIDES: 45 };
    return c;
  };
  it("refuses investments in every volet (mi-is.be)", () => {
    const c = full();
    c.sections.PARTICIPATION_DEPENSES!.expenses = [{ category: "INVESTISSEMENT", description: "Minibus", amountCents: 100 }];
    c.sections.MODULES_DEPENSES!.expenses = [{ category: "INVESTISSEMENT", description: "Tables", amountCents: 100 }];
    c.sections.PAUVRETE_DEPENSES!.expenses = [{ category: "INVESTISSEMENT", description: "Local", amountCents: 100 }];
    const r = checkForm(d, c, { PARTICIPATION: 1000, MODULES: 1000, PAUVRETE_INFANTILE: 1000 });
    expect(r.problems).toHaveLength(3);
    for (const m of messages(r)) expect(m).toContain("Les investissements ne sont pas éligibles");
  });
  it("adds staff and expenses of one volet; volets are separate envelopes", () => {
    const c = full();
    c.sections.PARTICIPATION_DEPENSES!.expenses = [{ category: "BILLETS", description: "Théâtre", amountCents: 150_000 }];
    c.sections.PARTICIPATION_PERSONNEL!.staff = [
      { kind: "PERSON", label: "Animatrice", from: "2025-09-01", to: "2025-12-31", fteHundredths: 50, costCents: 900_000 },
    ];
    c.sections.MODULES_DEPENSES!.expenses = [{ category: "ANIMATION", description: "Atelier", amountCents: 300_001 }];
    // volet 1: 1 500,00 + 9 000,00 = 10 500,00 of 10 500,00 → 0; volet 2: 3 000,01 of 3 000,00 → too much; volet 3: 0 of 2 000 → 2 000 not justified
    const r = checkForm(d, c, { PARTICIPATION: 1_050_000, MODULES: 300_000, PAUVRETE_INFANTILE: 200_000 });
    expect(r.envelopes.map((e) => [e.code, e.justifiedCents, e.notJustifiedCents])).toEqual([
      ["PARTICIPATION", 1_050_000, 0],
      ["MODULES", 300_000, 0],
      ["PAUVRETE_INFANTILE", 0, 200_000],
    ]);
    expect(messages(r)).toEqual([
      expect.stringContaining("Volet 2 — Modules collectifs » : 3\u202f000,01\u00a0€ justifiés pour 3\u202f000,00\u00a0€ octroyés"),
    ]);
  });
  it("needs every result indicator (0 allowed)", () => {
    const c = emptyContent(d);
    c.sections.INDICATEURS!.values = { MODULES_ORGANISES: 0 };
    const r = checkForm(d, c, { PARTICIPATION: 0, MODULES: 0, PAUVRETE_INFANTILE: 0 });
    expect(r.problems.map((p) => p.field)).toEqual(["values.BENEFICIAIRES_PARTICIPATION", "values.ENFANTS_AIDES"]);
  });
});

describe("PIIS and aide alimentaire 2025", () => {
  it("PIIS: staff only, one envelope", () => {
    const d = def("PIIS");
    const c = emptyContent(d);
    c.sections.PERSONNEL!.staff = [
      { kind: "PERSON", label: "Assistante sociale PIIS", from: "2025-01-01", to: "2025-12-31", fteHundredths: 100, costCents: 5_200_000 },
    ];
    const r = checkForm(d, c, { PIIS: 5_000_000 });
    expect(messages(r)).toEqual([
      expect.stringContaining("52\u202f000,00\u00a0€ justifiés pour 50\u202f000,00\u00a0€ octroyés (2\u202f000,00\u00a0€ de trop)"),
    ]);
  });
  it("aide alimentaire: investments refused, food aid counted", () => {
    const d = def("AIDE_ALIMENTAIRE");
    const c = emptyContent(d);
    c.sections.AIDES!.expenses = [
      { category: "COLIS_DENREES", description: "Colis", amountCents: 700_000 },
      { category: "BONS_ALIMENTAIRES", description: "Bons", amountCents: 299_999 },
      { category: "INVESTISSEMENT", description: "Frigo", amountCents: 1 },
    ];
    const r = checkForm(d, c, { AIDE_ALIMENTAIRE: 1_000_000 });
    // 7 000,00 + 2 999,99 + 0,01 = 10 000,00 € of 10 000 € (the ineligible line is still a problem)
    expect(r.justifiedCents).toBe(1_000_000);
    expect(r.problems.map((p) => [p.line, p.field])).toEqual([[3, "category"]]);
  });
});
