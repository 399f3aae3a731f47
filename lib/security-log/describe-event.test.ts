import { describe, expect, it } from "vitest";

import { describeTarget, summarizeChange } from "./describe-event";

describe("event summaries", () => {
  it("shows what changed and what was added", () => {
    expect(summarizeChange({ status: "ACTIVE" }, { status: "BLOCKED", reason: "x" })).toBe("status : ACTIVE → BLOCKED ; reason : x");
    expect(summarizeChange(null, null)).toBe("");
    expect(summarizeChange(null, { a: { b: 1 } })).toBe('a : {"b":1}');
  });

  it("names a known person, otherwise the type and id", () => {
    const names = new Map([["p1", "Anne Test"]]);
    expect(describeTarget({ targetType: "person", targetId: "p1" }, names)).toBe("Anne Test");
    expect(describeTarget({ targetType: "session", targetId: "abcd1234" }, names)).toBe("session abcd1234");
    expect(describeTarget({ targetType: null, targetId: null }, names)).toBe("—");
  });
});
