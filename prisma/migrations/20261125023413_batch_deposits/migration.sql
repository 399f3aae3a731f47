-- AlterTable
ALTER TABLE "TechnicalChannel" ADD COLUMN     "portalKeySealed" TEXT;

-- CreateTable
CREATE TABLE "BatchDeposit" (
    "id" UUID NOT NULL,
    "entityId" UUID NOT NULL,
    "channelId" UUID NOT NULL,
    "environment" TEXT NOT NULL,
    "setName" TEXT NOT NULL,
    "files" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BatchDeposit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BatchDeposit_channelId_createdAt_idx" ON "BatchDeposit"("channelId", "createdAt");
