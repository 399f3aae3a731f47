import { describe, expect, it } from "vitest";

import { localize } from "@/lib/i18n/translator";

import { parseAcknowledgement } from "./acknowledgement-xml";

// Acknowledgements shaped as the TechLib schemas describe them (ACRF: Form/FileReference/FileName,
// ReceptionResult/ResultCode and ErrorID; NOTIFICATION: HandlingResult/ResultCode and AnomalyReport
// with ErrorID, AnomalyClass, AnomalyLabel), and hostile or broken ones.
const bytes = (s: string) => new TextEncoder().encode(s);
const acrf = (result: string) =>
  bytes(`<?xml version="1.0" encoding="UTF-8"?>
<ACRF><Form><Identification>ACRF001</Identification><FormCreationDate>2026-12-02</FormCreationDate><FormCreationHour>10:00:00.000</FormCreationHour>
<AttestationStatus>0</AttestationStatus><TypeForm>FA</TypeForm>
<FileReference><FileName>FI.DMFA.100001.20261202.00001.R.1.1</FileName></FileReference>
<ReceptionResult>${result}</ReceptionResult></Form></ACRF>`);

describe("reading ACRF and NOTI return files", () => {
  it("reads a positive receipt and a refusal with its codes in French (unknown codes kept, said unknown)", () => {
    expect(parseAcknowledgement(acrf("<ResultCode>1</ResultCode>"), "ACRF")).toEqual({
      kind: "ACRF",
      forms: [{ quotedName: "FI.DMFA.100001.20261202.00001.R.1.1", resultCode: "1", accepted: true, errors: [] }],
    });
    const refused = parseAcknowledgement(acrf("<ResultCode>0</ResultCode><ErrorID>ACRF-125</ErrorID><ErrorID>ACRF-999</ErrorID>"), "ACRF");
    expect(refused).toMatchObject({ forms: [{ accepted: false, errors: [{ code: "125" }, { code: "999" }] }] });
    // The labels are catalogue references, read in the reader's language.
    const labels = (locale: "fr" | "nl") => (refused.kind === "ACRF" ? refused.forms[0]!.errors.map((e) => localize(locale, e.label)) : []);
    expect(labels("fr")).toEqual(["Signature (FS) invalide", "Code inconnu du portail : voyez la liste des erreurs ACRF de la sécurité sociale"]);
    expect(labels("nl")).toEqual(["Ongeldige handtekening (FS)", "Code onbekend voor het portaal: zie de lijst van de ACRF-fouten van de sociale zekerheid"]);
  });

  it("reads a notification: a blocking anomaly refuses, warnings alone accept", () => {
    const noti = (cls: string) =>
      bytes(`<Notification><Form><Identification>NOTI</Identification><FileReference><FileName>GO.DMFA.100001.20261202.00001.T.1</FileName></FileReference>
<HandlingResult><ResultCode>1</ResultCode><AnomalyReport><ErrorID>00012-004</ErrorID><AnomalyClass>${cls}</AnomalyClass><AnomalyLabel>Zone obligatoire absente</AnomalyLabel></AnomalyReport></HandlingResult></Form></Notification>`);
    expect(parseAcknowledgement(noti("B"), "NOTI")).toEqual({
      kind: "NOTI",
      forms: [
        {
          quotedName: "GO.DMFA.100001.20261202.00001.T.1",
          resultCode: "1",
          accepted: false,
          anomalies: [{ errorId: "00012-004", anomalyClass: "B", label: "Zone obligatoire absente" }],
        },
      ],
    });
    expect(parseAcknowledgement(noti("W"), "NOTI")).toMatchObject({ forms: [{ accepted: true }] });
  });

  it("records an XML bomb as hostile without expanding it, and broken or foreign XML as malformed", () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE ACRF [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><ACRF><Form><FileReference><FileName>&c;</FileName></FileReference><ReceptionResult><ResultCode>1</ResultCode></ReceptionResult></Form></ACRF>`;
    expect(parseAcknowledgement(bytes(bomb), "ACRF")).toMatchObject({ kind: "HOSTILE" });
    const problem = (xml: string, locale: "fr" | "nl") => {
      const parsed = parseAcknowledgement(bytes(xml), "ACRF");
      return parsed.kind === "MALFORMED" ? localize(locale, parsed.problem) : parsed.kind;
    };
    expect(problem("<ACRF><Form></ACRF>", "fr")).toBe("XML mal formé (ligne 1).");
    expect(problem("<ACRF><Form></ACRF>", "nl")).toBe("Slecht gevormde XML (regel 1).");
    expect(problem("<Autre><x>1</x></Autre>", "fr")).toBe("Structure inattendue : aucun formulaire (Form) dans le fichier.");
    expect(problem("<Autre><x>1</x></Autre>", "nl")).toBe("Onverwachte structuur: geen formulier (Form) in het bestand.");
    expect(parseAcknowledgement(acrf("<ResultCode>oui</ResultCode>"), "ACRF")).toMatchObject({ kind: "MALFORMED" });
    expect(parseAcknowledgement(new Uint8Array([0xff, 0xfe, 0x00]), "ACRF")).toMatchObject({ kind: "MALFORMED" });
  });
});
