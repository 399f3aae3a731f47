import { describe, expect, it } from "vitest";

import { localize } from "@/lib/i18n/translator";

import { checkExpectedKind } from "./expected-file-kind";

// Signatures from the formats themselves: a zip (hence .xlsx) starts "PK\x03\x04", a PDF "%PDF-".
const bytes = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));

describe("checkExpectedKind", () => {
  it("accepts a .xlsx that starts like a zip", () => {
    const check = checkExpectedKind("liste.xlsx", bytes("PK\x03\x04\x14"));
    expect(check?.isExpected).toBe(true);
    expect(localize("fr", check!.label)).toBe("un classeur ou une archive (format zip)");
    expect(localize("nl", check!.label)).toBe("een werkmap of een archief (zip-formaat)");
  });

  it("flags a .xlsx whose bytes are not a zip (a wrong password that passed the padding check)", () => {
    expect(checkExpectedKind("liste.xlsx", new Uint8Array([0x9c, 0x12, 0x00, 0x7f, 0x41]))?.isExpected).toBe(false);
    expect(checkExpectedKind("rapport.PDF", bytes("PK\x03\x04\x14"))?.isExpected).toBe(false);
  });

  it("says nothing when the name does not tell the kind", () => {
    expect(checkExpectedKind("liste.csv", new Uint8Array([1, 2, 3]))).toBeNull();
    expect(checkExpectedKind("sans-extension", new Uint8Array([1, 2, 3]))).toBeNull();
  });
});
