-- Issue 15: the security log re-verified its centre's whole audit chain at every view (8.6× /login
-- on 2 million events). A full verification (`npm run audit:verify`, the hourly jobs) now records
-- how far each chain is intact; the page verifies only the events after that point.

-- CreateTable
CREATE TABLE "AuditChainCheckpoint" (
    "chainKey" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "checked" INTEGER NOT NULL,
    "verifiedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuditChainCheckpoint_pkey" PRIMARY KEY ("chainKey")
);
