import { describe, expect, it } from "vitest";

import { localize } from "@/lib/i18n/translator";

import { allowedTokenHosts, checkTokenUrl } from "./token-url";

// The token URL of a REST client (issue 14): https, or http on loopback when the tests allow it.
const SOCIAL_SECURITY = ["services.socialsecurity.be"];
const text = (r: { url: string } | { error: string }) => ("error" in r ? localize("fr", r.error) : r.url);

describe("checkTokenUrl", () => {
  it("accepts the social security's https endpoint as it is", () => {
    expect(text(checkTokenUrl(" https://services.socialsecurity.be/REST/oauth/v5/token ", { allowLoopbackHttp: false, allowedHosts: SOCIAL_SECURITY }))).toBe(
      "https://services.socialsecurity.be/REST/oauth/v5/token",
    );
  });
  it("accepts http only on a loopback address, and only when allowed", () => {
    for (const url of ["http://127.0.0.1:4733/token", "http://localhost:4733/token", "http://[::1]:4733/token", "http://127.1.2.3/token"])
      expect(text(checkTokenUrl(url, { allowLoopbackHttp: true, allowedHosts: SOCIAL_SECURITY }))).toBe(url);
    for (const url of ["http://127.0.0.1:4733/token", "http://10.0.0.1/token", "http://services.socialsecurity.be/token", "http://127.0.0.1.example.org/token"])
      expect(text(checkTokenUrl(url, { allowLoopbackHttp: url.includes("example"), allowedHosts: SOCIAL_SECURITY }))).toBe(
        "L'URL du serveur de jetons doit commencer par https://.",
      );
  });
  it("refuses what is not a plain URL", () => {
    expect(text(checkTokenUrl("", { allowLoopbackHttp: false, allowedHosts: SOCIAL_SECURITY }))).toBe("Indiquez l'URL du serveur de jetons.");
    for (const url of [
      "services.socialsecurity.be/token",
      "https://a:b@services.socialsecurity.be/token",
      "https://services.socialsecurity.be/token#x",
      "https://",
    ])
      expect(text(checkTokenUrl(url, { allowLoopbackHttp: false, allowedHosts: SOCIAL_SECURITY }))).toBe(
        "L'URL du serveur de jetons n'est pas une adresse valide (https://…, sans identifiant ni #).",
      );
    expect(text(checkTokenUrl(`https://x.be/${"a".repeat(290)}`, { allowLoopbackHttp: false, allowedHosts: SOCIAL_SECURITY }))).toBe(
      "L'URL du serveur de jetons dépasse 300 caractères.",
    );
    expect(text(checkTokenUrl("javascript:alert(1)", { allowLoopbackHttp: true, allowedHosts: SOCIAL_SECURITY }))).toBe(
      "L'URL du serveur de jetons doit commencer par https://.",
    );
  });
  it("refuses an https server the deployment does not list (the portal would post a signed assertion to it)", () => {
    for (const url of ["https://intranet.cpas.local/token", "https://services.socialsecurity.be.evil.example/token", "https://10.0.0.1/token"])
      expect(text(checkTokenUrl(url, { allowLoopbackHttp: false, allowedHosts: SOCIAL_SECURITY }))).toBe(
        "L'URL du serveur de jetons doit désigner un serveur autorisé : services.socialsecurity.be.",
      );
    expect(text(checkTokenUrl("https://SERVICES.socialsecurity.be/REST/oauth/v5/token", { allowLoopbackHttp: false, allowedHosts: SOCIAL_SECURITY }))).toBe(
      "https://services.socialsecurity.be/REST/oauth/v5/token",
    );
  });
  it("takes the hosts from REST_TOKEN_HOSTS, else from the default token URL", () => {
    expect(allowedTokenHosts({ hosts: undefined, defaultUrl: "https://services.socialsecurity.be/REST/oauth/v5/token" })).toEqual([
      "services.socialsecurity.be",
    ]);
    expect(allowedTokenHosts({ hosts: " Services.SocialSecurity.be, services-acpt.socialsecurity.be ,", defaultUrl: "https://x.be/t" })).toEqual([
      "services.socialsecurity.be",
      "services-acpt.socialsecurity.be",
    ]);
  });
});
