import { describe, expect, it } from "vitest";

import { checkNiss, formatNiss, maskNiss } from "./niss";

describe("checkNiss", () => {
  it.each([
    ["85.07.30-033.28", "1985-07-30", false],
    ["17.07.30-033.84", "2017-07-30", false],
    ["98.47.28-997.65", "1998-07-28", true],
  ])("accepts %s", (input, birth, isBis) => {
    const r = checkNiss(input);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.birthDate?.toISOString().slice(0, 10)).toBe(birth);
      expect(r.isBis).toBe(isBis);
    }
  });

  it.each(["85.07.30-033.29", "1234", "", "8507300332a", "85.13.30-033.xx", "' OR 1=1 --"])("refuses %s", (input) => {
    expect(checkNiss(input).ok).toBe(false);
  });

  it("refuses an impossible month even with a valid check", () => {
    const base = 851530033; // month 15
    const cc = String(97 - (base % 97)).padStart(2, "0");
    expect(checkNiss(`${base}${cc}`).ok).toBe(false);
  });

  it("formats and masks", () => {
    expect(formatNiss("85073003328")).toBe("85.07.30-033.28");
    expect(maskNiss("85073003328")).toBe("85.07.30-xxx.xx");
  });
});
