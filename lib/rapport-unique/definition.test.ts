import { describe, expect, it } from "vitest";

import { definitionIn } from "./definition";
import { definitionsForYear } from "./definitions";

const defs = definitionsForYear(2025)!;
const gas = defs.find((d) => d.code === "FONDS_GAZ_ELECTRICITE")!;
const sources = (locale: "fr" | "nl") => definitionIn(gas, locale).rules.map((r) => r.source);

describe("Rapport unique definitions — the rules' sources in the reader's language (issue 13)", () => {
  it("cites the law of 4 September 2002 in French for a French reader, in Dutch for a Dutch one", () => {
    expect(sources("fr")).toContain("Loi du 4 septembre 2002, art. 6 (lecture du portail)");
    expect(sources("fr")).toContain("mi-is.be ; arrêté royal du 14 février 2005");
    expect(sources("nl")).toContain("Wet van 4 september 2002, art. 6 (lezing van het portaal)");
    expect(sources("nl")).toContain("mi-is.be; koninklijk besluit van 14 februari 2005");
  });

  it("gives every rule of 2025 a Dutch source, without the French words of the citations", () => {
    for (const d of defs)
      for (const r of definitionIn(d, "nl").rules) {
        expect(r.source).not.toMatch(/\b(Loi|Règle|manuel|arrêté|hypothèse|portail|lecture|dépenses)\b/);
      }
    const staff = defs.find((d) => d.code === "FRAIS_PERSONNEL")!;
    expect(definitionIn(staff, "nl").rules.map((r) => r.source)).toContain("Regel van het portaal (veronderstelling: de POD MI publiceert ze niet)");
  });
});
