import { describe, expect, it } from "vitest";

import { msg } from "@/lib/i18n/message-ref";
import { localize } from "@/lib/i18n/translator";

import { hasUnsafeChars, safeText } from "./safe-text";

const message = (r: { error?: { issues: { message: string }[] } }, locale: "fr" | "nl" = "fr") => localize(locale, r.error?.issues[0]?.message ?? "");

describe("safe text", () => {
  it.each(["a\u0000b", "\u0001", "x\uD800", "\uDC00y", "\u007F"])("flags %j", (v) => expect(hasUnsafeChars(v)).toBe(true));
  it.each(["Élodie", "d'Hondt", "line\nbreak", "emoji 😀", "tab\there"])("accepts %j", (v) => expect(hasUnsafeChars(v)).toBe(false));
  it("trims, bounds and refuses unsafe input with a message in the reader's language", () => {
    const s = safeText({ min: 1, max: 5, label: "Nom" });
    expect(s.parse("  abc ")).toBe("abc");
    expect(message(s.safeParse("abcdef"))).toBe("Nom : 5 caractères au maximum.");
    expect(message(s.safeParse(""))).toBe("Nom : champ obligatoire.");
    expect(message(s.safeParse("a\u0000"))).toBe("Nom : caractères non autorisés.");
  });
  it("names the field in the reader's language when its label is a catalogue reference (issue 13)", () => {
    const s = safeText({ min: 1, max: 254, label: msg("validation.fields.email") });
    expect(message(s.safeParse(""), "fr")).toBe("Adresse e-mail : champ obligatoire.");
    expect(message(s.safeParse(""), "nl")).toBe("E-mailadres: verplicht veld.");
    expect(message(s.safeParse("x".repeat(300)), "nl")).toBe("E-mailadres: hoogstens 254 tekens.");
  });
});
