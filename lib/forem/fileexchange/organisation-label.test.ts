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
});
