import { describe, expect, it } from "vitest";

import { localize } from "@/lib/i18n/translator";

import { checkPasswordPolicy } from "./password-policy";

const inFrench = (errors: string[]) => errors.map((e) => localize("fr", e));
const inDutch = (errors: string[]) => errors.map((e) => localize("nl", e));

describe("checkPasswordPolicy", () => {
  it("accepts a password meeting every rule", () => {
    expect(checkPasswordPolicy("Correct-Cheval-42")).toEqual([]);
    expect(checkPasswordPolicy("Élève#Été2026x")).toEqual([]);
  });
  it.each([
    ["Court-1a", "Il manque : au moins 12 caractères.", "Ontbreekt: minstens 12 tekens."],
    ["toutminuscule-42x", "Il manque : une lettre majuscule.", "Ontbreekt: een hoofdletter."],
    ["TOUTMAJUSCULE-42X", "Il manque : une lettre minuscule.", "Ontbreekt: een kleine letter."],
    ["SansChiffre-abcd", "Il manque : un chiffre.", "Ontbreekt: een cijfer."],
    ["SansSpecial42abcd", "Il manque : un caractère spécial (par exemple ! ? @ # - _).", "Ontbreekt: een speciaal teken (bijvoorbeeld ! ? @ # - _)."],
  ])("refuses %s, saying what is missing in French and in Dutch", (pw, french, dutch) => {
    const errors = checkPasswordPolicy(pw);
    expect(inFrench(errors)).toEqual([french]);
    expect(inDutch(errors)).toEqual([dutch]);
  });
  it("refuses a password containing the e-mail's local part", () => {
    const errors = checkPasswordPolicy("Marie.Dupont-2026", { email: "marie.dupont@cpas.be" });
    expect(inFrench(errors)).toContain("Le mot de passe ne peut pas contenir votre identifiant.");
    expect(inDutch(errors)).toContain("Het wachtwoord mag uw gebruikersnaam niet bevatten.");
  });
  it("refuses enormous input without evaluating it", () => {
    const errors = checkPasswordPolicy("Aa1!".repeat(10_000));
    expect(inFrench(errors)).toEqual(["Le mot de passe ne peut dépasser 256 caractères."]);
  });
});
