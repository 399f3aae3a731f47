import { describe, expect, it } from "vitest";

import { DEFAULT_AFTER_SIGN_IN, safeCallbackPath } from "./safe-redirect";

// Attack strings first (issue 9, finding 4: `/login?callbackUrl=%2F%5Cevil.example%2Fphish` sent the
// browser to http://evil.example/phish), then the portal's own paths, which must keep working.
describe("safeCallbackPath", () => {
  it.each([
    ["the reported attack, as the page receives it", "/\\evil.example/phish"],
    ["protocol-relative", "//evil.example/phish"],
    ["protocol-relative with three slashes", "///evil.example"],
    ["backslash then slash", "/\\/evil.example"],
    ["two backslashes", "\\\\evil.example"],
    ["a backslash further on", "/c607\\..\\..\\evil"],
    ["absolute http", "http://evil.example/phish"],
    ["absolute https, mixed case", "HtTpS://evil.example"],
    ["javascript: scheme", "javascript:alert(document.domain)"],
    ["javascript: with a leading space", " javascript:alert(1)"],
    ["data: scheme", "data:text/html,<script>alert(1)</script>"],
    ["scheme without slashes", "https:evil.example"],
    ["tab inside the double slash", "/\t/evil.example"],
    ["newline inside the double slash", "/\n/evil.example"],
    ["carriage return", "/\r/evil.example"],
    ["NUL", "/tableau-de-bord\u0000"],
    ["non-breaking space", "/\u00a0/evil.example"],
    ["line separator", "/\u2028/evil.example"],
    ["encoded slash after the first one", "/%2Fevil.example"],
    ["encoded double slash", "%2F%2Fevil.example"],
    ["encoded backslash", "/%5Cevil.example/phish"],
    ["encoded backslash, lower case", "/%5cevil.example"],
    ["double-encoded slash", "/%252Fevil.example"],
    ["triple-encoded backslash", "/%25255Cevil.example"],
    ["encoded tab", "/%09/evil.example"],
    ["malformed percent-encoding", "/c607/%E0%A4%A"],
    ["dot segments that climb to a double slash", "/a/..//evil.example"],
    ["a bare host", "evil.example"],
    ["empty", ""],
    ["not a string", 42],
    ["an array (repeated parameter)", ["/c607", "//evil.example"]],
    ["undefined", undefined],
    ["null", null],
    ["very long", `/${"a".repeat(5000)}`],
    ["next-auth's own endpoints", "/api/auth/signout"],
    ["a route handler that acts on GET", "/api/forem/export"],
    ["a route handler, mixed case", "/API/forem/export"],
  ])("refuses %s", (_label, value) => {
    expect(safeCallbackPath(value)).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it.each([
    ["/tableau-de-bord", "/tableau-de-bord"],
    ["/c607", "/c607"],
    ["/c607?page=2", "/c607?page=2"],
    ["/gestion/personnes/3f1c2a4e-9b7d-4c2e-8f01-2a3b4c5d6e7f", "/gestion/personnes/3f1c2a4e-9b7d-4c2e-8f01-2a3b4c5d6e7f"],
    ["/c607?nom=Van%20Damme", "/c607?nom=Van%20Damme"],
    ["/sessions#mes-sessions", "/sessions#mes-sessions"],
    ["/a/../c607", "/c607"],
    ["/apiculture", "/apiculture"],
    // Sign-out sends people back to the sign-in page with a reason.
    ["/login?raison=deconnexion", "/login?raison=deconnexion"],
    // Looks like user-info, but after one slash it is only a path of this portal (a 404).
    ["/@evil.example", "/@evil.example"],
  ])("keeps the portal path %s", (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });

  it("never returns anything a browser would resolve to another origin", () => {
    const samples = ["/\\evil", "//evil", "/%5C%5Cevil", "/.//evil", "/c607", "/\t\\evil", "/x/..\\/evil"];
    for (const s of samples) {
      expect(new URL(safeCallbackPath(s), "https://portail.cpas.be").origin).toBe("https://portail.cpas.be");
    }
  });
});
