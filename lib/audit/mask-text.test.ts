import { describe, expect, it } from "vitest";

import { isRandomLooking, maskNiss, maskTargetId, maskText } from "./mask-text";

// Expected values written by hand. 85073003328: born 30 July 1985, serial 033, check 97 − (850730033 mod 97) = 28.

describe("maskText: national numbers", () => {
  it.each([
    ["contrat 85073003328.xlsx", "contrat [numéro masqué].xlsx"],
    ["contrat_85073003328.xlsx", "contrat_[numéro masqué].xlsx"],
    ["85.07.30-033.28", "[numéro masqué]"],
    ["NISS 85 07 30 033 28 refusé", "NISS [numéro masqué] refusé"],
    ["dossier-850730-033-28.pdf", "dossier-[numéro masqué].pdf"],
    ["niss85073003328", "niss[numéro masqué]"],
    // a number that fails the check digits is masked all the same: it looks like one
    ["12345678901", "[numéro masqué]"],
  ])("%s → %s", (input, expected) => {
    expect(maskText(input)).toBe(expected);
  });

  it.each([
    "BCE 0123.456.789", // 10 digits, 4-3-3
    "BE68 5390 0754 7034", // IBAN
    "2026-11-24T10:00:00.123Z",
    "référence 123456789012", // 12 digits: a longer number, not a NISS
    "0470 12 34 56",
    "Liste FOREM 2026-01-01 au 2026-03-31 (17 lignes)",
    "b3d7c0de-1234-5678-9012-34567890abcd",
    // a SHA-256 digest that happens to hold 11 digits in a row (seen in the C60.7 attachment trail)
    "a8ea9f63d81e0927b1935af65c5c4ae12be654d6d1d57907772491a65a562aa5",
  ])("keeps %s", (input) => {
    expect(maskText(input)).toBe(input);
  });
});

describe("maskNiss: ids are not national numbers", () => {
  // About 0.7 % of random UUIDs line up as dd-dddddddddd…: "8e23-266393022d0f" reads 23-266393022 as
  // a NISS. Such a target id was masked, and the event could no longer be found by its target.
  it.each(["a21c11a4-6cb1-4f4a-8e23-266393022d0f", "A21C11A4-6CB1-4F4A-8E23-266393022D0F"])("keeps %s", (id) => {
    expect(maskNiss(id)).toBe(id);
    expect(maskText(`fichier ${id}`)).toBe(`fichier ${id}`);
  });
  it("still masks a NISS next to an id", () => {
    expect(maskNiss("a21c11a4-6cb1-4f4a-8e23-266393022d0f 85073003328")).toBe("a21c11a4-6cb1-4f4a-8e23-266393022d0f [numéro masqué]");
  });
});

describe("maskTargetId: a session's handle is not a national number", () => {
  // A real handle from a failed test run (24 hex characters holding 62271058123).
  it("keeps a session's handle that holds 11 digits in a row", () => {
    expect(maskTargetId("session", "a260c7734dc7d62271058123")).toBe("a260c7734dc7d62271058123");
  });
  it("masks a national number given as any other target, or as a session that is not a handle", () => {
    expect(maskTargetId("worker", "a260c7734dc7d62271058123")).toBe("a260c7734dc7d[numéro masqué]");
    expect(maskTargetId("session", "85073003328")).toBe("[numéro masqué]");
    expect(maskTargetId("session", "A260C7734DC7D62271058123")).toBe("A260C7734DC7D[numéro masqué]");
    expect(maskTargetId(null, "85.07.30-033.28")).toBe("[numéro masqué]");
  });
});

describe("maskText: secrets", () => {
  it.each([
    ["jeton cpas_Q2hhbmdlTWVOb3dQbGVhc2UtMTIzNDU2Nzg5MDEyMzQ1Njc4OTA collé ici", "jeton [secret masqué] collé ici"],
    ["Authorization: Bearer abc.def", "Authorization: [secret masqué]"],
    ["cookie eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "cookie [secret masqué]"],
    ["-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE=\n-----END OPENSSH PRIVATE KEY-----", "[secret masqué]"],
    // a challenge token: 32 random bytes in base64url
    ["x Zk3Jq9Xr2Lm8Vt4Bw7Nc1Hd6Gf0Sa5Pe-Uy_QiOo3R y", "x [secret masqué] y"],
    // a TOTP secret (base32)
    ["JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "[secret masqué]"],
  ])("%s → %s", (input, expected) => {
    expect(maskText(input)).toBe(expected);
  });

  it.each([
    "Attestation_FOREM_2026_Dupont_Jean.pdf",
    "contrat-2026-janvier-dupont-jean-marie.xlsx",
    "forem-impulsion-2026-01-01-au-2026-03-31.xlsx.enc",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    // digests declared as such, and lower-case hex, are what the trail keeps instead of secrets
    "hmac:Zk3Jq9Xr2Lm8Vt4Bw7Nc1Hd6Gf0Sa5Pe-Uy_QiOo3R",
    "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s",
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "piece-b3d7c0de-1234-4678-9012-34567890abcd-annexe",
  ])("keeps %s", (input) => {
    expect(maskText(input)).toBe(input);
  });

  it("tells random base64 from words by how often the kind of character changes", () => {
    expect(isRandomLooking("Zk3Jq9Xr2Lm8Vt4Bw7Nc1Hd6Gf0Sa5Pe")).toBe(true);
    expect(isRandomLooking("AttestationForemDupontJean2026")).toBe(false);
    expect(isRandomLooking("short9Xr2")).toBe(false);
  });
});
