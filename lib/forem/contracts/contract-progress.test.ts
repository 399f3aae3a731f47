import { describe, expect, it } from "vitest";

import { translatorFor } from "@/lib/i18n/translator";

import { contractProgress, type ContractProgress } from "./contract-progress";

// The register shows the progress's label from the catalogue (forem.progress.*): read here in both languages.
const label = (locale: "fr" | "nl", p: ContractProgress) => translatorFor(locale)(`forem.progress.${p}`);

describe("contractProgress", () => {
  const today = "2026-12-02";

  it("calls a contract starting after today « à venir », never « en cours »", () => {
    const p = contractProgress({ startDate: "2027-01-04", actualEndDate: null }, today);
    expect(p).toBe("UPCOMING");
    expect(label("fr", p)).toBe("à venir");
    expect(label("nl", p)).toBe("nog niet begonnen");
  });

  it("calls a contract that started today or before, without an actual end, « en cours »", () => {
    expect(label("fr", contractProgress({ startDate: "2026-12-02", actualEndDate: null }, today))).toBe("en cours");
    expect(label("fr", contractProgress({ startDate: "2025-06-01", actualEndDate: null }, today))).toBe("en cours");
    expect(label("nl", contractProgress({ startDate: "2025-06-01", actualEndDate: null }, today))).toBe("lopend");
  });

  it("calls a contract with an actual end « terminé »", () => {
    expect(label("fr", contractProgress({ startDate: "2025-06-01", actualEndDate: "2026-05-31" }, today))).toBe("terminé");
    expect(label("nl", contractProgress({ startDate: "2025-06-01", actualEndDate: "2026-05-31" }, today))).toBe("beëindigd");
  });
});
