import { describe, expect, it } from "vitest";

import { calculateDaysToWork } from "./calculate-days-to-work";
import type { DaysToWorkInput } from "./types";

// Worked examples of docs/c607-calculation.md, T31 rules (planned claim before 1 March 2026).
// Conventions: a full quarter counts 78; other full-time weekdays count 6/5 = 1.2; the contract
// earns 1.2 per weekday (holidays included), at most 78 per quarter; totals are rounded down.
const FULL_TIME = { kind: "FULL_TIME" } as const;
const stepDetail = (result: ReturnType<typeof calculateDaysToWork>, label: string) => result.steps.find((step) => step.label === label)?.detail;

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
    expect(result.steps.map((step) => step.label)).toEqual([
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
    expect(stepDetail(result, "Occupation n° 1 (BE, du 01/01/2024 au 30/06/2024)")).toBe("Comptée. Temps plein : 2 trimestre(s) complet(s) × 78 = 156 jours.");
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
    expect(result.warnings[0]).toContain("première fin qui en remplit une : 01/07/2026");
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
    ]);
    expect(result.requiredDays).toBe(624);
    expect(result.missingDays).toBe(78);
    expect(result.manualAlternatives).toHaveLength(2);
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
    expect(result.countedDays.periods[2]!.reason).toContain("5 jour(s) déjà compté(s) dans une autre période assimilée");
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
    expect(result.warnings).toEqual([
      "Le travailleur aura 36 ans le 28/02/2026 (tranche « de 36 à 49 ans ») : le calcul utilise l'âge au début du contrat (tranche « moins de 36 ans »).",
    ]);
  });
});
