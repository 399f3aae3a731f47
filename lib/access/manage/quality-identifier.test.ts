import { describe, expect, it } from "vitest";

import { localize } from "@/lib/i18n/translator";

import { checkQualityIdentifier } from "./quality-identifier";

describe("checkQualityIdentifier", () => {
  it("requires a valid BCE number for most qualities", () => {
    expect(checkQualityIdentifier("ACTION_SOCIALE", "0212.345.668")).toEqual({ ok: true, value: "0212345668" });
    expect(checkQualityIdentifier("ACTION_SOCIALE", "0212.345.669").ok).toBe(false);
  });
  it("accepts an ONSS or ORPSS number of 9 or 10 digits", () => {
    expect(checkQualityIdentifier("EMPLOYEUR_ONSS", "012345678")).toEqual({ ok: true, value: "012345678" });
    expect(checkQualityIdentifier("EMPLOYEUR_PPL", "12-345-678-90")).toEqual({ ok: true, value: "1234567890" });
    const refused = checkQualityIdentifier("EMPLOYEUR_ONSS", "1234");
    expect(refused.ok).toBe(false);
    expect(localize("fr", refused.ok ? "" : refused.message)).toBe("Matricule ONSS : 9 ou 10 chiffres attendus.");
    expect(localize("nl", refused.ok ? "" : refused.message)).toBe("RSZ-inschrijvingsnummer: 9 of 10 cijfers verwacht.");
  });
});
