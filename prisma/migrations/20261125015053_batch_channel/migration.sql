-- CreateEnum
CREATE TYPE "ChannelKind" AS ENUM ('SFTP', 'FTP');

-- AlterTable
ALTER TABLE "Quality" ADD COLUMN     "senderNumber" TEXT;

-- CreateTable
CREATE TABLE "TechnicalChannel" (
    "id" UUID NOT NULL,
    "entityId" UUID NOT NULL,
    "qualityId" UUID NOT NULL,
    "kind" "ChannelKind" NOT NULL,
    "accountName" TEXT NOT NULL,
    "services" TEXT[],
    "certificateName" TEXT NOT NULL,
    "certificateDer" BYTEA NOT NULL,
    "certificateSubject" TEXT NOT NULL,
    "certificateFingerprint" TEXT NOT NULL,
    "certificateValidTo" TIMESTAMP(3) NOT NULL,
    "technicalUsername" TEXT NOT NULL,
    "sshPublicKey" TEXT,
    "sshKeyFingerprint" TEXT,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TechnicalChannel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BatchMandate" (
    "id" UUID NOT NULL,
    "entityId" UUID NOT NULL,
    "qualityId" UUID NOT NULL,
    "service" TEXT NOT NULL,
    "providerBce" TEXT NOT NULL,
    "providerName" TEXT NOT NULL,
    "validFrom" DATE NOT NULL,
    "validUntil" DATE,
    "revokedAt" TIMESTAMP(3),
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BatchMandate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TechnicalChannel_technicalUsername_key" ON "TechnicalChannel"("technicalUsername");

-- CreateIndex
CREATE INDEX "TechnicalChannel_entityId_idx" ON "TechnicalChannel"("entityId");

-- CreateIndex
CREATE UNIQUE INDEX "TechnicalChannel_qualityId_kind_key" ON "TechnicalChannel"("qualityId", "kind");

-- CreateIndex
CREATE INDEX "BatchMandate_qualityId_service_idx" ON "BatchMandate"("qualityId", "service");

-- CreateIndex
CREATE UNIQUE INDEX "Quality_senderNumber_key" ON "Quality"("senderNumber");
