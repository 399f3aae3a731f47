import { describe, expect, it } from "vitest";

import { actionLabel } from "./event-types";
import { brusselsDayEnd, brusselsDayStart, ZPageCursor, ZSecurityLogFilters } from "./filters";

describe("security log filters", () => {
  it("turns Brussels calendar days into instants, summer and winter time", () => {
    expect(brusselsDayStart("2026-01-15").toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(brusselsDayStart("2026-07-15").toISOString()).toBe("2026-07-14T22:00:00.000Z");
    // The day clocks go forward (29 March 2026) lasts 23 hours.
    expect(brusselsDayEnd("2026-03-29").getTime() - brusselsDayStart("2026-03-29").getTime()).toBe(23 * 3600_000);
    expect(brusselsDayEnd("2026-12-31").toISOString()).toBe("2026-12-31T23:00:00.000Z");
  });

  it("accepts empty fields and refuses bad ones", () => {
    expect(ZSecurityLogFilters.parse({ q: "", du: "", au: "", type: "" })).toEqual({});
    expect(ZSecurityLogFilters.safeParse({ du: "2026-02-30" }).success).toBe(false);
    expect(ZSecurityLogFilters.safeParse({ du: "2026-03-02", au: "2026-03-01" }).success).toBe(false);
    expect(ZSecurityLogFilters.safeParse({ type: "tout" }).success).toBe(false);
    expect(ZSecurityLogFilters.safeParse({ q: "a\u0000b" }).success).toBe(false);
    expect(ZPageCursor.parse({ apres: "42" })).toEqual({ apres: 42n });
    expect(ZPageCursor.safeParse({ apres: "1 OR 1=1" }).success).toBe(false);
  });

  it("labels actions in French and never hides an unknown one", () => {
    expect(actionLabel("auth.sign_in_failed")).toBe("Échec de connexion");
    expect(actionLabel("policy.outside_hours")).toBe("Violation de politique (outside_hours)");
    expect(actionLabel("autre.chose")).toBe("autre.chose");
  });
});
