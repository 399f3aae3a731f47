import { afterAll, describe, expect, it } from "vitest";

import { localize } from "@/lib/i18n/translator";
import { db } from "@/lib/db/client";

import { answerRequest, calculateRequest, createRequest, getRequestDetail, sendRequest, takeRequest } from "./index";
import { cpasAgent, newKey, onemCollaborator, sampleContent } from "./test-fixtures";

afterAll(() => db.$disconnect());

// Issue 11: when the condition is already met the proposal is « 0 jour à prester » with no end
// date, and « Valider et répondre au CPAS » must work without inventing one.
describe("C60.7 answer: condition already met", () => {
  it("validates a zero-day proposal without an end date and without saying « corrigé »", async () => {
    const { ctx: cpas } = await cpasAgent();
    const onem = await onemCollaborator();
    // Worked by hand: full time, 5 days a week, from 1 Jan 2023 to 30 Nov 2026. A full quarter of
    // full-time work counts 78 days (ONEM sheet T31); the 33 months before January 2027 hold at
    // least the 10 full quarters 2024 Q2 – 2026 Q3 = 780 days, more than any requirement (312, 468
    // or 624 days; 312 in 36 months from 2026). Nothing is missing: 0 days.
    const content = {
      ...sampleContent({ start: "2027-01-04" }),
      employmentPeriods: [{ employer: "Boulangerie Lambert", country: "BE", from: "2023-01-01", to: "2026-11-30", regime: "FULL_TIME" as const }],
      assimilatedPeriods: [],
    };
    const created = await createRequest({ ctx: cpas, input: { clientKey: newKey(), content } });
    const sent = await sendRequest({ ctx: cpas, id: created.id, input: { version: created.version } });
    const taken = await takeRequest({ ctx: onem, id: created.id, input: { version: sent.version } });
    const calculated = await calculateRequest({ ctx: onem, id: created.id, input: { version: taken.version } });
    expect(calculated.proposal.result.missingDays).toBe(0);
    expect(calculated.proposal.result.proposedEndDate).toBeNull();

    const answered = await answerRequest({ ctx: onem, id: created.id, input: { version: calculated.version, decision: "VALIDATE" } });
    expect(answered).toMatchObject({ days: 0, endDate: null });

    const detail = await getRequestDetail({ ctx: cpas, id: created.id });
    expect(detail.status).toBe("CALCULATED");
    expect(detail.answer).toEqual({ days: 0, endDate: null, reason: null, isOverride: false });
    // The note is a catalogue reference (issue 13): the French the agent reads, written by hand.
    const note = localize("fr", detail.timeline.find((e) => e.kind === "answered")?.note ?? "");
    expect(note).toBe("0 jour à prester : la condition est déjà remplie ; proposition validée par l'ONEM.");
    expect(note).not.toContain("corrigé");
  });
});
