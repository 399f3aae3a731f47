import { generate } from "otplib";
import { describe, expect, it } from "vitest";

import { checkTotp, newTotpSecret, totpUri } from "./totp";

describe("TOTP", () => {
  const secret = newTotpSecret();
  const now = new Date("2026-11-24T10:00:10Z");
  const epoch = Math.floor(now.getTime() / 1000);

  it("accepts the current code and returns its time step", async () => {
    const code = await generate({ secret, epoch });
    const r = await checkTotp({ secret, code, lastStep: null, now });
    expect(r).toEqual({ ok: true, timeStep: Math.floor(epoch / 30) });
  });

  it("refuses a code already used (same or older step)", async () => {
    const code = await generate({ secret, epoch });
    expect(await checkTotp({ secret, code, lastStep: Math.floor(epoch / 30), now })).toEqual({ ok: false, reason: "replayed" });
  });

  it("accepts one step of drift, refuses two", async () => {
    const previous = await generate({ secret, epoch: epoch - 30 });
    expect((await checkTotp({ secret, code: previous, lastStep: null, now })).ok).toBe(true);
    const old = await generate({ secret, epoch: epoch - 90 });
    expect((await checkTotp({ secret, code: old, lastStep: null, now })).ok).toBe(false);
  });

  it.each(["", "12345", "1234567", "abcdef", "' OR 1=1"])("refuses malformed code %j", async (code) => {
    expect(await checkTotp({ secret, code, lastStep: null, now })).toEqual({ ok: false, reason: "invalid" });
  });

  it("builds an otpauth URI with the issuer", () => {
    expect(totpUri(secret, "a@b.be")).toMatch(/^otpauth:\/\/totp\/Portail%20CPAS:a%40b\.be\?secret=/);
  });
});
