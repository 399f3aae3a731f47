import { describe, expect, it } from "vitest";

import { localize } from "@/lib/i18n/translator";

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

  // Check digits worked by hand from DOMAIN.md (97 − (9 digits mod 97), "2" + 9 digits from 2000):
  // 850230123 mod 97 = 0 → 97; 850229123 mod 97 = 67 → 30; 2000229123 mod 97 = 77 → 20;
  // 2010229123 mod 97 = 56 → 41; 850031123 mod 97 = 44 → 53 (month 00, day 31).
  it.each([
    ["85.02.30-123.97", "30 February 1985"],
    ["85.02.29-123.30", "29 February 1985, not a leap year"],
    ["01.02.29-123.41", "29 February 2001 (2000 rule), not a leap year"],
  ])("refuses %s, an impossible date with valid check digits (%s)", (input) => {
    const r = checkNiss(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(localize("fr", r.message)).toBe("Le numéro national est invalide (date de naissance impossible).");
    if (!r.ok) expect(localize("nl", r.message)).toBe("Het rijksregisternummer is ongeldig (onmogelijke geboortedatum).");
  });

  it("accepts 29 February 2000 (leap year, 2000 rule)", () => {
    const r = checkNiss("00.02.29-123.20");
    expect(r.ok && r.birthDate?.toISOString().slice(0, 10)).toBe("2000-02-29");
  });

  it("accepts month 00 (date unknown) without a birth date", () => {
    const r = checkNiss("85.00.31-123.53");
    expect(r).toMatchObject({ ok: true, birthDate: null });
  });

  it("formats and masks", () => {
    expect(formatNiss("85073003328")).toBe("85.07.30-033.28");
    expect(maskNiss("85073003328")).toBe("85.07.30-xxx.xx");
  });
});
