import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { addDays, fromDayNumber, toDayNumber } from "./calendar-date";
import { calculateDaysToWork } from "./calculate-days-to-work";
import { buildContractTimeline, contractDaysUntil } from "./project-end-date";
import { ASSIMILATED_KINDS, type AssimilatedPeriod, type DaysToWorkInput } from "./types";
import { addWorkingDays, computeOnemDeadline, isWorkingDay } from "./working-days";

// Invariants the worked examples cannot cover one by one. Contracts start on 1 July 2025 (T31)
// or 1 April 2026 (reform); periods are drawn in the four years before.
const FIRST_DAY = toDayNumber("2021-07-01");
const LAST_DAY = toDayNumber("2025-06-30");

const range = fc
  .tuple(fc.integer({ min: FIRST_DAY, max: LAST_DAY }), fc.integer({ min: 0, max: 400 }))
  .map(([from, length]) => ({ from: fromDayNumber(from), to: fromDayNumber(Math.min(from + length, LAST_DAY)) }));

const assimilated: fc.Arbitrary<AssimilatedPeriod> = fc.tuple(range, fc.constantFrom(...ASSIMILATED_KINDS)).map(([dates, kind]) => ({ ...dates, kind }));

const input = fc
  .record({
    employment: fc.option(range, { nil: undefined }),
    assimilatedPeriods: fc.array(assimilated, { maxLength: 4 }),
    isPartTime: fc.boolean(),
    start: fc.constantFrom("2025-07-01", "2026-04-01"),
  })
  .map(({ employment, assimilatedPeriods, isPartTime, start }): DaysToWorkInput => ({
    worker: { birthDate: "1990-01-01" },
    contract: {
      start,
      plannedEnd: addDays({ date: start, days: 200 }),
      regime: isPartTime ? { kind: "PART_TIME", weeklyHours: 19, fullTimeWeeklyHours: 38 } : { kind: "FULL_TIME" },
    },
    employmentPeriods: employment ? [{ ...employment, regime: { kind: "FULL_TIME" }, country: "BE" }] : [],
    assimilatedPeriods,
    calculationDate: "2025-06-30",
  }));

describe("calculateDaysToWork invariants", () => {
  it("never counts an overlapping day twice: duplicating every assimilated period changes nothing", () => {
    fc.assert(
      fc.property(input, (request) => {
        const once = calculateDaysToWork(request);
        const twice = calculateDaysToWork({
          ...request,
          assimilatedPeriods: [...request.assimilatedPeriods, ...request.assimilatedPeriods],
        });
        expect(twice.countedDays.total).toBe(once.countedDays.total);
        expect(twice.referencePeriod).toEqual(once.referencePeriod);
      }),
    );
  });

  it("never counts more than 78 days per quarter of the reference period", () => {
    fc.assert(
      fc.property(input, (request) => {
        const result = calculateDaysToWork(request);
        const quarters = Math.ceil((toDayNumber(result.referencePeriod.to) - toDayNumber(result.referencePeriod.from) + 1) / 90) + 1;
        expect(result.countedDays.total).toBeLessThanOrEqual(78 * quarters);
        expect(result.missingDays).toBe(Math.max(0, result.requiredDays - result.countedDays.total));
      }),
    );
  });

  it("proposes the first day on which the contract reaches the missing days", () => {
    fc.assert(
      fc.property(input, (request) => {
        const result = calculateDaysToWork(request);
        if (result.proposedEndDate === null) return;
        const timeline = buildContractTimeline({ contract: request.contract });
        const dayBefore = addDays({ date: result.proposedEndDate, days: -1 });
        expect(contractDaysUntil({ timeline, date: result.proposedEndDate })).toBeGreaterThanOrEqual(result.missingDays - 1e-9);
        expect(contractDaysUntil({ timeline, date: dayBefore })).toBeLessThan(result.missingDays - 1e-9);
      }),
    );
  });
});

describe("computeOnemDeadline invariants", () => {
  it("lands on a working day with exactly N working days after the receipt day", () => {
    const instant = fc.date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2030-12-31T23:59:59Z"), noInvalidDate: true });
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 10 }), (receivedAt, workingDays) => {
        const { receivedOn, deadline } = computeOnemDeadline({ receivedAt, workingDays });
        expect(isWorkingDay(deadline)).toBe(true);
        let count = 0;
        for (let day = toDayNumber(receivedOn) + 1; day <= toDayNumber(deadline); day += 1) if (isWorkingDay(fromDayNumber(day))) count += 1;
        expect(count).toBe(workingDays);
        expect(addWorkingDays({ from: receivedOn, days: workingDays })).toBe(deadline);
      }),
    );
  });
});
