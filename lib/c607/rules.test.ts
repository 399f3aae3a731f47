import { describe, expect, it } from "vitest";

import { findAgeBand, getRulesInForce } from "./rules";

describe("getRulesInForce", () => {
  it("switches to the 2026 reform on 1 March 2026", () => {
    expect(getRulesInForce("2026-02-28").id).toBe("ONEM-T31-2023-10-02");
    expect(getRulesInForce("2026-03-01").id).toBe("REFORME-2026-03-01");
    expect(getRulesInForce("2030-01-01").id).toBe("REFORME-2026-03-01");
  });

  it("uses the T31 sheet for dates before its version date (no older regime is modelled)", () => {
    expect(getRulesInForce("2023-01-15").id).toBe("ONEM-T31-2023-10-02");
  });
});

describe("findAgeBand", () => {
  const t31 = getRulesInForce("2025-01-01");

  it("maps ages to the T31 bands with their automated conditions", () => {
    const requirementsAt = (age: number) =>
      findAgeBand({ ruleSet: t31, age }).requirements.map(
        (r) =>
          `${r.requiredDays}/${r.referenceMonths}${!r.history ? "" : "minimumDays" in r.history ? `+${r.history.minimumDays}` : `+${r.history.daysPerMissingDay}→${r.history.upTo}`}`,
      );
    expect(requirementsAt(35)).toEqual(["312/21", "468/33", "624/42"]);
    expect(requirementsAt(36)).toEqual(["468/33", "624/42", "234/33+1560", "312/33+8→468"]);
    expect(requirementsAt(49)).toEqual(["468/33", "624/42", "234/33+1560", "312/33+8→468"]);
    expect(requirementsAt(50)).toEqual(["624/42", "312/42+1560", "416/42+8→624"]);
  });

  it("automates the 10-year-history alternatives: nothing is left to the collaborator by the rules", () => {
    for (const age of [35, 40, 60]) expect(findAgeBand({ ruleSet: t31, age }).manualAlternatives).toEqual([]);
    for (const r of findAgeBand({ ruleSet: t31, age: 40 }).requirements.filter((x) => x.history)) expect(r.history!.years).toBe(10);
  });

  it("asks 312 days in 36 months at any age from 2026, extended by sickness and career breaks", () => {
    const reform = getRulesInForce("2026-03-01");
    for (const age of [20, 40, 60]) {
      expect(findAgeBand({ ruleSet: reform, age }).requirements).toEqual([{ requiredDays: 312, referenceMonths: 36 }]);
    }
    expect(reform.assimilated.SICKNESS).toBe("EXTEND");
    expect(reform.assimilated.CAREER_BREAK).toBe("EXTEND");
    expect(reform.minimumExtensionMonths.SELF_EMPLOYMENT).toBe(3);
  });
});
