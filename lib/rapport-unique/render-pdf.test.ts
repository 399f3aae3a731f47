import { describe, expect, it } from "vitest";

import { readPdfText } from "@/tests/fixtures/read-pdf";

import { checkForm } from "./check-form";
import { emptyContent } from "./content";
import { definitionsForYear } from "./definitions";
import { renderSignedFormPdf, renderSummaryPdf } from "./render-pdf";

// Issue 13: the Rapport unique documents are written in the language of the person who downloads
// them. Each PDF is read back and compared with French and Dutch texts written by hand; stored data
// (names, lines typed) stays as it was typed.

const piis = definitionsForYear(2025)!.find((d) => d.code === "PIIS")!;
const content = emptyContent(piis);
content.sections[piis.sections[0]!.code]!.staff = [
  { kind: "PERSON", label: "Marie Dupont", from: "2025-01-01", to: "2025-12-31", fteHundredths: 100, costCents: 4_600_000 },
];
const grants = { [piis.envelopes[0]!.code]: 5_000_000 };
const check = checkForm(piis, content, grants);
const doc = (locale: "fr" | "nl") => ({
  centre: { name: "CPAS de Démo", bce: "0212345678" },
  def: piis,
  status: "ACCEPTED" as const,
  version: 3,
  content,
  check,
  contentHash: "a".repeat(64),
  signatures: [
    { role: "SECRETAIRE" as const, signerName: "Sophie Secrétaire", signedAt: new Date("2026-02-10T09:30:00Z"), contentHash: "a".repeat(64) },
    { role: "PRESIDENT" as const, signerName: "Paul Président", signedAt: new Date("2026-02-11T14:05:00Z"), contentHash: "a".repeat(64) },
  ],
  sentAt: new Date("2026-02-11T14:05:00Z"),
  locale,
});

describe("Rapport unique PDFs in the reader's language", () => {
  it("writes the signed form in French", async () => {
    const text = await readPdfText(await renderSignedFormPdf(doc("fr")));
    expect(text).toContain("Rapport unique — subventions 2025");
    expect(text).toContain("version 3 — Accepté par le SPP IS");
    expect(text).toContain("Montants par enveloppe");
    expect(text).toContain("octroyé 50 000,00 € ; justifié 46 000,00 € ; non justifié 4 000,00 €");
    expect(text).toContain("Marie Dupont — du 01/01/2025 au 31/12/2025 — 1,00 ETP — 46 000,00 €");
    expect(text).toContain("Secrétaire du CPAS : Sophie Secrétaire, signé le 10/02/2026 10:30 (second facteur vérifié par le portail).");
    expect(text).toContain("Président du CPAS : Paul Président, signé le 11/02/2026 15:05");
    expect(text).toContain(`Empreinte SHA-256 du contenu signé : ${"a".repeat(64)}`);
    expect(text).toContain("Envoyé au SPP Intégration sociale le 11/02/2026 15:05.");
  });

  it("writes the signed form in Dutch", async () => {
    const text = await readPdfText(await renderSignedFormPdf(doc("nl")));
    expect(text).toContain("Uniek Verslag — subsidies 2025");
    expect(text).toContain("versie 3 — Aanvaard door de POD MI");
    expect(text).toContain("Bedragen per enveloppe");
    expect(text).toContain("toegekend € 50.000,00; verantwoord € 46.000,00; niet verantwoord € 4.000,00");
    expect(text).toContain("Marie Dupont — van 01/01/2025 tot 31/12/2025 — 1,00 VTE — € 46.000,00");
    expect(text).toContain("Secretaris van het OCMW: Sophie Secrétaire, ondertekend op 10/02/2026, 10:30 (tweede factor gecontroleerd door het portaal).");
    expect(text).toContain("Voorzitter van het OCMW: Paul Président, ondertekend op 11/02/2026, 15:05");
    expect(text).toContain("Verzonden naar de POD Maatschappelijke Integratie op 11/02/2026, 15:05.");
    expect(text).not.toContain("Signatures");
  });

  it("writes the yearly summary in French and in Dutch", async () => {
    const rows = [
      { def: piis, status: "ACCEPTED" as const, grantedCents: 5_000_000, justifiedCents: 4_600_000, notJustifiedCents: 400_000, carriedOver: false },
    ];
    const at = new Date("2026-03-01T08:00:00Z");
    const fr = await readPdfText(await renderSummaryPdf({ centre: { name: "CPAS de Démo", bce: "0212345678" }, year: 2025, rows, at, locale: "fr" }));
    expect(fr).toContain("Rapport unique — synthèse des subventions 2025");
    expect(fr).toContain("État au 01/03/2026 09:00");
    expect(fr).toContain("Accepté par le SPP IS");
    expect(fr).toContain("Octroyé 50 000,00 € ; justifié 46 000,00 € ; non justifié 4 000,00 € (à récupérer)");
    const nl = await readPdfText(await renderSummaryPdf({ centre: { name: "CPAS de Démo", bce: "0212345678" }, year: 2025, rows, at, locale: "nl" }));
    expect(nl).toContain("Uniek Verslag — overzicht van de subsidies 2025");
    expect(nl).toContain("Stand op 01/03/2026, 09:00");
    expect(nl).toContain("Aanvaard door de POD MI");
    expect(nl).toContain("Toegekend € 50.000,00; verantwoord € 46.000,00; niet verantwoord € 4.000,00 (terug te vorderen)");
    expect(nl).toContain("Totaal: toegekend € 50.000,00");
  });
});
