import { describe, expect, it } from "vitest";

import { headingsIn, isTemplateRow } from "./sheet-headings";

// Issue 13: the templates' first row in the downloader's language; a file is the template when its
// first row is the template's in either language. Expected headings written by hand.
describe("spreadsheet template headings", () => {
  it("are written in French and in Dutch (VTE, not ETP)", () => {
    expect(headingsIn("staff", "fr")).toEqual(["Personne ou fonction (P/F)", "Nom ou fonction", "Du (JJ/MM/AAAA)", "Au (JJ/MM/AAAA)", "ETP", "Coût (€)"]);
    expect(headingsIn("staff", "nl")).toEqual(["Persoon of functie (P/F)", "Naam of functie", "Van (DD/MM/JJJJ)", "Tot (DD/MM/JJJJ)", "VTE", "Kost (€)"]);
    expect(headingsIn("expenses", "nl")).toEqual(["Categorie (code)", "Omschrijving", "Bedrag (€)"]);
    expect(headingsIn("grants", "nl")).toEqual(["Ondernemingsnummer van het OCMW", "Formulier (code)", "Enveloppe (code)", "Toegekend bedrag (€)"]);
  });

  it("accept either language's row, case and spacing aside, and nothing else", () => {
    expect(isTemplateRow("expenses", ["Catégorie (code)", "Description", "Montant (€)"])).toBe(true);
    expect(isTemplateRow("expenses", ["categorie (code)", "  Omschrijving ", "BEDRAG (€)"])).toBe(true);
    // A mix of the two languages is not a template.
    expect(isTemplateRow("expenses", ["Catégorie (code)", "Omschrijving", "Montant (€)"])).toBe(false);
    expect(isTemplateRow("expenses", ["Catégorie (code)", "Description"])).toBe(false);
  });
});
