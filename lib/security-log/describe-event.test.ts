import { describe, expect, it } from "vitest";

import { describeTarget, summarizeChange } from "./describe-event";

// What the security advisor reads, written by hand: French keys, labels instead of enum codes,
// names instead of ids, dates in Brussels time (walks of issues 9 and 11: the log showed raw JSON,
// `DRAFT → SENT`, `ART_60_7`, `FULL_TIME`, UTC times and ids). Payloads copied from the callers.
const WORKER = "7998a1c2-0000-4000-8000-000000000001";
const ONEM = "0a0a0a0a-0000-4000-8000-000000000002";
const UNKNOWN = "ffffffff-0000-4000-8000-000000000003";
const names = new Map([
  [WORKER, "Emma Martin"],
  [ONEM, "Office national de l'Emploi (ONEM)"],
]);

describe("event summaries", () => {
  it("shows what changed and what was added, in words", () => {
    expect(summarizeChange({ status: "ACTIVE" }, { status: "BLOCKED", reason: "x" })).toBe("statut : actif → bloqué ; motif : x");
    expect(summarizeChange(null, null)).toBe("");
    expect(summarizeChange(null, { a: { b: 1 } })).toBe("a : (b : 1)");
  });

  it("names people and labels codes, never an id or an enum", () => {
    expect(
      summarizeChange(null, {
        person: { id: "9a5c0000-0000-4000-8000-000000000000", name: "Claire Dumont" },
        quality: "EMPLOYEUR_ONSS",
        right: "GESTION_CANAUX_TECHNIQUES",
      }),
    ).toBe("personne : Claire Dumont ; qualité : Employeur ONSS ; droit : Gestion des canaux techniques");
  });

  it("shows a stored instant in Brussels time (UTC+1 in December) and a calendar day as dd/mm/yyyy", () => {
    expect(summarizeChange(null, { grantedAt: "2026-12-02T00:11:23.205Z" })).toBe("attribué le : 02/12/2026 01:11");
    expect(summarizeChange(null, { lockedUntil: "2026-07-01T08:30:00.000Z" })).toBe("verrouillé jusqu'au : 01/07/2026 10:30");
    expect(summarizeChange(null, { periodFrom: "2026-01-01", periodTo: "2026-03-31" })).toBe("du : 01/01/2026 ; au : 31/03/2026");
  });

  it("reads a C60.7 status change in the portal's words (c607.sent)", () => {
    expect(summarizeChange({ status: "DRAFT" }, { status: "SENT", deadline: "2026-03-09", derogation: null }, { action: "c607.sent" })).toBe(
      "statut : Brouillon → Envoyé à l'ONEM ; échéance : 09/03/2026 ; dérogation : —",
    );
  });

  it("reads a contract in words (contract.created), naming the worker and hiding nothing a person needs", () => {
    expect(
      summarizeChange(
        null,
        { workerId: WORKER, kind: "ART_60_7", startDate: "2026-01-05", plannedEndDate: "2027-01-04", actualEndDate: null, regime: "FULL_TIME" },
        { action: "contract.created", names },
      ),
    ).toBe("travailleur : Emma Martin ; type : article 60, § 7 ; début : 05/01/2026 ; fin prévue : 04/01/2027 ; fin effective : — ; régime : temps plein");
  });

  it("names the FileExchange partner and gives one readable size (file_exchange.sent)", () => {
    expect(
      summarizeChange(null, { toEntityId: ONEM, fileName: "liste.xlsx.enc", size: 6656 }, { action: "file_exchange.sent", names }).replace(
        /\u202f|\u00a0/g,
        " ",
      ),
    ).toBe("destinataire : Office national de l'Emploi (ONEM) ; fichier : liste.xlsx.enc ; taille : 6,5 Ko");
  });

  it("leaves out an id nobody can name (a review's grant, an attachment)", () => {
    expect(summarizeChange({ decision: null }, { decision: "REVOKE", grant: UNKNOWN }, { action: "access.review_decided", names })).toBe(
      "décision : — → retirer",
    );
  });

  it("reads the access policy: days, hours, networks", () => {
    expect(summarizeChange(null, { isEnforced: true, allowedDays: [1, 2, 3, 4, 5], startMinute: 480, endMinute: 1080, allowedCidrs: [] })).toBe(
      "appliquée : oui ; jours autorisés : lundi, mardi, mercredi, jeudi, vendredi ; à partir de : 08:00 ; jusqu'à : 18:00 ; réseaux autorisés : aucun",
    );
  });

  it("reads the export's filters in words (security_log.exported)", () => {
    expect(summarizeChange(null, { filtres: { q: "anne", type: "echecs" }, limite: 50000 }, { action: "security_log.exported" })).toBe(
      "filtres : (recherche : anne, type d'événement : échecs de connexion) ; limite : 50000",
    );
  });

  it("labels the Rapport unique statuses apart from the C60.7 ones", () => {
    expect(summarizeChange({ status: "READY" }, { status: "SENT" }, { action: "rapport_unique.sent" })).toBe("statut : en signature → envoyé au SPP IS");
  });
});

describe("event targets", () => {
  it("names a known person as such, anything else by its kind and name, an unknown one by its kind only", () => {
    const targets = new Map([
      ["p1", "Anne Test"],
      ["q1", "Action Sociale"],
      [WORKER, "Emma Martin"],
    ]);
    expect(describeTarget({ targetType: "person", targetId: "p1" }, targets)).toBe("Anne Test");
    expect(describeTarget({ targetType: "quality", targetId: "q1" }, targets)).toBe("qualité « Action Sociale »");
    expect(describeTarget({ targetType: "Worker", targetId: WORKER }, targets)).toBe("travailleur « Emma Martin »");
    expect(describeTarget({ targetType: "Worker", targetId: UNKNOWN }, targets)).toBe("travailleur");
    expect(describeTarget({ targetType: "session", targetId: "abcd1234ef" }, targets)).toBe("session abcd1234");
    expect(describeTarget({ targetType: null, targetId: null }, targets)).toBe("—");
  });
});
