import { describe, expect, it } from "vitest";

import { describeTarget, summarizeChange } from "./describe-event";
import { actionLabel, groupLabel } from "./event-types";
import { formatBrusselsTime } from "./filters";

// Issue 13: what a Dutch-speaking security advisor reads, written by hand — the same events as
// describe-event.test.ts in Dutch words (no space before the colon, Dutch quotes), Brussels time.
const WORKER = "7998a1c2-0000-4000-8000-000000000001";
const names = new Map([[WORKER, "Emma Martin"]]);

describe("event summaries in Dutch", () => {
  it("shows what changed and what was added, in Dutch words", () => {
    expect(summarizeChange({ status: "ACTIVE" }, { status: "BLOCKED", reason: "x" }, { locale: "nl" })).toBe("status: actief → geblokkeerd; reden: x");
    expect(summarizeChange({ isBlocked: false }, { isBlocked: true }, { locale: "nl" })).toBe("geblokkeerd: neen → ja");
    expect(summarizeChange({ items: [] }, {}, { locale: "nl" })).toBe("elementen: geen → (verwijderd)");
  });

  it("shows instants in Brussels time and labels Rapport unique statuses with the POD MI", () => {
    expect(summarizeChange(null, { grantedAt: "2026-12-02T00:11:23.205Z" }, { locale: "nl" })).toBe("toegekend op: 02/12/2026, 01:11");
    expect(summarizeChange({ status: "READY" }, { status: "SENT" }, { action: "rapport_unique.sent", locale: "nl" })).toBe(
      "status: ter ondertekening → verzonden naar de POD MI",
    );
  });

  it("reads an access policy's days and a quality in Dutch", () => {
    expect(summarizeChange(null, { allowedDays: [1, 2, 7] }, { locale: "nl" })).toBe("toegestane dagen: maandag, dinsdag, zondag");
    expect(summarizeChange(null, { allowedDays: [1, 5] }, { locale: "fr" })).toBe("jours autorisés : lundi, vendredi");
    expect(summarizeChange(null, { quality: "EMPLOYEUR_ONSS", role: "GL" }, { locale: "nl" })).toBe(
      "hoedanigheid: Werkgever RSZ; rol: Toegangsbeheerder (lokale beheerder)",
    );
  });

  it("names targets in Dutch", () => {
    expect(describeTarget({ targetType: "Worker", targetId: WORKER }, names, "nl")).toBe("werknemer “Emma Martin”");
    expect(describeTarget({ targetType: "quality", targetId: null }, names, "nl")).toBe("hoedanigheid");
    expect(describeTarget({ targetType: "Unknown", targetId: null }, names, "nl")).toBe("element");
  });

  it("labels actions and groups with the social-security portal's Dutch terms", () => {
    expect(actionLabel("access.gl_designated", "nl")).toBe("Toegangsbeheerder aangeduid");
    expect(actionLabel("access.quality_activated", "nl")).toBe("Hoedanigheid geactiveerd");
    expect(actionLabel("c607.sent", "nl")).toBe("C60.7-aanvraag verzonden naar de RVA");
    expect(actionLabel("policy.outside_hours", "nl")).toBe("Beleidsovertreding (outside_hours)");
    expect(groupLabel("rapportUnique", "nl")).toBe("Uniek Verslag (invoer, handtekeningen, verzendingen)");
  });

  it("formats the table's times for both languages (Brussels, UTC+1 in December)", () => {
    const t = new Date("2026-12-02T09:05:07Z");
    expect(formatBrusselsTime(t, "fr")).toBe("02/12/2026 10:05:07");
    expect(formatBrusselsTime(t, "nl")).toBe("02/12/2026, 10:05:07");
  });
});
