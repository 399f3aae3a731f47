import { describe, expect, it } from "vitest";

import { addMonths, ageOn, isCalendarDate, isoWeekday, toBrusselsDate } from "./calendar-date";

describe("calendar dates", () => {
  it("rejects impossible dates instead of rolling them over", () => {
    expect(isCalendarDate("2026-02-28")).toBe(true);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2026-13-01")).toBe(false);
    expect(isCalendarDate("1/3/2026")).toBe(false);
  });

  it("numbers weekdays from Monday = 1", () => {
    expect(isoWeekday("2026-04-06")).toBe(1); // Easter Monday
    expect(isoWeekday("2026-04-05")).toBe(7);
    expect(isoWeekday("1970-01-01")).toBe(4); // the epoch was a Thursday
  });

  it("clamps month arithmetic to the last day of a shorter month", () => {
    expect(addMonths({ date: "2025-07-01", months: -21 })).toBe("2023-10-01");
    expect(addMonths({ date: "2025-05-31", months: -3 })).toBe("2025-02-28");
    expect(addMonths({ date: "2024-05-31", months: -3 })).toBe("2024-02-29");
    expect(addMonths({ date: "2026-01-31", months: 1 })).toBe("2026-02-28");
  });

  it("computes full years of age, 29 February birthdays counting from 1 March", () => {
    expect(ageOn({ birthDate: "1990-07-01", date: "2026-06-30" })).toBe(35);
    expect(ageOn({ birthDate: "1990-07-01", date: "2026-07-01" })).toBe(36);
    expect(ageOn({ birthDate: "2000-02-29", date: "2026-02-28" })).toBe(25);
    expect(ageOn({ birthDate: "2000-02-29", date: "2026-03-01" })).toBe(26);
  });

  it("reads instants as Brussels days on both sides of the daylight-saving change", () => {
    // 29 March 2026, 01:00 UTC: clocks jump from 02:00 CET to 03:00 CEST.
    expect(toBrusselsDate(new Date("2026-03-28T22:59:00Z"))).toBe("2026-03-28"); // 23:59 CET
    expect(toBrusselsDate(new Date("2026-03-28T23:00:00Z"))).toBe("2026-03-29"); // 00:00 CET
    expect(toBrusselsDate(new Date("2026-10-24T21:59:00Z"))).toBe("2026-10-24"); // 23:59 CEST
    expect(toBrusselsDate(new Date("2026-10-24T22:00:00Z"))).toBe("2026-10-25"); // 00:00 CEST
  });
});
