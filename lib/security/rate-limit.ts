import "server-only";

import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";

// Fixed-window counters in PostgreSQL, so every portal instance shares them (issue 6, scale-out).
// One atomic upsert per hit: concurrent hits on several instances all count.

// Sign-in attempts per address are configurable (RATE_LIMIT_SIGNIN_PER_IP): a centre behind one
// NAT address has many honest users; the end-to-end tests sign in many times from 127.0.0.1.
export const RATE_LIMITS = {
  get signInPerIp() {
    return { limit: env().RATE_LIMIT_SIGNIN_PER_IP, windowSeconds: 300 };
  },
  signInPerAccount: { limit: 15, windowSeconds: 300 },
  invitationsPerManager: { limit: 50, windowSeconds: 3600 },
  apiPerToken: { limit: 600, windowSeconds: 60 },
  // Password comparisons per used one-time link (lib/auth/same-submission.ts): a used link is
  // answered for a minute only; the window is twice that so that instances' clocks apart cannot
  // open a second window within the minute.
  usedLinkComparisons: { limit: 3, windowSeconds: 120 },
};

export type RateLimit = { limit: number; windowSeconds: number };

export async function hitRateLimit(key: string, rule: RateLimit): Promise<{ allowed: boolean; count: number; retryAfterSeconds: number }> {
  const rows = await db.$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "RateLimitBucket" (key, count, "windowStart", "expiresAt")
    VALUES (${key}, 1, now(), now() + make_interval(secs => ${rule.windowSeconds}))
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimitBucket"."windowStart" + make_interval(secs => ${rule.windowSeconds}) <= now() THEN 1 ELSE "RateLimitBucket".count + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" + make_interval(secs => ${rule.windowSeconds}) <= now() THEN now() ELSE "RateLimitBucket"."windowStart" END,
      "expiresAt" = CASE WHEN "RateLimitBucket"."windowStart" + make_interval(secs => ${rule.windowSeconds}) <= now() THEN now() + make_interval(secs => ${rule.windowSeconds}) ELSE "RateLimitBucket"."expiresAt" END
    RETURNING count, "windowStart"`;
  const row = rows[0]!;
  // Expired buckets are swept by the hourly jobs (lib/jobs), not on this hot path.
  const retryAfterSeconds = Math.max(1, Math.ceil((row.windowStart.getTime() + rule.windowSeconds * 1000 - Date.now()) / 1000));
  return { allowed: row.count <= rule.limit, count: row.count, retryAfterSeconds };
}

/** Throws a 429 (said in the reader's language) when any of the keys is over its limit. */
export async function enforceRateLimits(checks: { key: string; rule: RateLimit }[]): Promise<void> {
  for (const c of checks) {
    const r = await hitRateLimit(c.key, c.rule);
    if (!r.allowed) throw new AppError("TOO_MANY_REQUESTS", msg("errors.tooManyAttempts", { seconds: r.retryAfterSeconds }));
  }
}
