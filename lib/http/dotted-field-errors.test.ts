import { describe, expect, it } from "vitest";
import { z } from "zod";

import { dottedFieldErrors } from "./define-action";

// The forms read field errors by their whole path ("content.assimilatedPeriods.0.toDate"): the C60.7
// form puts each message under its field, the DPD's policy form lists them. A nested error must
// never be dropped (the e2e walk of C60.7 and of the access policy found both lost).
describe("dottedFieldErrors", () => {
  it("keeps errors at any depth, keyed by the dotted path, and the input's own errors under _", () => {
    const formatted = {
      _errors: ["Formulaire incomplet."],
      content: { _errors: [], assimilatedPeriods: { _errors: [], 0: { _errors: [], toDate: { _errors: ["La date de fin précède la date de début."] } } } },
      policy: { _errors: [], allowedCidrs: { _errors: ["Réseau invalide : pas-un-réseau."] } },
      version: { _errors: ["Version attendue."] },
    };
    expect(dottedFieldErrors(formatted)).toEqual({
      _: ["Formulaire incomplet."],
      "content.assimilatedPeriods.0.toDate": ["La date de fin précède la date de début."],
      "policy.allowedCidrs": ["Réseau invalide : pas-un-réseau."],
      version: ["Version attendue."],
    });
  });
  it("reads zod's own formatted errors the same way", () => {
    const schema = z.object({ policy: z.object({ start: z.number().max(10, "Trop tard.") }) });
    const r = schema.safeParse({ policy: { start: 99 } });
    expect(r.success).toBe(false);
    expect(dottedFieldErrors(z.formatError(r.error!) as never)).toEqual({ "policy.start": ["Trop tard."] });
  });
});
