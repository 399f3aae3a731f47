import { describe, expect, it } from "vitest";

import { msg, parseMessageRef } from "./message-ref";
import { negotiateLocale } from "./negotiate";
import { localize } from "./translator";

describe("the language of a request (issue 13)", () => {
  it.each([
    // [cookie, Accept-Language, expected] — written by hand from the rule in lib/i18n/negotiate.ts
    [undefined, "nl-BE,nl;q=0.9,fr;q=0.8", "nl"],
    [undefined, "fr-BE,fr;q=0.9,nl;q=0.8", "fr"],
    [undefined, "en-GB,en;q=0.9,nl;q=0.5,fr;q=0.4", "nl"],
    [undefined, "de-DE,en;q=0.8", "fr"],
    [undefined, "fr;q=0.2,nl;q=0.9", "nl"],
    [undefined, "", "fr"],
    [undefined, null, "fr"],
    ["nl", "fr-BE", "nl"],
    ["fr", "nl-BE", "fr"],
    ["de", "nl-BE", "nl"],
    ["<script>", "garbage;;;q=x", "fr"],
  ])("cookie %s, Accept-Language %s → %s", (cookie, acceptLanguage, expected) => {
    expect(negotiateLocale({ cookie, acceptLanguage })).toBe(expected);
  });
});

describe("message references", () => {
  it("carry a key and values, and are translated in each language", () => {
    const ref = msg("errors.generic", { id: "ab12cd34" });
    expect(parseMessageRef(ref)).toEqual({ key: "errors.generic", values: { id: "ab12cd34" } });
    expect(localize("fr", ref)).toBe("Une erreur inattendue est survenue. Réessayez ; si elle persiste, communiquez ce code au support : ab12cd34.");
    expect(localize("nl", ref)).toBe(
      "Er is een onverwachte fout opgetreden. Probeer opnieuw; als de fout blijft, geef deze code door aan de support: ab12cd34.",
    );
    expect(localize("nl", msg("errors.notFound"))).toBe("Element niet gevonden.");
  });

  it("leave any other text as it is (a legacy message, a malformed tail)", () => {
    expect(localize("nl", "Texte libre")).toBe("Texte libre");
    expect(parseMessageRef("i18n:errors.notFound|{oops")).toEqual({ key: "errors.notFound" });
  });
});
