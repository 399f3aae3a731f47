import { randomUUID } from "node:crypto";

import { afterAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";

import { enforceRateLimits, hitRateLimit } from "./rate-limit";

afterAll(() => db.$disconnect());

describe("rate limits in PostgreSQL", () => {
  it("counts every concurrent hit exactly once and refuses past the limit", async () => {
    const key = `test:${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 12 }, () => hitRateLimit(key, { limit: 10, windowSeconds: 60 })));
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(results.filter((r) => !r.allowed)).toHaveLength(2);
    await expect(enforceRateLimits([{ key, rule: { limit: 10, windowSeconds: 60 } }])).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });

  it("starts a new window once the previous one is over", async () => {
    const key = `test:${randomUUID()}`;
    await hitRateLimit(key, { limit: 1, windowSeconds: 60 });
    expect((await hitRateLimit(key, { limit: 1, windowSeconds: 60 })).allowed).toBe(false);
    await db.rateLimitBucket.update({ where: { key }, data: { windowStart: new Date(Date.now() - 61_000) } });
    expect(await hitRateLimit(key, { limit: 1, windowSeconds: 60 })).toMatchObject({ allowed: true, count: 1 });
  });
});
