import { describe, expect, it } from "vitest";

import { localize } from "@/lib/i18n/translator";

import { ZAnswerRequest, ZCreateRequest, ZDecideDerogation, ZRequestContent, ZSendRequest } from "./schemas";

const content = {
  worker: { niss: "85.07.30-033.28", firstName: "Jean", lastName: "Dupont" },
  contract: {
    start: "2026-12-01",
    plannedEnd: "2027-11-30",
    regime: "FULL_TIME",
    daysPerWeek: 5,
  },
  employmentPeriods: [
    {
      employer: "Lambert",
      country: "BE",
      from: "2025-01-01",
      to: "2025-06-30",
      regime: "FULL_TIME",
    },
  ],
  assimilatedPeriods: [{ kind: "SICKNESS", from: "2025-07-01", to: "2025-07-31" }],
};

function errors(value: unknown) {
  const parsed = ZRequestContent.safeParse(value);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), localize("fr", i.message)]));
}

describe("C60.7 schemas", () => {
  it("accepts a complete request", () => {
    expect(errors(content)).toEqual({});
  });

  it("refuses unknown fields at every level, in French", () => {
    expect(errors({ ...content, status: "CALCULATED" })).toEqual({
      "": "Demande : champ inconnu : status.",
    });
    expect(errors({ ...content, status: "CALCULATED", extra: 1 })).toEqual({
      "": "Demande : champs inconnus : status, extra.",
    });
    expect(
      Object.values(
        errors({
          ...content,
          contract: { ...content.contract, end: "2027-01-01" },
        }),
      )[0],
    ).toContain("champ inconnu : end");
    expect(ZCreateRequest.safeParse({ clientKey: "abcdefgh-1234", content, id: "x" }).success).toBe(false);
  });

  it("refuses an invalid NISS and a birth date that contradicts it", () => {
    expect(
      errors({
        ...content,
        worker: { ...content.worker, niss: "85.07.30-033.29" },
      })["worker.niss"],
    ).toContain("invalide");
    expect(
      errors({
        ...content,
        worker: { ...content.worker, birthDate: "1990-01-01" },
      })["worker.birthDate"],
    ).toContain("ne correspond pas");
  });

  it("asks for the birth date when a BIS number does not carry it", () => {
    // 90.20.00-001.89: BIS number, sex unknown (month + 20), birth month and day unknown (00).
    const bis = { ...content.worker, niss: "90.20.00-001.89" };
    expect(errors({ ...content, worker: bis })["worker.birthDate"]).toContain("indiquez-la");
    expect(errors({ ...content, worker: { ...bis, birthDate: "1990-03-15" } })).toEqual({});
  });

  it("refuses reversed, overlapping and post-start periods on the right row", () => {
    const e = errors({
      ...content,
      employmentPeriods: [
        {
          ...content.employmentPeriods[0],
          from: "2025-06-30",
          to: "2025-01-01",
        },
        {
          employer: "A",
          country: "BE",
          from: "2024-01-01",
          to: "2024-12-31",
          regime: "FULL_TIME",
        },
        {
          employer: "B",
          country: "BE",
          from: "2024-06-01",
          to: "2024-07-31",
          regime: "FULL_TIME",
        },
      ],
    });
    expect(e["employmentPeriods.0.to"]).toContain("précède");
    expect(e["employmentPeriods.2.from"]).toContain("chevauche");
    expect(
      errors({
        ...content,
        employmentPeriods: [{ ...content.employmentPeriods[0], to: "2026-12-15" }],
      })["employmentPeriods.0.to"],
    ).toContain("pas avant le début du contrat");
  });

  it("accepts events during the contract but not beyond its end, and needs part-time hours", () => {
    expect(
      errors({
        ...content,
        assimilatedPeriods: [{ kind: "SICKNESS", from: "2027-02-01", to: "2027-02-10" }],
      }),
    ).toEqual({});
    expect(
      errors({
        ...content,
        assimilatedPeriods: [{ kind: "SICKNESS", from: "2027-11-01", to: "2027-12-10" }],
      })["assimilatedPeriods.0.to"],
    ).toContain("dépasse");
    expect(
      errors({
        ...content,
        contract: { ...content.contract, regime: "PART_TIME" },
      })["contract.weeklyHours"],
    ).toContain("heures");
    expect(
      errors({
        ...content,
        assimilatedPeriods: [{ kind: "OTHER", from: "2025-07-01", to: "2025-07-02" }],
      })["assimilatedPeriods.0.label"],
    ).toContain("libellé");
  });

  it("checks impossible dates and the contract's order", () => {
    expect(
      errors({
        ...content,
        contract: { ...content.contract, plannedEnd: "2027-02-30" },
      })["contract.plannedEnd"],
    ).toContain("invalide");
    expect(
      errors({
        ...content,
        contract: { ...content.contract, plannedEnd: "2026-11-01" },
      })["contract.plannedEnd"],
    ).toContain("précède");
  });

  it("needs a reason to override the proposal or refuse a derogation", () => {
    expect(
      ZAnswerRequest.safeParse({
        version: 1,
        decision: "OVERRIDE",
        days: 10,
        endDate: "2027-01-01",
      }).success,
    ).toBe(false);
    expect(ZAnswerRequest.safeParse({ version: 1, decision: "VALIDATE" }).success).toBe(true);
    expect(ZDecideDerogation.safeParse({ version: 1, decision: "REFUSE" }).success).toBe(false);
    expect(ZSendRequest.safeParse({ version: 1, derogationJustification: "ok" }).success).toBe(false);
  });
});
