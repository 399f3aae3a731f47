import { describe, expect, it } from "vitest";

import { formatSize } from "./format-size";

// Issue 11: one readable French size, never « 6,5 Kio (6 656 octets) ». Worked by hand:
// 6 656 / 1 024 = 6,5; 1 048 608 / 1 048 576 = 1,00003 → 1,0 Mo.
describe("formatSize", () => {
  it.each([
    [1, "1 octet"],
    [512, "512 octets"],
    [6656, "6,5 Ko"],
    [1_048_608, "1,0 Mo"],
  ])("%i bytes → %s", (bytes, text) => {
    expect(formatSize(bytes).replace(/\u202f|\u00a0/g, " ")).toBe(text);
  });
});
