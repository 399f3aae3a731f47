import { describe, expect, it } from "vitest";

import { redactSummary } from "./redact-summary";

// Expected values written by hand from the rules of issue 9 ("audit that can be kept forever").

describe("redactSummary", () => {
  it("masks secret fields by key name at any depth, whatever their value", () => {
    expect(
      redactSummary({
        password: "Secret-123456!",
        newPassword: { a: 1 },
        totpSecret: "JBSWY3DP",
        tokenHash: "abc",
        recoveryCodes: ["a", "b"],
        code: "123456",
        apiKey: "k",
        private_key: "k",
        nationalNumber: "x",
        nested: { deeper: { sessionCookie: "c" } },
      }),
    ).toEqual({
      password: "[masqué]",
      newPassword: "[masqué]",
      totpSecret: "[masqué]",
      tokenHash: "[masqué]",
      recoveryCodes: "[masqué]",
      code: "[masqué]",
      apiKey: "[masqué]",
      private_key: "[masqué]",
      nationalNumber: "[masqué]",
      nested: { deeper: { sessionCookie: "[masqué]" } },
    });
  });

  it("keeps catalogue codes and ordinary fields", () => {
    expect(redactSummary({ rightCode: "AGENT_SOCIAL", applicationCode: "C607", reason: "mot de passe incorrect", count: 3 })).toEqual({
      rightCode: "AGENT_SOCIAL",
      applicationCode: "C607",
      reason: "mot de passe incorrect",
      count: 3,
    });
  });

  it("masks national numbers and tokens inside values, keys and arrays", () => {
    expect(
      redactSummary({
        fileName: "contrat 85073003328.xlsx",
        files: ["liste_85.07.30-033.28.csv", "ok.csv"],
        note: "envoyé avec cpas_Q2hhbmdlTWVOb3dQbGVhc2UtMTIzNDU2Nzg5MDEyMzQ1Njc4OTA",
        perLine: { "85073003328": 1 },
        worker: 85073003328,
        count: 1000,
      }),
    ).toEqual({
      fileName: "contrat [numéro masqué].xlsx",
      files: ["liste_[numéro masqué].csv", "ok.csv"],
      note: "envoyé avec [secret masqué]",
      perLine: { "[numéro masqué]": 1 },
      worker: "[numéro masqué]",
      count: 1000,
    });
  });

  it("keeps ids, dates and declared digests", () => {
    const value = {
      workerId: "b3d7c0de-1234-4678-9012-34567890abcd",
      startDate: new Date("2025-01-06T00:00:00.000Z"),
      identifier: "hmac:Zk3Jq9Xr2Lm8Vt4Bw7Nc1Hd6Gf0Sa5Pe-Uy_QiOo3R",
      sshKeyFingerprint: "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s",
      providerBce: "0123456749",
    };
    expect(redactSummary(value)).toEqual({ ...value, startDate: "2025-01-06T00:00:00.000Z" });
  });
});
