import { describe, expect, it } from "vitest";

import { localeOfRequest } from "./request-locale";

// A route handler's language comes from its own request (issue 13): the language cookie the
// portal sets at sign-in or by the switch, else Accept-Language, else French — and never an
// exception when the handler runs outside Next's request scope (an API client with a token).
const req = (headers: Record<string, string>) => new Request("http://127.0.0.1:3000/api/c607/requests", { headers });

describe("localeOfRequest", () => {
  it("takes the language cookie first", () => {
    expect(localeOfRequest(req({ cookie: "autre=1; cpas_langue=nl", "accept-language": "fr-BE" }))).toBe("nl");
    expect(localeOfRequest(req({ cookie: "cpas_langue=fr", "accept-language": "nl-BE,nl;q=0.9" }))).toBe("fr");
  });
  it("else Accept-Language, else French", () => {
    expect(localeOfRequest(req({ "accept-language": "nl-BE,nl;q=0.9,fr;q=0.5" }))).toBe("nl");
    expect(localeOfRequest(req({ "accept-language": "de-DE,en;q=0.8" }))).toBe("fr");
    expect(localeOfRequest(req({}))).toBe("fr");
  });
  it("ignores an unknown or malformed cookie value", () => {
    expect(localeOfRequest(req({ cookie: "cpas_langue=de", "accept-language": "nl" }))).toBe("nl");
    expect(localeOfRequest(req({ cookie: "cpas_langue=%E0%A4%A", "accept-language": "fr" }))).toBe("fr");
    expect(localeOfRequest(req({ cookie: "cpas_langue" }))).toBe("fr");
  });
});
