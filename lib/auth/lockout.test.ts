import { describe, expect, it } from "vitest";

import { afterFailure, isLocked, type LockoutState } from "./lockout";

const now = new Date("2026-11-24T10:00:00Z");
const opts = { now, maxFailures: 3, baseSeconds: 60 };

describe("lockout", () => {
  it("locks after the maximum number of failures, for a growing time", () => {
    let s: LockoutState = { failedLogins: 0, lockoutLevel: 0, lockedUntil: null };
    s = afterFailure(s, opts);
    s = afterFailure(s, opts);
    expect(isLocked(s, now)).toBe(false);
    const third = afterFailure(s, opts);
    expect(third.justLocked).toBe(true);
    expect(third.lockedUntil?.getTime()).toBe(now.getTime() + 60_000);
    let t: LockoutState = third;
    for (let i = 0; i < 3; i++) t = afterFailure(t, opts);
    expect(t.lockedUntil?.getTime()).toBe(now.getTime() + 120_000);
    expect(isLocked(t, new Date(now.getTime() + 119_000))).toBe(true);
    expect(isLocked(t, new Date(now.getTime() + 121_000))).toBe(false);
  });
  it("caps the lock at 24 hours", () => {
    const s = afterFailure({ failedLogins: 2, lockoutLevel: 30, lockedUntil: null }, opts);
    expect(s.lockedUntil?.getTime()).toBe(now.getTime() + 24 * 3600 * 1000);
  });
});
