import { describe, expect, it } from "vitest";

import { toBrusselsDate } from "./calendar-date";
import { getSecondCalculationWindow, isInSecondCalculationWindow } from "./second-calculation-window";

describe("getSecondCalculationWindow", () => {
  it("opens 30 and closes 15 calendar days before the end: 30 June → 31 May … 15 June", () => {
    expect(getSecondCalculationWindow({ contractEnd: "2026-06-30" })).toEqual({ opensOn: "2026-05-31", closesOn: "2026-06-15" });
  });

  it("crosses month and leap-year boundaries: 10 March 2024 − 30 = 9 February, − 15 = 24 February", () => {
    expect(getSecondCalculationWindow({ contractEnd: "2024-03-10" })).toEqual({ opensOn: "2024-02-09", closesOn: "2024-02-24" });
  });
});

describe("isInSecondCalculationWindow", () => {
  const contractEnd = "2026-06-30";

  it("includes both ends", () => {
    expect(isInSecondCalculationWindow({ contractEnd, date: "2026-05-31" })).toBe(true);
    expect(isInSecondCalculationWindow({ contractEnd, date: "2026-06-15" })).toBe(true);
    expect(isInSecondCalculationWindow({ contractEnd, date: "2026-06-07" })).toBe(true);
  });

  it("refuses the day before it opens and the day after it closes", () => {
    expect(isInSecondCalculationWindow({ contractEnd, date: "2026-05-30" })).toBe(false);
    expect(isInSecondCalculationWindow({ contractEnd, date: "2026-06-16" })).toBe(false);
    expect(isInSecondCalculationWindow({ contractEnd, date: "2026-06-30" })).toBe(false);
  });

  it("judges a late-evening request on its Belgian day: 15 June 22:30 UTC is 16 June 00:30 in Brussels", () => {
    expect(isInSecondCalculationWindow({ contractEnd, date: toBrusselsDate(new Date("2026-06-15T21:30:00Z")) })).toBe(true);
    expect(isInSecondCalculationWindow({ contractEnd, date: toBrusselsDate(new Date("2026-06-15T22:30:00Z")) })).toBe(false);
  });
});
