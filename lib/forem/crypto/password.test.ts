import { describe, expect, it } from "vitest";

import { localize } from "@/lib/i18n/translator";

import { estimatePasswordStrength, FileCryptoError, generatePassword, PASSWORD_ALPHABET, validateEncryptionPassword } from ".";

describe("validateEncryptionPassword", () => {
  it("refuses fewer than 12 characters with a French message", () => {
    const error = validateEncryptionPassword("abcdefghijk");
    expect(error).toBeInstanceOf(FileCryptoError);
    expect(error?.code).toBe("WEAK_PASSWORD");
    expect(localize("fr", error!.message)).toBe("Le mot de passe doit contenir au moins 12 caractères.");
    expect(localize("nl", error!.message)).toBe("Het wachtwoord moet minstens 12 tekens bevatten.");
  });

  it("accepts 12 characters, counting code points rather than UTF-16 units", () => {
    expect(validateEncryptionPassword("Kq7#vR2m!xZp")).toBeNull();
    expect(validateEncryptionPassword("🔒🔒🔒🔒🔒🔒")).not.toBeNull(); // 12 UTF-16 units, 6 chars
  });

  it("checks the confirmation when given", () => {
    expect(validateEncryptionPassword("Kq7#vR2m!xZp", "Kq7#vR2m!xZP")?.code).toBe("PASSWORD_MISMATCH");
    expect(validateEncryptionPassword("Kq7#vR2m!xZp", "Kq7#vR2m!xZp")).toBeNull();
  });

  // Issue 11: 12 characters the meter rates « Très faible » (repeats, runs, a common word and
  // digits) are refused, and the message says why and what to do.
  it.each(["aaaaaaaaaaaa", "Motdepasse12", "abcdefghijkl"])("refuses %s, rated « Très faible », saying why", (password) => {
    const error = validateEncryptionPassword(password, password);
    expect(error?.code).toBe("VERY_WEAK_PASSWORD");
    expect(localize("fr", error!.message)).toMatch(/^Mot de passe trop facile à deviner \(robustesse « Très faible »\)/);
    expect(localize("fr", error!.message)).toContain("Générer un mot de passe");
    expect(localize("nl", error!.message)).toMatch(/^Wachtwoord te gemakkelijk te raden \(sterkte « Zeer zwak »\)/);
    expect(localize("nl", error!.message)).toContain("« Een wachtwoord genereren »");
  });
});

describe("generatePassword", () => {
  it("draws 24 readable characters covering every class by default", () => {
    for (let i = 0; i < 200; i++) {
      const password = generatePassword();
      expect(password).toHaveLength(24);
      expect([...password].every((c) => PASSWORD_ALPHABET.includes(c))).toBe(true);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[2-9]/);
      expect(password).toMatch(/[-_+=@#]/);
      expect(password).not.toMatch(/[IOl01o|]/);
      expect(validateEncryptionPassword(password)).toBeNull();
    }
  });

  it("refuses lengths under 20", () => {
    expect(() => generatePassword(19)).toThrow();
    expect(generatePassword(32)).toHaveLength(32);
  });

  it("uses the whole alphabet roughly uniformly", () => {
    const counts = new Map<string, number>();
    const draws = 2000;
    for (let i = 0; i < draws; i++) {
      for (const c of generatePassword()) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect(counts.size).toBe(PASSWORD_ALPHABET.length);
    const expected = (draws * 24) / PASSWORD_ALPHABET.length; // ≈ 774 per character
    for (const count of counts.values()) {
      expect(Math.abs(count - expected)).toBeLessThan(expected * 0.25);
    }
  });

  it("is never the same twice", () => {
    const seen = new Set(Array.from({ length: 500 }, () => generatePassword()));
    expect(seen.size).toBe(500);
  });
});

describe("estimatePasswordStrength", () => {
  it.each([
    ["", 0, "Très faible"],
    ["aaaaaaaaaaaaaaaa", 0, "Très faible"],
    ["password1234", 0, "Très faible"],
    ["Xk9#mQ2", 1, "Faible"], // strong characters but under the 12-character policy
    ["Bonjour2024!", 2, "Moyen"],
    ["azertyuiop12", 1, "Faible"], // keyboard word + digits: 12 characters but guessable
    ["cheval-agrafe-pile", 3, "Fort"], // words are capped: ~77 bits rather than 18 × 5.9
    ["cheval-agrafe-pile-zebre-orange", 4, "Très fort"],
  ])("%j → %i (%s)", (password, score, label) => {
    const strength = estimatePasswordStrength(password);
    expect(strength.score).toBe(score);
    expect(localize("fr", strength.label)).toBe(label);
  });

  it("names the strength in Dutch too", () => {
    expect(localize("nl", estimatePasswordStrength("aaaaaaaaaaaaaaaa").label)).toBe("Zeer zwak");
    expect(localize("nl", estimatePasswordStrength("cheval-agrafe-pile").label)).toBe("Sterk");
  });

  it("rates generated passwords as very strong", () => {
    const strength = estimatePasswordStrength(generatePassword());
    expect(strength.score).toBe(4);
    expect(localize("fr", strength.label)).toBe("Très fort");
  });
});
