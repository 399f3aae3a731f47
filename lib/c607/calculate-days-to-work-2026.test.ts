import { describe, expect, it } from "vitest";

import { calculateDaysToWork } from "./calculate-days-to-work";
import { readCalculation } from "./read-calculation";
import type { DaysToWorkInput } from "./types";

// 2026 reform: 312 days in 36 months at any age; sickness, work accident, occupational disease,
// career break, self-employment (≥ 3 months) and detention extend the reference period by their
// calendar days; temporary unemployment and maternity count as days (Monday to Saturday).
const FULL_TIME = { kind: "FULL_TIME" } as const;

describe("calculateDaysToWork — 2026 reform (example D)", () => {
  const input: DaysToWorkInput = {
    worker: { birthDate: "1990-05-05" },
    contract: { start: "2026-04-01", plannedEnd: "2026-12-31", regime: FULL_TIME },
    employmentPeriods: [
      { from: "2022-10-01", to: "2023-03-31", regime: FULL_TIME, country: "BE" },
      { from: "2025-07-01", to: "2025-12-31", regime: FULL_TIME, country: "BE" },
    ],
    assimilatedPeriods: [
      { kind: "SICKNESS", from: "2024-01-01", to: "2024-03-31" },
      { kind: "TEMPORARY_UNEMPLOYMENT", from: "2026-01-05", to: "2026-01-31" },
    ],
    calculationDate: "2026-03-15",
  };
  const result = calculateDaysToWork(input);

  it("extends the 36 months by the sickness and counts the quarter it brings back", () => {
    // Base: 1 Apr 2023 – 31 Mar 2026. Sickness Q1 2024 = 31 + 29 + 31 = 91 calendar days, so the
    // period starts 91 days earlier: 31 Dec 2022. Q4 2022 part = 31 Dec (a Saturday) = 0;
    // Q1 2023 full = 78; Q3 + Q4 2025 = 156; temporary unemployment 5–31 Jan 2026 = 27 days
    // − 3 Sundays = 24. Total 258, missing 54.
    expect(result.rulesetId).toBe("REFORME-2026-03-01");
    expect(result.referencePeriod).toEqual({ from: "2022-12-31", to: "2026-03-31", months: 36, extensionDays: 91 });
    expect(result.countedDays).toMatchObject({ total: 258, employment: 234, assimilated: 24 });
    expect(result.countedDays.periods.find((p) => p.source === "ASSIMILATED" && p.index === 0)).toMatchObject({
      status: "EXTENDS_REFERENCE",
      days: 0,
      extensionDays: 91,
    });
    expect(result.missingDays).toBe(54);
  });

  it("proposes 2 June 2026: 45 weekdays from 1 April, Easter Monday and Ascension included", () => {
    // 54 / 1.2 = 45 weekdays: April 22 (incl. 6 April), May 21 (incl. 1, 14, 25 May) → 43,
    // then Mon 1 and Tue 2 June.
    expect(result.proposedEndDate).toBe("2026-06-02");
  });

  it("re-counts at the end: Q1 2023 leaves the period, admission on 1 September 2026", () => {
    // Ending 2 Jun 2026: base from 3 Jun 2023, + 91 days → 4 Mar 2023; March 2023 from the 4th
    // has 20 weekdays = 24, + 156 + 24 = 204 past days + 54 = 258.
    // Ending 1 Sep 2026: from 3 Jun 2023 (base 2 Sep 2023 − 91); past 156 + 24 = 180; contract
    // Q2 78 + 45 weekdays (July 23, August 21, 1 September) × 1.2 = 54 → 312.
    expect(result.endDateCheck).toMatchObject({
      pastDays: 204,
      contractDays: 54,
      total: 258,
      isSufficient: false,
      adjustedEndDate: "2026-09-01",
    });
  });

  it("warns that the 'new days' condition is left to ONEM", () => {
    expect(readCalculation("fr", result).warnings[0]).toContain("312 « nouveaux » jours");
  });

  it("uses one requirement for every age", () => {
    const older = calculateDaysToWork({ ...input, worker: { birthDate: "1960-01-01" } });
    expect(older.requiredDays).toBe(312);
    expect(older.outcomes).toHaveLength(1);
    expect(older.missingDays).toBe(54);
  });
});

describe("calculateDaysToWork — 2026 extensions", () => {
  const result = calculateDaysToWork({
    worker: { birthDate: "1990-05-05" },
    contract: { start: "2026-04-01", plannedEnd: "2026-12-31", regime: FULL_TIME },
    employmentPeriods: [],
    assimilatedPeriods: [
      { kind: "CAREER_BREAK", from: "2023-04-01", to: "2023-06-29" },
      { kind: "SICKNESS", from: "2022-12-15", to: "2023-01-10" },
      { kind: "SELF_EMPLOYMENT", from: "2025-02-01", to: "2025-04-15" },
      { kind: "OTHER", from: "2025-05-01", to: "2025-05-31" },
    ],
    calculationDate: "2026-03-15",
  });

  it("repeats the extension until the start stops moving", () => {
    // Base from 1 Apr 2023. Career break 1 Apr – 29 Jun = 90 days → from 1 Jan 2023, which brings
    // in 1–10 Jan of the sickness (100 → 22 Dec 2022), then 22–31 Dec (110 → 12 Dec), then the
    // whole sickness 15 Dec – 10 Jan = 27 days: 117 → 5 Dec 2022, where it stops.
    expect(result.referencePeriod).toEqual({ from: "2022-12-05", to: "2026-03-31", months: 36, extensionDays: 117 });
    expect(result.countedDays.periods.map((p) => [p.index, p.extensionDays, p.status])).toEqual([
      [0, 90, "EXTENDS_REFERENCE"],
      [1, 27, "EXTENDS_REFERENCE"],
      [2, 0, "EXCLUDED"],
      [3, 0, "TO_REVIEW"],
    ]);
  });

  it("does not extend for self-employment under 3 months and leaves 'other' to ONEM", () => {
    // 1 Feb – 15 Apr 2025 is 2.5 months.
    expect(readCalculation("fr", result).reasons[2]).toBe("Activité indépendante de moins de 3 mois : ne prolonge pas la période de référence.");
    expect(readCalculation("fr", result).warnings).toContain("1 période n'est pas comptée automatiquement et reste à apprécier par le collaborateur ONEM.");
    expect(result.missingDays).toBe(312);
  });
});

describe("calculateDaysToWork — choice of the rule set", () => {
  it("follows the planned claim date, not the contract start", () => {
    // A contract starting in 2025 and ending after 28 Feb 2026 leads to a claim under the reform.
    const input: DaysToWorkInput = {
      worker: { birthDate: "1970-01-01" },
      contract: { start: "2025-10-01", plannedEnd: "2026-03-31", regime: FULL_TIME },
      employmentPeriods: [{ from: "2024-01-01", to: "2024-12-31", regime: FULL_TIME, country: "BE" }],
      assimilatedPeriods: [],
      calculationDate: "2025-09-01",
    };
    const reform = calculateDaysToWork(input);
    expect(reform.rulesDate).toBe("2026-04-01");
    expect(reform.rulesetId).toBe("REFORME-2026-03-01");
    expect(reform.missingDays).toBe(0); // 4 × 78 = 312 within 36 months

    const t31 = calculateDaysToWork({ ...input, contract: { ...input.contract, plannedEnd: "2026-02-27" } });
    expect(t31.rulesetId).toBe("ONEM-T31-2023-10-02");
    expect(t31.missingDays).toBe(624 - 312); // 55 years old: 624 in 42 months
    expect(readCalculation("fr", t31).warnings.some((warning) => warning.includes("relèverait des règles REFORME-2026-03-01"))).toBe(true);
  });
});

// Issue 11: the steps shown to ONEM and the CPAS cite public references, never a file of this
// project nor an internal note.
describe("calculation steps: sources shown to users", () => {
  const base: DaysToWorkInput = {
    worker: { birthDate: "1990-05-05" },
    contract: { start: "2026-04-01", plannedEnd: "2026-12-31", regime: FULL_TIME },
    employmentPeriods: [{ from: "2025-07-01", to: "2025-12-31", regime: FULL_TIME, country: "BE" }],
    assimilatedPeriods: [],
    calculationDate: "2026-03-15",
  };

  it.each<[string, DaysToWorkInput, string]>([
    ["the 2026 reform", base, "REFORME-2026-03-01"],
    [
      "ONEM sheet T31",
      {
        ...base,
        contract: { ...base.contract, start: "2024-04-01", plannedEnd: "2024-12-31" },
        employmentPeriods: [{ from: "2023-07-01", to: "2023-12-31", regime: FULL_TIME, country: "BE" }],
        calculationDate: "2024-03-15",
      },
      "ONEM-T31-2023-10-02",
    ],
  ])("%s: no « DOMAIN.md », no « non lu »", (_name, input, ruleset) => {
    const result = calculateDaysToWork(input);
    expect(result.rulesetId).toBe(ruleset);
    const { steps, warnings } = readCalculation("fr", result);
    const shown = [...steps.flatMap((s) => [s.label, s.detail]), ...warnings].join("\n");
    expect(shown).toContain("Source : ");
    expect(shown).not.toMatch(/DOMAIN|\.md\b|non lu|seed/i);
  });
});
