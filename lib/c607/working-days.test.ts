import { describe, expect, it } from "vitest";

import { toBrusselsDate } from "./calendar-date";
import { addWorkingDays, computeEasterSunday, computeOnemDeadline, isWorkingDay, listBelgianLegalHolidays } from "./working-days";

describe("computeEasterSunday", () => {
  it("matches published Easter dates, including the earliest and latest possible ones", () => {
    expect(computeEasterSunday(2024)).toBe("2024-03-31");
    expect(computeEasterSunday(2025)).toBe("2025-04-20");
    expect(computeEasterSunday(2026)).toBe("2026-04-05");
    expect(computeEasterSunday(2027)).toBe("2027-03-28");
    expect(computeEasterSunday(2038)).toBe("2038-04-25"); // latest possible date
    expect(computeEasterSunday(2285)).toBe("2285-03-22"); // earliest possible date
  });
});

describe("listBelgianLegalHolidays", () => {
  it("lists the ten legal holidays of 2026 (Easter 5 April)", () => {
    expect(listBelgianLegalHolidays(2026).map((holiday) => holiday.date)).toEqual([
      "2026-01-01",
      "2026-04-06", // Easter Monday = Easter + 1
      "2026-05-01",
      "2026-05-14", // Ascension = Easter + 39, a Thursday
      "2026-05-25", // Whit Monday = Easter + 50
      "2026-07-21",
      "2026-08-15",
      "2026-11-01",
      "2026-11-11",
      "2026-12-25",
    ]);
  });
});

describe("isWorkingDay", () => {
  it("excludes weekends and legal holidays", () => {
    expect(isWorkingDay("2026-04-03")).toBe(true); // Good Friday is not a legal holiday
    expect(isWorkingDay("2026-04-04")).toBe(false); // Saturday
    expect(isWorkingDay("2026-04-05")).toBe(false); // Sunday (Easter)
    expect(isWorkingDay("2026-04-06")).toBe(false); // Easter Monday
    expect(isWorkingDay("2026-04-07")).toBe(true);
    expect(isWorkingDay("2026-07-21")).toBe(false); // national day, a Tuesday in 2026
    expect(isWorkingDay("2026-05-14")).toBe(false); // Ascension
    expect(isWorkingDay("2026-12-24")).toBe(true); // Christmas Eve is a working day
  });
});

describe("addWorkingDays", () => {
  it("counts strictly after the start date and skips weekends", () => {
    // Friday 6 March 2026 + 1 → Monday 9 March.
    expect(addWorkingDays({ from: "2026-03-06", days: 1 })).toBe("2026-03-09");
    expect(addWorkingDays({ from: "2026-03-06", days: 0 })).toBe("2026-03-06");
  });

  it("refuses a negative or fractional number of days", () => {
    expect(() => addWorkingDays({ from: "2026-03-06", days: -1 })).toThrow(RangeError);
    expect(() => addWorkingDays({ from: "2026-03-06", days: 1.5 })).toThrow(RangeError);
  });
});

// Brussels is UTC+1 in winter and UTC+2 in summer; the instants below are written in UTC.
describe("computeOnemDeadline", () => {
  it("Monday receipt: Tue 3 (1), Wed 4 (2), Thu 5 (3), Fri 6 (4), Mon 9 March (5)", () => {
    expect(computeOnemDeadline({ receivedAt: new Date("2026-03-02T09:00:00Z") })).toEqual({
      receivedOn: "2026-03-02",
      countingStartsOn: "2026-03-03",
      deadline: "2026-03-09",
    });
  });

  it("Friday before Easter: Mon 6 April is Easter Monday, so Tue 7 (1) … Mon 13 April (5)", () => {
    const result = computeOnemDeadline({ receivedAt: new Date("2026-04-03T14:00:00Z") });
    expect(result.countingStartsOn).toBe("2026-04-07");
    expect(result.deadline).toBe("2026-04-13");
  });

  it("Saturday receipt before 21 July: Mon 20 (1), [Tue 21 holiday], Wed 22 (2) … Mon 27 July (5)", () => {
    const result = computeOnemDeadline({ receivedAt: new Date("2026-07-18T10:00:00Z") });
    expect(result.countingStartsOn).toBe("2026-07-20");
    expect(result.deadline).toBe("2026-07-27");
  });

  it("Christmas and New Year: Thu 24 Dec → Mon 28 (1) … Thu 31 (4), [Fri 1 Jan], Mon 4 Jan 2027 (5)", () => {
    const result = computeOnemDeadline({ receivedAt: new Date("2026-12-24T08:00:00Z") });
    expect(result.countingStartsOn).toBe("2026-12-28");
    expect(result.deadline).toBe("2027-01-04");
  });

  it("Ascension: Tue 12 May → Wed 13 (1), [Thu 14], Fri 15 (2), Mon 18 (3), Tue 19 (4), Wed 20 May (5)", () => {
    expect(computeOnemDeadline({ receivedAt: new Date("2026-05-12T08:00:00Z") }).deadline).toBe("2026-05-20");
  });

  it("Sunday 23:30 UTC in winter is Monday 00:30 in Brussels: Tue 6 (1) … Mon 12 January (5)", () => {
    const result = computeOnemDeadline({ receivedAt: new Date("2026-01-04T23:30:00Z") });
    expect(result.receivedOn).toBe("2026-01-05");
    // Read as a Sunday it would have given Mon 5 (1) … Fri 9 January (5).
    expect(result.deadline).toBe("2026-01-12");
  });

  it("summer time: 30 June 22:30 UTC is 1 July 00:30 in Brussels", () => {
    expect(toBrusselsDate(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
    expect(toBrusselsDate(new Date("2026-06-30T21:30:00Z"))).toBe("2026-06-30");
  });

  it("keeps the number of working days configurable (the Dutch FAQ says 7)", () => {
    // Mon 2 March + 7 working days: Tue 3 … Fri 6 (4), Mon 9 (5), Tue 10 (6), Wed 11 March (7).
    expect(computeOnemDeadline({ receivedAt: new Date("2026-03-02T09:00:00Z"), workingDays: 7 }).deadline).toBe("2026-03-11");
  });
});
