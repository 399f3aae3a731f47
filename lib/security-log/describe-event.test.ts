import { describe, expect, it } from "vitest";

import { describeTarget, summarizeChange } from "./describe-event";

// What the security advisor reads, written by hand: French keys, labels instead of enum codes,
// names instead of ids, dates in Brussels time (walk of issue 9: the log showed raw JSON and codes).
describe("event summaries", () => {
  it("shows what changed and what was added, in words", () => {
    expect(summarizeChange({ status: "ACTIVE" }, { status: "BLOCKED", reason: "x" })).toBe("statut : actif → bloqué ; motif : x");
    expect(summarizeChange(null, null)).toBe("");
    expect(summarizeChange(null, { a: { b: 1 } })).toBe("a : (b : 1)");
  });

  it("names people and labels codes, never an id or an enum", () => {
    expect(
      summarizeChange(null, {
        person: { id: "9a5c0000-0000-4000-8000-000000000000", name: "Claire Dumont" },
        quality: "EMPLOYEUR_ONSS",
        right: "GESTION_CANAUX_TECHNIQUES",
      }),
    ).toBe("personne : Claire Dumont ; qualité : Employeur ONSS ; droit : Gestion des canaux techniques");
  });

  it("shows a stored instant in Brussels time (UTC+1 in December)", () => {
    expect(summarizeChange(null, { grantedAt: "2026-12-02T00:11:23.205Z" })).toBe("attribué le : 02/12/2026 01:11");
  });

  it("names a known person, quality or subdivision, otherwise the type and id", () => {
    const names = new Map([
      ["p1", "Anne Test"],
      ["q1", "qualité « Action Sociale »"],
    ]);
    expect(describeTarget({ targetType: "person", targetId: "p1" }, names)).toBe("Anne Test");
    expect(describeTarget({ targetType: "quality", targetId: "q1" }, names)).toBe("qualité « Action Sociale »");
    expect(describeTarget({ targetType: "session", targetId: "abcd1234" }, names)).toBe("session abcd1234");
    expect(describeTarget({ targetType: null, targetId: null }, names)).toBe("—");
  });
});
