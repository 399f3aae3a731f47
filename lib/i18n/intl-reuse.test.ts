import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { brusselsClock } from "@/lib/security/access-policy";
import { summarizeChange } from "@/lib/security-log/describe-event";
import { brusselsDayStart, formatBrusselsTime } from "@/lib/security-log/filters";

import { formatterFor } from "./translator";

// Each `Intl.DateTimeFormat` holds about 27 KB of ICU memory that V8 does not count, and building
// one costs about 50 µs. The security log formatted every date with a new one: its CSV export of a
// centre's 3,500 events left about 85 MiB more in the server, page after page (issue 15,
// docs/deployment.md). Formatting must reuse the formatters once a language has been used.

const RealDateTimeFormat = Intl.DateTimeFormat;
let built = 0;

beforeEach(() => {
  built = 0;
  Intl.DateTimeFormat = new Proxy(RealDateTimeFormat, {
    construct(target, args, newTarget) {
      built++;
      return Reflect.construct(target, args, newTarget) as object;
    },
    apply(target, thisArg, args) {
      built++;
      return Reflect.apply(target, thisArg, args) as unknown;
    },
  });
});

afterEach(() => {
  Intl.DateTimeFormat = RealDateTimeFormat;
});

const instants = Array.from({ length: 200 }, (_, i) => new Date(Date.UTC(2026, 11, 1, 8, 0, i * 17)));

describe("dates are formatted without building an Intl object each time", () => {
  it("the security log's dates, in French and Dutch: 400 dates, at most one formatter per language", () => {
    // 1 December 2026, 08:00:00 UTC is 09:00:00 in Brussels (UTC+1 in winter).
    expect(formatBrusselsTime(instants[0]!, "fr")).toBe("01/12/2026 09:00:00");
    expect(formatBrusselsTime(instants[0]!, "nl")).toBe("01/12/2026, 09:00:00"); // CLDR nl-BE
    const before = built;
    for (const d of instants) {
      formatBrusselsTime(d, "fr");
      formatBrusselsTime(d, "nl");
    }
    expect(built - before).toBe(0);
  });

  it("the same formatter is handed out for a language", () => {
    expect(formatterFor("fr")).toBe(formatterFor("fr"));
    expect(formatterFor("nl")).not.toBe(formatterFor("fr"));
  });

  it("the change column's instants and weekdays reuse theirs", () => {
    const change = { grantedAt: "2026-12-02T00:11:23.205Z", allowedDays: [1, 5] };
    expect(summarizeChange(null, change)).toBe("attribué le : 02/12/2026 01:11 ; jours autorisés : lundi, vendredi");
    const before = built;
    for (let i = 0; i < 100; i++) summarizeChange(null, change);
    expect(built - before).toBe(0);
  });

  it("the access policy's clock, read on every portal page, builds nothing", () => {
    // Tuesday 1 December 2026, 08:00 UTC = 09:00 in Brussels.
    expect(brusselsClock(instants[0]!)).toEqual({ day: 2, minute: 9 * 60 });
    for (const d of instants) brusselsClock(d);
    expect(built).toBe(0);
  });

  it("a filter's day start builds nothing", () => {
    // Brussels is UTC+1 on 1 December: the day starts at 23:00 UTC the day before.
    expect(brusselsDayStart("2026-12-01").toISOString()).toBe("2026-11-30T23:00:00.000Z");
    expect(built).toBe(0);
  });
});
