-- Issue 9: one audit chain per centre instead of one for the whole portal (docs/security.md, "Audit").
-- Written by hand. Every event already stored becomes the closed chain "legacy", numbered in id
-- order: its hashes are untouched and it is verified exactly as before. New events go to the chain
-- of their centre (chain key = entity id) or to "global" (no centre); each chain starts at the
-- genesis hash. The head table holds the last event of every chain: writers lock its row.

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "chainKey" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditChainHead_pkey" PRIMARY KEY ("chainKey")
);

-- AlterTable: add the columns, fill them for the existing events, then make them required.
ALTER TABLE "AuditEvent" ADD COLUMN "chainKey" TEXT,
ADD COLUMN "seq" BIGINT;

UPDATE "AuditEvent" AS e
SET "chainKey" = 'legacy', "seq" = n.seq
FROM (SELECT id, row_number() OVER (ORDER BY id) AS seq FROM "AuditEvent") AS n
WHERE e.id = n.id;

ALTER TABLE "AuditEvent" ALTER COLUMN "chainKey" SET NOT NULL,
ALTER COLUMN "seq" SET NOT NULL;

-- The legacy chain's head: its last event, so a later deletion of its tail is noticed.
INSERT INTO "AuditChainHead" ("chainKey", "seq", "hash", "updatedAt")
SELECT "chainKey", "seq", "hash", CURRENT_TIMESTAMP FROM "AuditEvent" WHERE "chainKey" = 'legacy' ORDER BY "seq" DESC LIMIT 1;

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_chainKey_seq_key" ON "AuditEvent"("chainKey", "seq");
