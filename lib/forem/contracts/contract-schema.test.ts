import { describe, expect, it } from "vitest";

import { ZCreateContract } from "./contract-schema";

const base = {
  niss: "85.07.30-033.28",
  firstName: "Awa",
  lastName: "Diallo",
  kind: "ART_60_7",
  startDate: "2025-01-06",
  plannedEndDate: "2026-01-05",
  regime: "FULL_TIME",
};

describe("contract schema", () => {
  it("accepts a full-time art. 60 §7 contract and keeps only the NISS digits", () => {
    const r = ZCreateContract.safeParse({ ...base, actualEndDate: "" });
    expect(r.success && r.data).toMatchObject({ niss: "85073003328", actualEndDate: undefined });
  });

  it("refuses an invalid NISS, an end before the start and an art. 61 without employer", () => {
    const r = ZCreateContract.safeParse({ ...base, niss: "85073003329", kind: "ART_61", actualEndDate: "2024-12-31" });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["niss", "actualEndDate", "employerName"]));
  });

  it("requires weekly hours below a full time for a part-time contract", () => {
    expect(ZCreateContract.safeParse({ ...base, regime: "PART_TIME" }).success).toBe(false);
    expect(ZCreateContract.safeParse({ ...base, regime: "PART_TIME", weeklyHours: "19,5", fullTimeWeeklyHours: "38" }).success).toBe(true);
    expect(ZCreateContract.safeParse({ ...base, regime: "PART_TIME", weeklyHours: "40" }).success).toBe(false);
  });

  it("refuses impossible dates and checks the third-party employer's BCE", () => {
    expect(ZCreateContract.safeParse({ ...base, startDate: "2025-02-30" }).success).toBe(false);
    const art61 = { ...base, kind: "ART_61", employerName: "Boulangerie Sprl" };
    expect(ZCreateContract.safeParse({ ...art61, employerBce: "0123456789" }).success).toBe(false);
    expect(ZCreateContract.safeParse({ ...art61, employerBce: "0403.170.701" }).success).toBe(true);
  });
});
