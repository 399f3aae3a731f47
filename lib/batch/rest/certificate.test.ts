import { X509Certificate } from "node:crypto";

import { describe, expect, it } from "vitest";

import { certificateSerial, makeRestKeyPair } from "./certificate";

// A DER INTEGER is minimal: no leading 0x00 unless the next byte's first bit is set. OpenSSL
// refuses a certificate whose serial breaks this — as it did once in 256 registrations when the
// random first byte came out 0x00 or 0x80 and the second below 0x80.
describe("REST client certificates: the serial number", () => {
  it("starts with a byte in 0x40–0x7f whatever the random bytes, the rest unchanged", () => {
    const rest = [0x05, 0x00, 0xff, 0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70, 0x80, 0x90, 0xa0, 0xb0, 0xc0];
    for (const [first, expected] of [
      [0x00, 0x40],
      [0x80, 0x40],
      [0x3f, 0x7f],
      [0xff, 0x7f],
      [0x41, 0x41],
    ] as const) {
      expect([...certificateSerial(new Uint8Array([first, ...rest]))]).toEqual([expected, ...rest]);
    }
  });

  it("makes certificates OpenSSL reads", async () => {
    const pair = await makeRestKeyPair({ commonName: "Canal REST test" });
    expect(new X509Certificate(pair.certificateDer).subject).toBe("CN=Canal REST test");
  });
});
