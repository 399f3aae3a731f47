import { describe, expect, it } from "vitest";

import { checkBce, formatBce } from "./bce";

describe("checkBce", () => {
  it("accepts a number whose check digits match", () => {
    // 0207.446.772: 97 − (02074467 mod 97) = 97 − 25 = 72
    expect(checkBce("0207.446.772")).toEqual({ ok: true, digits: "0207446772" });
    expect(checkBce("BE 0207446772").ok).toBe(true);
  });
  it.each(["0207.446.771", "2207446772", "12345", "", "abcdefghij"])("refuses %s", (v) => {
    expect(checkBce(v).ok).toBe(false);
  });
  it("formats", () => expect(formatBce("0207446772")).toBe("0207.446.772"));
});
