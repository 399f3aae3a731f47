-- Issue 15: a GL's dashboard (lib/dashboard/load-managed-qualities.ts) counts the quality's active
-- rights per code and those ending within 30 days from the index alone, and takes its ten latest
-- grants in index order instead of sorting every right of the quality (5,000 at the size measured).
CREATE INDEX "RightGrant_active_quality_code_idx" ON "RightGrant"("qualityId", "rightCode", "validUntil", "entityId") WHERE "revokedAt" IS NULL;
CREATE INDEX "RightGrant_active_quality_grantedAt_idx" ON "RightGrant"("qualityId", "grantedAt" DESC, "id") WHERE "revokedAt" IS NULL;
