import { describe, expect, it } from "vitest";

import { brusselsClock, evaluateAccessPolicy, isIpAllowed, parseCidr } from "./access-policy";

const weekdays = { isEnforced: true, allowedDays: [1, 2, 3, 4, 5], startMinute: 7 * 60, endMinute: 19 * 60, allowedCidrs: [] as string[] };

describe("access policy", () => {
  it("reads the clock in Brussels, summer and winter", () => {
    expect(brusselsClock(new Date("2026-11-24T06:30:00Z"))).toEqual({ day: 2, minute: 7 * 60 + 30 }); // UTC+1
    expect(brusselsClock(new Date("2026-07-05T22:30:00Z"))).toEqual({ day: 1, minute: 30 }); // Sunday UTC = Monday 00:30 UTC+2
  });
  it("allows weekdays 7:00–19:00 and refuses evenings and weekends", () => {
    expect(evaluateAccessPolicy(weekdays, { now: new Date("2026-11-24T06:00:00Z"), ip: null })).toEqual({ ok: true }); // 07:00
    expect(evaluateAccessPolicy(weekdays, { now: new Date("2026-11-24T18:00:00Z"), ip: null })).toMatchObject({ ok: false, reason: "heure" }); // 19:00
    expect(evaluateAccessPolicy(weekdays, { now: new Date("2026-11-28T10:00:00Z"), ip: null })).toMatchObject({ ok: false, reason: "jour" }); // Saturday
  });
  it("does nothing while the policy is not enforced", () => {
    expect(evaluateAccessPolicy({ ...weekdays, isEnforced: false }, { now: new Date("2026-11-28T23:00:00Z"), ip: null })).toEqual({ ok: true });
  });
  it("matches IPv4 and IPv6 networks", () => {
    const cidrs = ["192.0.2.0/24", "2001:db8::/32"];
    expect(isIpAllowed("192.0.2.77", cidrs)).toBe(true);
    expect(isIpAllowed("198.51.100.1", cidrs)).toBe(false);
    expect(isIpAllowed("2001:db8::1", cidrs)).toBe(true);
    expect(isIpAllowed(null, cidrs)).toBe(false);
    expect(isIpAllowed(null, [])).toBe(true);
    expect(evaluateAccessPolicy({ ...weekdays, allowedCidrs: cidrs }, { now: new Date("2026-11-24T09:00:00Z"), ip: "198.51.100.1" })).toMatchObject({
      ok: false,
      reason: "réseau",
    });
  });
  it("parses CIDRs strictly", () => {
    expect(parseCidr("10.0.0.0/8")).toEqual({ address: "10.0.0.0", prefix: 8, type: "ipv4" });
    expect(parseCidr("10.0.0.1")).toEqual({ address: "10.0.0.1", prefix: 32, type: "ipv4" });
    for (const bad of ["10.0.0.0/33", "10.0.0.0/x", "pas-un-réseau", "::1/129", ""]) expect(parseCidr(bad)).toBeNull();
  });
});
