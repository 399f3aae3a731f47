import { randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import { blindIndexWithKey, openWithKey, sealWithKey } from "./secret-box";

const key = randomBytes(32);

describe("secret box", () => {
  it("round-trips and never stores the clear text", () => {
    const sealed = sealWithKey("85073003328", key);
    expect(sealed).not.toContain("85073003328");
    expect(openWithKey(sealed, key)).toBe("85073003328");
  });
  it("gives a different ciphertext each time", () => {
    expect(sealWithKey("x", key)).not.toBe(sealWithKey("x", key));
  });
  it("refuses a tampered ciphertext or another key", () => {
    const sealed = sealWithKey("secret", key);
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0] = body[0]! ^ 1;
    expect(() => openWithKey([...parts.slice(0, 3), body.toString("base64url")].join("."), key)).toThrow();
    expect(() => openWithKey(sealed, randomBytes(32))).toThrow();
  });
  it("indexes deterministically per key", () => {
    expect(blindIndexWithKey("a", key)).toBe(blindIndexWithKey("a", key));
    expect(blindIndexWithKey("a", key)).not.toBe(blindIndexWithKey("a", randomBytes(32)));
  });
});
