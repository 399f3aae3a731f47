import { describe, expect, it } from "vitest";

import { organisationLabel } from "./organisation-label";

describe("organisationLabel", () => {
  it("does not repeat a kind the name already says (seed name « Office national de l'Emploi (ONEM) »)", () => {
    expect(organisationLabel({ name: "Office national de l'Emploi (ONEM)", kind: "ONEM" })).toBe("Office national de l'Emploi (ONEM)");
  });

  it("adds the kind when the name does not say it, and nothing for a CPAS", () => {
    expect(organisationLabel({ name: "Office national de l'Emploi", kind: "ONEM" })).toBe("Office national de l'Emploi (ONEM)");
    expect(organisationLabel({ name: "SPP Intégration sociale", kind: "SPP_IS" })).toBe("SPP Intégration sociale (SPP IS)");
    expect(organisationLabel({ name: "CPAS de Démo", kind: "CPAS" })).toBe("CPAS de Démo");
  });

  it("says the kind in the reader's language, and adds nothing when the name already says it in either language", () => {
    expect(organisationLabel({ name: "Office national de l'Emploi", kind: "ONEM" }, "nl")).toBe("Office national de l'Emploi (RVA)");
    expect(organisationLabel({ name: "POD Maatschappelijke Integratie", kind: "SPP_IS" }, "nl")).toBe("POD Maatschappelijke Integratie (POD MI)");
    expect(organisationLabel({ name: "Office national de l'Emploi (ONEM)", kind: "ONEM" }, "nl")).toBe("Office national de l'Emploi (ONEM)");
    expect(organisationLabel({ name: "Rijksdienst voor Arbeidsvoorziening (RVA)", kind: "ONEM" }, "fr")).toBe("Rijksdienst voor Arbeidsvoorziening (RVA)");
  });
});
