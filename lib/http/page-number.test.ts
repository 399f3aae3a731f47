import { describe, expect, it } from "vitest";

import { pageNumber } from "./page-number";

describe("pageNumber", () => {
  it("keeps a plain page number", () => {
    expect(pageNumber("3")).toBe(3);
  });
  it.each(["1e308", "-1", "0", "Infinity", "NaN", "2.5", "99999999999", "", "\u0000", undefined, ["2"]])("turns %j into a safe page", (raw) => {
    const n = pageNumber(raw);
    expect(Number.isSafeInteger(n) && n >= 1 && n <= 10_000).toBe(true);
  });
});
