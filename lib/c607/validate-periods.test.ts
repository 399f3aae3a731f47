import { describe, expect, it } from "vitest";

import { localize } from "@/lib/i18n/translator";

import { calculateDaysToWork, InvalidC607InputError } from "./calculate-days-to-work";
import type { DaysToWorkInput } from "./types";
import { validatePeriods } from "./validate-periods";

const valid: DaysToWorkInput = {
  worker: { birthDate: "1995-06-15" },
  contract: { start: "2025-07-01", plannedEnd: "2025-12-31", regime: { kind: "FULL_TIME" } },
  employmentPeriods: [
    { from: "2024-01-01", to: "2024-03-31", regime: { kind: "FULL_TIME" }, country: "BE" },
    { from: "2024-04-01", to: "2024-06-30", regime: { kind: "PART_TIME", weeklyHours: 19, fullTimeWeeklyHours: 38 }, country: "BE" },
  ],
  assimilatedPeriods: [
    // Assimilated periods may overlap each other and employment: the count merges them.
    { kind: "SICKNESS", from: "2024-03-15", to: "2024-04-15" },
    { kind: "WORK_ACCIDENT", from: "2024-04-10", to: "2024-04-20" },
  ],
  calculationDate: "2025-06-01",
};

const paths = (input: DaysToWorkInput) => validatePeriods(input).map((error) => error.path);

describe("validatePeriods", () => {
  it("accepts a coherent request", () => {
    expect(validatePeriods(valid)).toEqual([]);
  });

  it("reports a reversed period on its end date, in French", () => {
    const input = { ...valid, employmentPeriods: [{ ...valid.employmentPeriods[0]!, from: "2024-03-31", to: "2024-01-01" }] };
    expect(validatePeriods(input).map((e) => ({ ...e, message: localize("fr", e.message) }))).toEqual([
      {
        path: "employmentPeriods.0.to",
        message: "Période d'occupation n° 1 : la date de fin (01/01/2024) précède la date de début (31/03/2024).",
      },
    ]);
  });

  it("reports overlapping employment periods on the later row", () => {
    const input = { ...valid, employmentPeriods: [valid.employmentPeriods[0]!, { ...valid.employmentPeriods[1]!, from: "2024-03-31" }] };
    const errors = validatePeriods(input).map((e) => ({ ...e, message: localize("fr", e.message) }));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe("employmentPeriods.1.from");
    expect(errors[0]!.message).toContain("chevauche la période n° 1 (du 01/01/2024 au 31/03/2024)");
  });

  it("reports periods that do not end before the contract start", () => {
    const input: DaysToWorkInput = {
      ...valid,
      employmentPeriods: [{ ...valid.employmentPeriods[0]!, from: "2025-06-01", to: "2025-07-01" }],
      assimilatedPeriods: [{ kind: "SICKNESS", from: "2025-08-01", to: "2025-08-10" }],
    };
    const errors = validatePeriods(input).map((e) => ({ ...e, message: localize("fr", e.message) }));
    expect(errors.map((error) => error.path)).toEqual(["employmentPeriods.0.to", "assimilatedPeriods.0.to"]);
    expect(errors[0]!.message).toBe(
      "Période d'occupation n° 1 : elle se termine le 01/07/2025, pas avant le début du contrat (01/07/2025). Seul le passé professionnel antérieur au contrat est encodé.",
    );
  });

  it("checks contract dates, regimes, days per week, declared figures and countries", () => {
    const input: DaysToWorkInput = {
      worker: { birthDate: "2026-01-01" },
      contract: {
        start: "2025-07-01",
        plannedEnd: "2025-06-30",
        regime: { kind: "PART_TIME", weeklyHours: 40, fullTimeWeeklyHours: 38 },
        daysPerWeek: 7,
      },
      employmentPeriods: [
        { from: "2024-02-30", to: "2024-03-31", regime: { kind: "FULL_TIME" }, country: "be" },
        { from: "2024-04-01", to: "2024-04-30", regime: { kind: "FULL_TIME" }, country: "BE", declaredDays: 31, declaredHours: 10 },
        {
          from: "2024-05-01",
          to: "2024-05-31",
          regime: { kind: "PART_TIME", weeklyHours: 19, fullTimeWeeklyHours: 38 },
          country: "BE",
          declaredDays: 10,
        },
      ],
      assimilatedPeriods: [],
      calculationDate: "2025-13-01",
    };
    expect(paths(input)).toEqual([
      "calculationDate",
      "contract.plannedEnd",
      "contract.regime.weeklyHours",
      "contract.daysPerWeek",
      "worker.birthDate",
      "employmentPeriods.0.from",
      "employmentPeriods.0.country",
      "employmentPeriods.1.declaredDays",
      "employmentPeriods.1.declaredHours",
      "employmentPeriods.2.declaredDays",
    ]);
  });
});

describe("calculateDaysToWork on invalid input", () => {
  it("refuses to compute and hands back the same errors", () => {
    const input = { ...valid, employmentPeriods: [{ ...valid.employmentPeriods[0]!, to: "2023-12-31" }] };
    expect(() => calculateDaysToWork(input)).toThrow(InvalidC607InputError);
    try {
      calculateDaysToWork(input);
    } catch (error) {
      expect((error as InvalidC607InputError).errors).toEqual(validatePeriods(input));
    }
  });
});
