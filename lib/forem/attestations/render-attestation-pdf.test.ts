import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";

import { readPdfText } from "@/tests/fixtures/read-pdf";

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

  it("is written in the language of the person who downloads it (issue 13), names as typed", async () => {
    const content = {
      number: "ATT-2026-0002",
      niss: "85073003328",
      place: "Namur",
      signatory: "Anne Secrétaire",
      reason: "Engagement Impulsion",
      snapshot: {
        version: 1 as const,
        centre: { name: "CPAS de Démo", bce: "0403170701" },
        worker: { firstName: "Jean", lastName: "Dupont" },
        issuedOn: "2026-03-02",
        periods: [
          { kind: "ART_61" as const, startDate: "2024-01-01", endDate: "2024-12-31", isEnded: true, employerName: "Boulangerie Dupuis" },
          { kind: "ART_60_7" as const, startDate: "2026-01-05", endDate: "2027-01-04", isEnded: false, employerName: null },
        ],
      },
    };
    const fr = await readPdfText(await renderAttestationPdf({ ...content, locale: "fr" }));
    expect(fr).toContain("Attestation de périodes de travail sous contrat article 60, § 7 ou article 61");
    expect(fr).toContain("Contrat article 61 du 01/01/2024 au 31/12/2024, mis(e) à disposition de Boulangerie Dupuis.");
    expect(fr).toContain("Contrat article 60, § 7 du 05/01/2026 en cours (fin prévue le 04/01/2027).");
    expect(fr).toContain("Motif de la demande : Engagement Impulsion");
    expect(fr).toContain("Fait à Namur, le 02/03/2026.");
    const nl = await readPdfText(await renderAttestationPdf({ ...content, locale: "nl" }));
    expect(nl).toContain("Attest van arbeidsperiodes met een contract artikel 60, § 7 of artikel 61");
    expect(nl).toContain("Contract artikel 61 van 01/01/2024 tot 31/12/2024, ter beschikking gesteld van Boulangerie Dupuis.");
    expect(nl).toContain("Contract artikel 60, § 7 van 05/01/2026 lopend (geplande einddatum 04/01/2027).");
    expect(nl).toContain("Reden van de aanvraag: Engagement Impulsion");
    expect(nl).toContain("Opgemaakt te Namur, op 02/03/2026.");
    expect(nl).toContain("CPAS de Démo verklaart dat Jean Dupont");
    expect(nl).not.toContain("Fait à");
  });
});
