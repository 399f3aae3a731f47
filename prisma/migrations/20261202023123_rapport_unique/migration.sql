-- CreateEnum
CREATE TYPE "RuFormStatus" AS ENUM ('DRAFT', 'READY', 'SENT', 'RETURNED', 'ACCEPTED');

-- CreateEnum
CREATE TYPE "RuSignerRole" AS ENUM ('SECRETAIRE', 'PRESIDENT');

-- AlterEnum
ALTER TYPE "EntityKind" ADD VALUE 'SPP_IS';

-- AlterEnum
ALTER TYPE "RoleKind" ADD VALUE 'SPPIS_COLLABORATOR';

-- CreateTable
CREATE TABLE "RuCampaign" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "deadline" DATE NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "openedById" UUID,

    CONSTRAINT "RuCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RuFormDefinition" (
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "sha256" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RuFormDefinition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RuGrant" (
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "entityId" UUID NOT NULL,
    "formCode" TEXT NOT NULL,
    "envelopeCode" TEXT NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "recordedById" UUID,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RuGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RuForm" (
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "definitionId" UUID NOT NULL,
    "entityId" UUID NOT NULL,
    "formCode" TEXT NOT NULL,
    "status" "RuFormStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "content" JSONB NOT NULL,
    "contentHash" TEXT,
    "readyAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "returnReason" TEXT,
    "justifiedCents" BIGINT,
    "notJustifiedCents" BIGINT,
    "carriedOverCents" BIGINT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RuForm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RuSignature" (
    "id" UUID NOT NULL,
    "formId" UUID NOT NULL,
    "role" "RuSignerRole" NOT NULL,
    "signerId" UUID NOT NULL,
    "signerName" TEXT NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "formVersion" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "voidedAt" TIMESTAMP(3),
    "voidReason" TEXT,

    CONSTRAINT "RuSignature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RuEvent" (
    "id" UUID NOT NULL,
    "formId" UUID NOT NULL,
    "actorId" UUID,
    "actorName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fromStatus" "RuFormStatus",
    "toStatus" "RuFormStatus",
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RuEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RuCentreData" (
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "entityId" UUID NOT NULL,
    "contactName" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "contactPhone" TEXT NOT NULL,
    "updatedById" UUID,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RuCentreData_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RuCampaign_year_key" ON "RuCampaign"("year");

-- CreateIndex
CREATE UNIQUE INDEX "RuFormDefinition_campaignId_code_key" ON "RuFormDefinition"("campaignId", "code");

-- CreateIndex
CREATE INDEX "RuGrant_entityId_idx" ON "RuGrant"("entityId");

-- CreateIndex
CREATE UNIQUE INDEX "RuGrant_campaignId_entityId_formCode_envelopeCode_key" ON "RuGrant"("campaignId", "entityId", "formCode", "envelopeCode");

-- CreateIndex
CREATE INDEX "RuForm_campaignId_status_idx" ON "RuForm"("campaignId", "status");

-- CreateIndex
CREATE INDEX "RuForm_entityId_status_idx" ON "RuForm"("entityId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "RuForm_campaignId_entityId_formCode_key" ON "RuForm"("campaignId", "entityId", "formCode");

-- CreateIndex
CREATE INDEX "RuSignature_formId_idx" ON "RuSignature"("formId");

-- CreateIndex
CREATE UNIQUE INDEX "RuSignature_active_role_key" ON "RuSignature"("formId", "role") WHERE ("voidedAt" IS NULL);

-- CreateIndex
CREATE INDEX "RuEvent_formId_createdAt_idx" ON "RuEvent"("formId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RuCentreData_campaignId_entityId_key" ON "RuCentreData"("campaignId", "entityId");

-- AddForeignKey
ALTER TABLE "RuFormDefinition" ADD CONSTRAINT "RuFormDefinition_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "RuCampaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RuGrant" ADD CONSTRAINT "RuGrant_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "RuCampaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RuForm" ADD CONSTRAINT "RuForm_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "RuCampaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RuForm" ADD CONSTRAINT "RuForm_definitionId_fkey" FOREIGN KEY ("definitionId") REFERENCES "RuFormDefinition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RuSignature" ADD CONSTRAINT "RuSignature_formId_fkey" FOREIGN KEY ("formId") REFERENCES "RuForm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RuEvent" ADD CONSTRAINT "RuEvent_formId_fkey" FOREIGN KEY ("formId") REFERENCES "RuForm"("id") ON DELETE CASCADE ON UPDATE CASCADE;
