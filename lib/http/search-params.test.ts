import { describe, expect, it } from "vitest";

import { localize } from "@/lib/i18n/translator";
import { ZPageCursor } from "@/lib/security-log/filters";

import { firstParam, queryObject, ZSearchQuery } from "./search-params";

describe("query parameters (issue 9, finding 8: repeated or huge parameters answered 500)", () => {
  it("a route handler refuses a repeated parameter with a 400 said in the reader's language", () => {
    let error: unknown;
    try {
      queryObject(new URLSearchParams("q=a&q=b"));
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ status: 400 });
    expect(localize("fr", (error as Error).message)).toBe("Le paramètre « q » est répété.");
    expect(localize("nl", (error as Error).message)).toBe("De parameter « q » komt meer dan eens voor.");
    expect(() => queryObject({ q: ["a", "b"] })).toThrow(expect.objectContaining({ status: 400 }));
    expect(queryObject(new URLSearchParams("a=1&b=2"))).toEqual({ a: "1", b: "2" });
  });

  it("a page takes the first value of a repeated parameter, cut to its length, and '' for garbage", () => {
    expect(firstParam(["a", "b"])).toBe("a");
    expect(firstParam("x".repeat(500), 100)).toHaveLength(100);
    expect(firstParam(undefined)).toBe("");
  });

  it("/securite?apres=9223372036854775808 (one above PostgreSQL's bigint) is an invalid cursor, not a query", () => {
    expect(ZPageCursor.safeParse({ apres: "9223372036854775808" }).success).toBe(false);
    expect(ZPageCursor.safeParse({ avant: "9999999999999999999" }).success).toBe(false);
    expect(ZPageCursor.safeParse({ apres: "9223372036854775807" }).success).toBe(true);
  });

  it("a search query is a bounded string whatever arrives", () => {
    expect(ZSearchQuery.parse({ q: "  Dupont " })).toEqual({ q: "Dupont" });
    expect(ZSearchQuery.parse({ q: ["a"] })).toEqual({ q: "" });
    expect(ZSearchQuery.safeParse({ q: "x".repeat(101) }).success).toBe(false);
  });
});
