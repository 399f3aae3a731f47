import { describe, expect, it } from "vitest";

import { computeClientIp } from "./client-ip";

describe("computeClientIp", () => {
  it("ignores a forged X-Forwarded-For when no proxy is trusted", () => {
    expect(computeClientIp({ forwardedFor: "1.2.3.4", socketAddress: "::ffff:10.0.0.9", trustedHops: 0 })).toBe("10.0.0.9");
  });
  it("takes the address the trusted proxy saw", () => {
    expect(computeClientIp({ forwardedFor: "6.6.6.6, 203.0.113.7", socketAddress: "10.0.0.2", trustedHops: 1 })).toBe("203.0.113.7");
    expect(computeClientIp({ forwardedFor: "203.0.113.7, 10.0.0.3", socketAddress: "10.0.0.2", trustedHops: 2 })).toBe("203.0.113.7");
  });
  it("never goes past the first address and refuses garbage", () => {
    expect(computeClientIp({ forwardedFor: "198.51.100.1", socketAddress: "10.0.0.2", trustedHops: 5 })).toBe("198.51.100.1");
    expect(computeClientIp({ forwardedFor: "pas-une-ip", socketAddress: "10.0.0.2", trustedHops: 1 })).toBeNull();
    expect(computeClientIp({ forwardedFor: undefined, socketAddress: "::1", trustedHops: 0 })).toBe("::1");
  });
});
