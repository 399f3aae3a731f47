import { describe, expect, it } from "vitest";

import { bearerTokenOf, generateApiToken, hashApiToken, isWellFormedApiToken, sameHash } from "./token-format";

describe("API token format", () => {
  it("is cpas_ + 43 base64url characters (32 random bytes), different every time", () => {
    const a = generateApiToken();
    const b = generateApiToken();
    expect(a.token).toMatch(/^cpas_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.token.slice(5), "base64url")).toHaveLength(32);
    expect(a.token).not.toBe(b.token);
    expect(isWellFormedApiToken(a.token)).toBe(true);
  });

  it("stores only the SHA-256 of the whole token", () => {
    const { token, tokenHash } = generateApiToken();
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash).toBe(hashApiToken(token));
    expect(tokenHash).not.toContain(token.slice(5, 15));
    // Known vector: a change of algorithm or encoding would orphan every stored token.
    expect(hashApiToken("cpas_test")).toBe("210fa0707f37d3da4a437320bac1dbb3ba906cbf7d6e0590da0a49f8d5d04d88");
    expect(sameHash(tokenHash, hashApiToken(token))).toBe(true);
    expect(sameHash(tokenHash, hashApiToken(`${token}x`))).toBe(false);
  });

  it("refuses malformed tokens", () => {
    for (const bad of ["", "cpas_", "cpas_abc", `CPAS_${"a".repeat(43)}`, `cpas_${"a".repeat(42)}+`, `cpas_${"a".repeat(44)}`, `xyz_${"a".repeat(43)}`]) {
      expect(isWellFormedApiToken(bad)).toBe(false);
    }
  });

  it("reads the Bearer header: absent or other scheme = session call, Bearer without a valid token = refused", () => {
    const { token } = generateApiToken();
    expect(bearerTokenOf(null)).toBeUndefined();
    expect(bearerTokenOf("Basic dXNlcjpwYXNz")).toBeUndefined();
    expect(bearerTokenOf(`Bearer ${token}`)).toBe(token);
    expect(bearerTokenOf(`bearer   ${token} `)).toBe(token);
    expect(bearerTokenOf("Bearer")).toBeNull();
    expect(bearerTokenOf("Bearer nimportequoi")).toBeNull();
    expect(bearerTokenOf(`Bearer ${token} ${token}`)).toBeNull();
  });
});
