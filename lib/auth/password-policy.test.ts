import { describe, expect, it } from "vitest";

import { checkPasswordPolicy } from "./password-policy";

describe("checkPasswordPolicy", () => {
  it("accepts a password meeting every rule", () => {
    expect(checkPasswordPolicy("Correct-Cheval-42")).toEqual([]);
    expect(checkPasswordPolicy("Élève#Été2026x")).toEqual([]);
  });
  it.each([
    ["Court-1a", "12 caractères"],
    ["toutminuscule-42x", "majuscule"],
    ["TOUTMAJUSCULE-42X", "minuscule"],
    ["SansChiffre-abcd", "chiffre"],
    ["SansSpecial42abcd", "spécial"],
  ])("refuses %s (missing %s)", (pw, missing) => {
    const errors = checkPasswordPolicy(pw);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(missing);
  });
  it("refuses a password containing the e-mail's local part", () => {
    expect(checkPasswordPolicy("Marie.Dupont-2026", { email: "marie.dupont@cpas.be" })).toContain("Le mot de passe ne peut pas contenir votre identifiant.");
  });
  it("refuses enormous input without evaluating it", () => {
    expect(checkPasswordPolicy("Aa1!".repeat(10_000))).toHaveLength(1);
  });
});
