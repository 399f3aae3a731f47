import { describe, expect, it } from "vitest";

import { calculateDaysToWork } from "./calculate-days-to-work";
import { readCalculation } from "./read-calculation";
import type { DaysToWorkInput } from "./types";

// Worked examples of docs/c607-calculation.md, T31 rules (planned claim before 1 March 2026).
// Conventions: a full quarter counts 78; other full-time weekdays count 6/5 = 1.2; the contract
// earns 1.2 per weekday (holidays included), at most 78 per quarter; totals are rounded down.
const FULL_TIME = { kind: "FULL_TIME" } as const;
// Steps, warnings and reasons are catalogue references (issue 13): the French a reader sees is
// read through localize; the expected texts below are still written by hand.
const inFrench = (result: ReturnType<typeof calculateDaysToWork>) => readCalculation("fr", result);
const stepDetail = (result: ReturnType<typeof calculateDaysToWork>, label: string) => inFrench(result).steps.find((step) => step.label === label)?.detail;

describe("calculateDaysToWork — T31, under 36 (example A)", () => {
  const input: DaysToWorkInput = {
    worker: { birthDate: "1995-06-15" },
    contract: { start: "2025-07-01", plannedEnd: "2025-12-31", regime: FULL_TIME },
    employmentPeriods: [{ from: "2024-01-01", to: "2024-06-30", regime: FULL_TIME, country: "BE" }],
    assimilatedPeriods: [],
    calculationDate: "2025-06-01",
  };
  const result = calculateDaysToWork(input);

  it("counts two full quarters in the 21 months before the contract", () => {
    // Reference period: 1 July 2025 − 21 months = 1 Oct 2023, to 30 June 2025.
    expect(result.rulesetId).toBe("ONEM-T31-2023-10-02");
    expect(result.rulesDate).toBe("2026-01-01"); // day after the planned end
    expect(result.ageAtStart).toBe(30);
    expect(result.referencePeriod).toEqual({ from: "2023-10-01", to: "2025-06-30", months: 21, extensionDays: 0 });
    // Q1 + Q2 2024 full time = 2 × 78 = 156; missing 312 − 156 = 156.
    expect(result.countedDays.total).toBe(156);
    expect(result.requiredDays).toBe(312);
    expect(result.missingDays).toBe(156);
    // The alternatives find the same 156 days but ask 468 and 624: the main condition stays.
    expect(result.outcomes.map((o) => o.missingDays)).toEqual([156, 312, 468]);
  });

  it("caps the contract's quarter at 78 when proposing the end date", () => {
    // Q3 2025 has 66 weekdays (Jul 23, Aug 21, Sep 22): 66 × 1.2 = 79.2, capped to 78.
    // Q4 needs 156 − 78 = 78 = 65 weekdays: Oct 23 + Nov 20 = 43, then the 22nd weekday of
    // December is Tuesday 30 December. Worked days: 66 + 65 = 131.
    expect(result.proposedEndDate).toBe("2025-12-30");
    expect(stepDetail(result, "Date de fin proposée")).toContain("131 jours prestés");
  });

  it("explains every step in French and ends on the ONEM validation", () => {
    expect(inFrench(result).steps.map((step) => step.label)).toEqual([
      "Règles appliquées",
      "Âge au début du contrat",
      "Condition d'admissibilité",
      "Comparaison des conditions",
      "Période de référence",
      "Occupation n° 1 (BE, du 01/01/2024 au 30/06/2024)",
      "Jours trouvés",
      "Jours manquants",
      "Conversion du régime du contrat",
      "Date de fin proposée",
      "Contrôle au terme",
      "Statut",
    ]);
    expect(stepDetail(result, "Occupation n° 1 (BE, du 01/01/2024 au 30/06/2024)")).toBe("Comptée. Temps plein : 2 trimestres complets × 78 = 156 jours.");
    expect(stepDetail(result, "Jours manquants")).toBe("312 − 156 = 156 jours à prester sous contrat.");
    expect(result.isProposal).toBe(true);
  });

  it("flags that old days leave the reference period by the end of the contract", () => {
    // Counted back from the end (30 Dec 2025): 31 Mar 2024 – 30 Dec 2025. Q1 2024 drops out
    // (31 March is a Sunday: 0 weekdays), Q2 stays: 78 + 156 from the contract = 234 < 312.
    // Only the contract counts by then: Q3 78 + Q4 78 + Q1 2026 (64 weekdays × 1.2 = 76.8)
    // + Q2 2026 78 + Wed 1 July 1.2 = 312 on 1 July 2026.
    expect(result.endDateCheck).toMatchObject({
      pastDays: 78,
      contractDays: 156,
      total: 234,
      isSufficient: false,
      adjustedEndDate: "2026-07-01",
    });
    expect(inFrench(result).warnings[0]).toContain("première fin qui en remplit une : 01/07/2026");
  });
});

describe("calculateDaysToWork — T31, 36 to 49 (example B)", () => {
  const result = calculateDaysToWork({
    worker: { birthDate: "1980-03-10" },
    contract: { start: "2025-09-01", plannedEnd: "2025-11-30", regime: FULL_TIME },
    employmentPeriods: [{ from: "2022-04-01", to: "2023-12-31", regime: FULL_TIME, country: "BE" }],
    assimilatedPeriods: [],
    calculationDate: "2025-08-01",
  });

  it("keeps the 624/42 alternative when it leaves fewer days, and rounds partial days down", () => {
    // 468/33: 1 Dec 2022 – 31 Aug 2025. December 2022 has 22 weekdays × 1.2 = 26.4, plus 2023
    // 4 × 78 = 312 → 338.4, rounded down 338; missing 130.
    // 624/42: 1 Mar 2022 – 31 Aug 2025 holds all 7 quarters: 546; missing 78 → retained.
    expect(result.ageAtStart).toBe(45);
    expect(result.outcomes).toEqual([
      {
        requiredDays: 468,
        referenceMonths: 33,
        referencePeriod: { from: "2022-12-01", to: "2025-08-31" },
        countedDays: 338,
        missingDays: 130,
      },
      {
        requiredDays: 624,
        referenceMonths: 42,
        referencePeriod: { from: "2022-03-01", to: "2025-08-31" },
        countedDays: 546,
        missingDays: 78,
      },
      // 312/33 + 8 days of history per missing day: 10 years before 1 Dec 2022 hold April–
      // November 2022: Q2 78 + Q3 78 + October 21 and November 22 weekdays × 1.2 = 51.6 → 207.
      // 207 ÷ 8 = 25 days made up: 468 − 25 = 443 asked, 338 found, 105 missing.
      // (234/33 + 1,560 days of history cannot be met with 207: it is not an outcome.)
      {
        requiredDays: 443,
        referenceMonths: 33,
        referencePeriod: { from: "2022-12-01", to: "2025-08-31" },
        countedDays: 338,
        missingDays: 105,
        history: { from: "2012-12-01", to: "2022-11-30", days: 207 },
      },
    ]);
    expect(result.requiredDays).toBe(624);
    expect(result.missingDays).toBe(78);
    expect(result.manualAlternatives).toEqual([]);
    expect(stepDetail(result, "Comparaison des conditions")).toContain(
      "1560 jours de travail dans les 10 ans qui précèdent : non remplie (historique insuffisant)",
    );
  });

  it("proposes the end date: 78 days = 65 weekdays from Monday 1 September", () => {
    // September 22 weekdays (26.4), October 23 + November 20 = 43 more → Friday 28 November.
    expect(result.proposedEndDate).toBe("2025-11-28");
  });
});

describe("calculateDaysToWork — T31, 50 and over, part-time (example C)", () => {
  const result = calculateDaysToWork({
    worker: { birthDate: "1970-01-20" },
    contract: { start: "2025-04-01", plannedEnd: "2025-12-31", regime: { kind: "PART_TIME", weeklyHours: 30, fullTimeWeeklyHours: 38 } },
    employmentPeriods: [{ from: "2022-01-01", to: "2024-12-31", regime: { kind: "PART_TIME", weeklyHours: 19, fullTimeWeeklyHours: 38 }, country: "BE" }],
    assimilatedPeriods: [{ kind: "SICKNESS", from: "2025-01-06", to: "2025-01-31" }],
    calculationDate: "2025-03-01",
  });

  it("scales part-time quarters by hours and counts sickness days Monday to Saturday", () => {
    // 624 in 42 months: 1 Oct 2021 – 31 Mar 2025. 12 full quarters × 78 × 19/38 = 468.
    // Sickness 6–31 Jan 2025: 26 days − 3 Sundays (12, 19, 26) = 23. Total 491, missing 133.
    expect(result.ageAtStart).toBe(55);
    expect(result.referencePeriod).toMatchObject({ from: "2021-10-01", to: "2025-03-31" });
    expect(result.countedDays).toMatchObject({ total: 491, employment: 468, assimilated: 23 });
    expect(result.missingDays).toBe(133);
  });

  it("converts the part-time contract: each weekday counts 6/5 × 30/38", () => {
    // 133 / (36/38) = 140.39 → 141 weekdays. From Tue 1 April: Q2 65, July 23, August 21,
    // September 22 = 131; the 10th weekday of October is Tuesday 14 October.
    expect(result.proposedEndDate).toBe("2025-10-14");
    expect(stepDetail(result, "Date de fin proposée")).toContain("141 jours prestés");
  });
});

/** A full-time contract from 1 September to 30 November 2025 after full-time periods in Belgium. */
const autumn2025 = (birthDate: string, periods: [from: string, to: string][]) =>
  calculateDaysToWork({
    worker: { birthDate },
    contract: { start: "2025-09-01", plannedEnd: "2025-11-30", regime: FULL_TIME },
    employmentPeriods: periods.map(([from, to]) => ({ from, to, regime: FULL_TIME, country: "BE" })),
    assimilatedPeriods: [],
    calculationDate: "2025-08-01",
  });

describe("calculateDaysToWork — T31, 36 to 49, with a long career 10 years ago (example F)", () => {
  // Born 10 May 1985: 40 at the start. Full time 2013–2019 (7 years) and January–June 2024.
  const result = autumn2025("1985-05-10", [
    ["2013-01-01", "2019-12-31"],
    ["2024-01-01", "2024-06-30"],
  ]);

  it("keeps 234 days in 33 months once the 10 years before hold 1,560 days", () => {
    // 33 months (1 Dec 2022 – 31 Aug 2025): January–June 2024 = 156. The 10 years before
    // (1 Dec 2012 – 30 Nov 2022) hold 2013–2019: 28 quarters × 78 = 2,184 ≥ 1,560.
    // 468/33: 312 missing; 624/42: 468; 234/33 + history: 78; 312/33 + 8 per day: 2,184 ÷ 8 =
    // 273 made up, 468 − 273 = 195, at least 312 → 156 missing. The smallest, 78, is retained.
    expect(result.outcomes.map((o) => [o.requiredDays, o.referenceMonths, o.missingDays, o.history?.days ?? null])).toEqual([
      [468, 33, 312, null],
      [624, 42, 468, null],
      [234, 33, 78, 2184],
      [312, 33, 156, 2184],
    ]);
    expect(result).toMatchObject({ requiredDays: 234, missingDays: 78, proposedEndDate: "2025-11-28" });
    expect(stepDetail(result, "Historique des 10 ans")).toContain("du 01/12/2012 au 30/11/2022");
    expect(stepDetail(result, "Jours manquants")).toBe("234 − 156 = 78 jours à prester sous contrat.");
  });

  it("checks the end date with the history of the later reference period", () => {
    // At the proposed end the 33 months hold 156 + the 78 of the contract = 234; the 10 years
    // before them still hold more than 1,560 days of 2013–2019.
    expect(result.endDateCheck).toMatchObject({ requiredDays: 234, total: 234, isSufficient: true, adjustedEndDate: "2025-11-28" });
  });
});

describe("calculateDaysToWork — T31, 50 and over, history making up missing days (example G)", () => {
  it("asks 624 − 188 = 436 days in 42 months, already met: no end date", () => {
    // Born 15 Jan 1973: 52. 42 months: 1 Mar 2022 – 31 Aug 2025 hold January 2024 – June 2025,
    // 6 quarters = 468. The 10 years before (1 Mar 2012 – 28 Feb 2022) hold March 2012 (22
    // weekdays × 1.2 = 26.4) and 19 quarters to the end of 2016 (1,482): 1,508 < 1,560, so
    // 312/42 + 1,560 cannot be met; 1,508 ÷ 8 = 188 made up: 624 − 188 = 436 ≥ 416, met by 468.
    const result = autumn2025("1973-01-15", [
      ["2012-01-01", "2016-12-31"],
      ["2024-01-01", "2025-06-30"],
    ]);
    expect(result.outcomes.map((o) => [o.requiredDays, o.countedDays, o.missingDays, o.history?.days ?? null])).toEqual([
      [624, 468, 156, null],
      [436, 468, 0, 1508],
    ]);
    expect(result).toMatchObject({ requiredDays: 436, missingDays: 0, proposedEndDate: null });
    expect(stepDetail(result, "Comparaison des conditions")).toContain(
      "312 jours en 42 mois et 1560 jours de travail dans les 10 ans qui précèdent : non remplie",
    );
  });
});

describe("calculateDaysToWork — overlapping periods (example E)", () => {
  const result = calculateDaysToWork({
    worker: { birthDate: "1998-02-01" },
    contract: { start: "2025-03-03", plannedEnd: "2025-12-31", regime: FULL_TIME },
    employmentPeriods: [{ from: "2024-10-01", to: "2024-12-31", regime: FULL_TIME, country: "BE" }],
    assimilatedPeriods: [
      { kind: "SICKNESS", from: "2024-12-01", to: "2025-01-15" },
      { kind: "WORK_ACCIDENT", from: "2025-01-10", to: "2025-01-20" },
    ],
    calculationDate: "2025-02-15",
  });

  it("counts each day once: employment first, then the earliest assimilated period", () => {
    // Q4 2024 full time: 78. Sickness in December is covered by work (26 Mon–Sat days).
    // Sickness 1–15 Jan: 15 − 2 Sundays = 13. Accident 10–20 Jan: 10–15 already counted (5
    // Mon–Sat days), 16, 17, 18, 20 = 4. Total 78 + 17 = 95; missing 312 − 95 = 217.
    expect(result.countedDays.total).toBe(95);
    expect(result.countedDays.periods.map((p) => [p.source, p.days, p.status])).toEqual([
      ["EMPLOYMENT", 78, "COUNTED"],
      ["ASSIMILATED", 13, "PARTLY_COUNTED"],
      ["ASSIMILATED", 4, "PARTLY_COUNTED"],
    ]);
    expect(inFrench(result).reasons[2]).toContain("5 jours déjà comptés dans une autre période assimilée");
    expect(result.missingDays).toBe(217);
  });

  it("proposes Tuesday 11 November (a paid holiday counts) for 217 days", () => {
    // March from the 3rd: 21 weekdays = 25.2; Q2 65 weekdays = 78 (103.2); Q3 capped 78
    // (181.2); 35.8 more = 30 weekdays: October 23 + 3–7 and 10–11 November.
    expect(result.proposedEndDate).toBe("2025-11-11");
    expect(result.endDateCheck).toMatchObject({ total: 312, isSufficient: true });
    expect(result.warnings).toEqual([]);
  });
});

describe("calculateDaysToWork — nothing missing", () => {
  it("proposes no end date and warns when the age band changes before the claim", () => {
    // Born 15 Oct 1989: 35 at the start (1 Sep 2025), 36 at the planned claim (28 Feb 2026).
    // Four full quarters (1 Jul 2024 – 30 Jun 2025) = 312 = the requirement.
    const result = calculateDaysToWork({
      worker: { birthDate: "1989-10-15" },
      contract: { start: "2025-09-01", plannedEnd: "2026-02-27", regime: FULL_TIME },
      employmentPeriods: [{ from: "2024-07-01", to: "2025-06-30", regime: FULL_TIME, country: "BE" }],
      assimilatedPeriods: [],
      calculationDate: "2025-08-01",
    });
    expect(result.missingDays).toBe(0);
    expect(result.proposedEndDate).toBeNull();
    expect(result.endDateCheck).toBeNull();
    expect(inFrench(result).warnings).toEqual([
      "Le travailleur aura 36 ans le 28/02/2026 (tranche « de 36 à 49 ans ») : le calcul utilise l'âge au début du contrat (tranche « moins de 36 ans »).",
    ]);
  });
});
