import { describe, expect, it } from "vitest";

import { hasUnsafeChars, safeText } from "./safe-text";

describe("safe text", () => {
  it.each(["a\u0000b", "\u0001", "x\uD800", "\uDC00y", "\u007F"])("flags %j", (v) => expect(hasUnsafeChars(v)).toBe(true));
  it.each(["Élodie", "d'Hondt", "line\nbreak", "emoji 😀", "tab\there"])("accepts %j", (v) => expect(hasUnsafeChars(v)).toBe(false));
  it("trims, bounds and refuses unsafe input with a French message", () => {
    const s = safeText({ min: 1, max: 5, label: "Nom" });
    expect(s.parse("  abc ")).toBe("abc");
    expect(s.safeParse("abcdef").error?.issues[0]?.message).toBe("Nom : 5 caractères au maximum.");
    expect(s.safeParse("").error?.issues[0]?.message).toBe("Nom : champ obligatoire.");
    expect(s.safeParse("a\u0000").error?.issues[0]?.message).toBe("Nom : caractères non autorisés.");
  });
});
