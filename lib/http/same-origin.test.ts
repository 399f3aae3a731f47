import { readFileSync } from "node:fs";
import { join } from "node:path";

import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

import { proxy } from "@/proxy";

import { isSameOrigin } from "./same-origin";

const ROOT = join(__dirname, "..", "..");

function actionCall(origin: string | null) {
  return new NextRequest("http://localhost:3000/gestion", {
    method: "POST",
    headers: { "next-action": "0123abcd", host: "localhost:3000", "content-length": "12", ...(origin ? { origin } : {}) },
    body: '["$K1",null]',
  });
}

describe("server actions from another site (issue 9, finding 8: Next answered 500)", () => {
  it("the proxy answers 403 in French before Next reads the action", async () => {
    for (const origin of ["http://evil.example", "null", null]) {
      const res = await proxy(actionCall(origin));
      expect(res.status).toBe(403);
      expect(await res.text()).toContain("origine non autorisée");
    }
  });

  it("a same-origin action call goes on (to the session check)", async () => {
    const res = await proxy(actionCall("http://localhost:3000"));
    expect(res.status).not.toBe(403);
  });

  it("isSameOrigin compares the Origin's host with the request's", () => {
    expect(isSameOrigin(new Headers({ origin: "http://localhost:3000", host: "localhost:3000" }))).toBe(true);
    expect(isSameOrigin(new Headers({ origin: "http://localhost:3000.evil.example", host: "localhost:3000" }))).toBe(false);
    expect(isSameOrigin(new Headers({ host: "localhost:3000" }))).toBe(false);
    // A forged X-Forwarded-Host counts only behind trusted proxies (issue 11, walk of part 2).
    const forged = new Headers({ origin: "https://evil.example", host: "portail.cpas.be", "x-forwarded-host": "evil.example" });
    expect(isSameOrigin(forged, {})).toBe(false);
    expect(isSameOrigin(forged, { PORTAL_TRUSTED_PROXY_HOPS: "1" })).toBe(true);
    expect(isSameOrigin(new Headers({ origin: "http://portail.cpas.be", host: "portail.cpas.be", "x-forwarded-host": "evil.example" }), {})).toBe(true);
  });
});

describe("no NISS in URLs (issue 9, finding 7)", () => {
  it.each(["app/(portal)/forem/page.tsx", "app/(portal)/gestion/recherche/page.tsx"])("%s searches through a POST action, never a GET form", (page) => {
    const source = readFileSync(join(ROOT, page), "utf8");
    expect(source).not.toMatch(/<form(?![^>]*\baction=)[^>]*>/); // a bare <form> submits by GET
    expect(source).not.toMatch(/method="get"/i);
    expect(source).not.toMatch(/[?&]q=/);
    expect(source).toMatch(/ActionForm action=\{search\w+Action\}/);
  });
});
