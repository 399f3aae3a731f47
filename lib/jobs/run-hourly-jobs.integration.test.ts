import { afterAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";

import { runHourlyJobs } from "./run-hourly-jobs";

afterAll(() => db.$disconnect());

describe("hourly jobs", () => {
  it("run once per round even when several instances start them together", async () => {
    await db.rateLimitBucket.deleteMany({ where: { key: "jobs:hourly" } });
    const results = await Promise.all([runHourlyJobs(), runHourlyJobs(), runHourlyJobs()]);
    expect(results.filter((r) => r.ran)).toHaveLength(1);
    expect((await runHourlyJobs()).ran).toBe(false);
  });
});
