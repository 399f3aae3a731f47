import { describe, expect, it } from "vitest";

import { contractProgress, PROGRESS_LABELS } from "./contract-progress";

describe("contractProgress", () => {
  const today = "2026-12-02";

  it("calls a contract starting after today « à venir », never « en cours »", () => {
    const p = contractProgress({ startDate: "2027-01-04", actualEndDate: null }, today);
    expect(p).toBe("UPCOMING");
    expect(PROGRESS_LABELS[p]).toBe("à venir");
  });

  it("calls a contract that started today or before, without an actual end, « en cours »", () => {
    expect(PROGRESS_LABELS[contractProgress({ startDate: "2026-12-02", actualEndDate: null }, today)]).toBe("en cours");
    expect(PROGRESS_LABELS[contractProgress({ startDate: "2025-06-01", actualEndDate: null }, today)]).toBe("en cours");
  });

  it("calls a contract with an actual end « terminé »", () => {
    expect(PROGRESS_LABELS[contractProgress({ startDate: "2025-06-01", actualEndDate: "2026-05-31" }, today)]).toBe("terminé");
  });
});
