import { describe, expect, it } from "vitest";

import { publicOrigin } from "./public-origin";

// Expected addresses written by hand from issue 11: « every redirect must follow the address in use
// (configured public URL, or the request's host behind trusted proxies), never a default ».
const h = (o: Record<string, string>) => new Headers(o);

describe("publicOrigin", () => {
  it("a configured public address wins, without its path", () => {
    expect(publicOrigin(h({ host: "10.0.0.5:3000" }), { NEXTAUTH_URL: "https://portail.cpas-demo.be/" })).toBe("https://portail.cpas-demo.be");
  });

  it("without one, the host the browser used, over HTTP — never localhost", () => {
    expect(publicOrigin(h({ host: "10.0.0.5:3000" }), {})).toBe("http://10.0.0.5:3000");
    expect(publicOrigin(h({ host: "Intranet-CPAS:3000" }), {})).toBe("http://intranet-cpas:3000");
    expect(publicOrigin(h({ host: "[::1]:3000" }), {})).toBe("http://[::1]:3000");
  });

  it("forwarded headers count only behind trusted proxies", () => {
    const forwarded = h({ host: "10.0.0.5:3000", "x-forwarded-host": "portail.cpas-demo.be", "x-forwarded-proto": "https" });
    expect(publicOrigin(forwarded, {})).toBe("http://10.0.0.5:3000");
    expect(publicOrigin(forwarded, { PORTAL_TRUSTED_PROXY_HOPS: "0" })).toBe("http://10.0.0.5:3000");
    expect(publicOrigin(forwarded, { PORTAL_TRUSTED_PROXY_HOPS: "1" })).toBe("https://portail.cpas-demo.be");
  });

  it("behind one trusted proxy that appends, what a client wrote before it is ignored", () => {
    const appended = h({ host: "10.0.0.5:3000", "x-forwarded-host": "evil.example, portail.cpas-demo.be", "x-forwarded-proto": "http, https" });
    expect(publicOrigin(appended, { PORTAL_TRUSTED_PROXY_HOPS: "1" })).toBe("https://portail.cpas-demo.be");
  });

  it("a host that would point elsewhere is no address at all", () => {
    expect(publicOrigin(h({ host: "evil.example/phish" }), {})).toBeNull();
    expect(publicOrigin(h({ host: "user@evil.example" }), {})).toBeNull();
    expect(publicOrigin(h({}), {})).toBeNull();
  });
});
