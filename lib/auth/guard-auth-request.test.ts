import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

import { guardAuthRequest } from "./guard-auth-request";

// Issue 13: the refusals of the sign-in endpoints' guard are said in the caller's language (the
// language cookie, else Accept-Language), beside stable machine codes. Texts written by hand.

const get = (path: string, headers: Record<string, string> = {}) => new NextRequest(`http://127.0.0.1:3000/api/auth/${path}`, { headers });

async function refusal(res: NextRequest | Response) {
  expect(res).toBeInstanceOf(Response);
  const r = res as Response;
  return { status: r.status, language: r.headers.get("content-language"), body: (await r.json()) as Record<string, unknown> };
}

describe("guardAuthRequest: refusals in the caller's language", () => {
  it("an unknown endpoint: French by default, Dutch for a Dutch browser, the cookie over the browser", async () => {
    expect(await refusal(await guardAuthRequest(get("nulle-part"), ["nulle-part"]))).toEqual({
      status: 404,
      language: "fr",
      body: { erreur: "Point d'entrée d'authentification inconnu.", code: "NOT_FOUND", cle: "errors.authRequest.unknownEndpoint" },
    });
    expect(await refusal(await guardAuthRequest(get("nergens", { "accept-language": "nl-BE,nl;q=0.9,fr;q=0.5" }), ["nergens"]))).toEqual({
      status: 404,
      language: "nl",
      body: { erreur: "Onbekend authenticatie-eindpunt.", code: "NOT_FOUND", cle: "errors.authRequest.unknownEndpoint" },
    });
    const chosen = get("nulle-part", { "accept-language": "nl-BE", cookie: "cpas_langue=fr" });
    expect((await refusal(await guardAuthRequest(chosen, ["nulle-part"]))).body.erreur).toBe("Point d'entrée d'authentification inconnu.");
  });

  it("a callback address that is not http(s), and a malformed error code", async () => {
    const callback = get("session?callbackUrl=javascript:alert(1)", { cookie: "cpas_langue=nl" });
    expect((await refusal(await guardAuthRequest(callback, ["session"]))).body).toEqual({
      erreur: "Ongeldig terugkeeradres.",
      code: "BAD_REQUEST",
      cle: "errors.authRequest.badCallback",
    });
    const error = get("error?error=%3Cscript%3E");
    expect((await refusal(await guardAuthRequest(error, ["error"]))).body.erreur).toBe("Paramètre d'erreur non valide.");
  });

  it("a POST that is not a form, and one too large", async () => {
    const json = new NextRequest("http://127.0.0.1:3000/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": "nl" },
      body: "{}",
    });
    expect(await refusal(await guardAuthRequest(json, ["signout"]))).toMatchObject({
      status: 415,
      body: { erreur: "Formulier verwacht (application/x-www-form-urlencoded).", code: "BAD_REQUEST" },
    });
    const big = new NextRequest("http://127.0.0.1:3000/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "accept-language": "nl" },
      body: `csrfToken=${"a".repeat(9000)}`,
    });
    expect(await refusal(await guardAuthRequest(big, ["signout"]))).toMatchObject({
      status: 413,
      body: { erreur: "Verzoek te groot.", cle: "errors.authRequest.tooLarge" },
    });
  });

  it("keeps next-auth's client log out of the server's log: any post to _log is a 204 that next-auth never sees", async () => {
    // The body next-auth's client sends, and a forged one asking for the « error » level.
    for (const body of ["code=CLIENT_FETCH_ERROR&level=error&message=x", "code=%0A[audit]%20faux&level=error", '{"level":"error"}']) {
      for (const type of ["application/x-www-form-urlencoded", "application/json"]) {
        const res = await guardAuthRequest(
          new NextRequest("http://127.0.0.1:3000/api/auth/_log", { method: "POST", headers: { "content-type": type }, body }),
          ["_log"],
        );
        expect(res).toBeInstanceOf(Response);
        expect((res as Response).status).toBe(204);
        expect(await (res as Response).text()).toBe("");
      }
    }
  });

  it("lets a genuine sign-out through", async () => {
    const ok = new NextRequest("http://127.0.0.1:3000/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `csrfToken=${"ab".repeat(32)}`,
    });
    expect(await guardAuthRequest(ok, ["signout"])).toBeInstanceOf(NextRequest);
  });
});
