import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";

import { attestationNumber } from "./attestation-schema";
import { describePeriod, renderAttestationPdf } from "./render-attestation-pdf";

describe("attestation PDF", () => {
  it("numbers per year on four digits", () => {
    expect(attestationNumber(2026, 7)).toBe("ATT-2026-0007");
  });

  it("says « à venir », not « en cours », for a contract that has not started (issue 11)", () => {
    const base = { kind: "ART_60_7" as const, startDate: "2027-01-04", endDate: "2028-01-03", isEnded: false, employerName: null };
    expect(describePeriod({ ...base, isUpcoming: true })).toBe("Contrat article 60, § 7 du 04/01/2027 à venir (fin prévue le 03/01/2028).");
    expect(describePeriod({ ...base, startDate: "2026-01-05" })).toBe("Contrat article 60, § 7 du 05/01/2026 en cours (fin prévue le 03/01/2028).");
  });

  it("renders a valid PDF, even for a name outside Windows-1252 and many periods", async () => {
    const periods = Array.from({ length: 40 }, (_, i) => ({
      kind: i % 2 ? ("ART_61" as const) : ("ART_60_7" as const),
      startDate: "2024-01-01",
      endDate: "2024-12-31",
      isEnded: i > 0,
      employerName: i % 2 ? "Boulangerie Łukasz" : null,
    }));
    const bytes = await renderAttestationPdf({
      number: "ATT-2026-0001",
      niss: "85073003328",
      place: "Namur",
      signatory: "Anne Secrétaire, directrice générale",
      reason: "Engagement chez un employeur Impulsion",
      snapshot: {
        version: 1,
        centre: { name: "CPAS de Démo", bce: "0403170701" },
        worker: { firstName: "Żaneta", lastName: "Çelik" },
        issuedOn: "2026-03-02",
        periods,
      },
    });
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe("%PDF-");
    const doc = await PDFDocument.load(bytes);
    expect(doc.getTitle()).toBe("Attestation ATT-2026-0001");
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(2);
  });
});
