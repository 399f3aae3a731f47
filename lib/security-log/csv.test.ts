import { describe, expect, it } from "vitest";

import { csvCell, csvRow } from "./csv";

describe("CSV for Excel", () => {
  it("quotes separators, quotes and line breaks", () => {
    expect(csvCell("a;b")).toBe('"a;b"');
    expect(csvCell('dit "non"')).toBe('"dit ""non"""');
    expect(csvCell("ligne 1\nligne 2")).toBe('"ligne 1\nligne 2"');
    expect(csvCell("simple")).toBe("simple");
    expect(csvCell(null)).toBe("");
  });

  it("keeps formulas as text", () => {
    for (const v of ["=1+1", "+32 2 123", "-2", "@SUM(A1)", "\tx"]) expect(csvCell(v).startsWith("'") || csvCell(v).startsWith("\"'")).toBe(true);
    expect(csvCell('=HYPERLINK("http://x";"y")')).toBe(`"'=HYPERLINK(""http://x"";""y"")"`);
  });

  it("joins with ; and ends lines with CRLF", () => {
    expect(csvRow(["a", 1, null, "b;c"])).toBe('a;1;;"b;c"\r\n');
  });
});
