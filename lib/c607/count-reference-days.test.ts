import { describe, expect, it } from "vitest";

import { calculateDaysToWork } from "./calculate-days-to-work";
import { readCalculation } from "./read-calculation";

const FULL_TIME = { kind: "FULL_TIME" } as const;
// Under 36, T31: reference period 1 Oct 2023 – 30 Jun 2025 for a contract starting 1 July 2025.
const base = {
  worker: { birthDate: "1995-06-15" },
  contract: { start: "2025-07-01", plannedEnd: "2025-12-31", regime: FULL_TIME },
  calculationDate: "2025-06-01",
};

describe("counting past periods (example F)", () => {
  const result = calculateDaysToWork({
    ...base,
    employmentPeriods: [
      { from: "2024-01-01", to: "2024-06-30", regime: FULL_TIME, country: "FR", declaredDays: 100 },
      {
        from: "2024-07-01",
        to: "2024-12-31",
        regime: { kind: "PART_TIME", weeklyHours: 19, fullTimeWeeklyHours: 38 },
        country: "BE",
        declaredHours: 500,
      },
      { from: "2025-01-01", to: "2025-03-31", regime: FULL_TIME, country: "US" },
      { from: "2020-01-01", to: "2020-12-31", regime: FULL_TIME, country: "BE" },
      { from: "2023-09-01", to: "2023-10-31", regime: FULL_TIME, country: "BE", declaredDays: 40 },
    ],
    assimilatedPeriods: [],
  });
  const days = result.countedDays.periods.map((period) => [period.days, period.status]);

  it("converts declared days and hours, pro rata when the period sticks out", () => {
    // France (EU): 100 days × 6 / 5 = 120, counted subject to the U1 form.
    // Part-time: 500 h × 6 / 38 = 78.947368. United States: to review, 0. 2020: outside.
    // 40 days × 6/5 = 48 over 1 Sep – 31 Oct 2023 (61 days), 31 of them inside: 48 × 31/61
    // = 24.393443. Total 223.340811 → 223; missing 89.
    expect(days).toEqual([
      [120, "COUNTED"],
      [78.947368, "COUNTED"],
      [0, "TO_REVIEW"],
      [0, "EXCLUDED"],
      [24.393443, "PARTLY_COUNTED"],
    ]);
    expect(result.countedDays.exact).toBe(223.340811);
    expect(result.countedDays.total).toBe(223);
    expect(result.missingDays).toBe(89);
    expect(readCalculation("fr", result).reasons[0]).toContain("formulaire U1");
    expect(readCalculation("fr", result).steps.find((step) => step.label === "Jours trouvés")!.detail).toBe(
      "223,34 jours d'occupation + 0 jours assimilés = 223,34 jours, arrondis à l'unité inférieure : 223 jours.",
    );
  });

  it("ends the contract once 89 days are earned", () => {
    // Q3 2025 capped at 78 after 65 weekdays; 11 more = 10 weekdays (12 ≥ 11): 14 October.
    expect(result.proposedEndDate).toBe("2025-10-14");
  });
});

describe("the 78-day quarter cap on past periods", () => {
  it("caps work and assimilated days sharing a quarter", () => {
    // Full time 1 Jul – 27 Sep 2024 (not a full quarter): 65 weekdays × 1.2 = 78.
    // Maternity 28–30 Sep: Saturday and Monday = 2. Q3 2024 = 80, capped to 78.
    const result = calculateDaysToWork({
      ...base,
      employmentPeriods: [{ from: "2024-07-01", to: "2024-09-27", regime: FULL_TIME, country: "BE" }],
      assimilatedPeriods: [{ kind: "MATERNITY", from: "2024-09-28", to: "2024-09-30" }],
    });
    expect(result.countedDays).toMatchObject({ total: 78, employment: 78, assimilated: 2, quarterCapReduction: 2 });
    expect(readCalculation("fr", result).steps.find((step) => step.label === "Plafond trimestriel")!.detail).toBe(
      "T3 2024 : 80 jours ramenés à 78 (un trimestre ne compte jamais plus de 78 jours).",
    );
  });
});
