-- CreateEnum
CREATE TYPE "ReviewDecision" AS ENUM ('KEEP', 'REVOKE');

-- CreateEnum
CREATE TYPE "SodMode" AS ENUM ('FORBID', 'JUSTIFY');

-- CreateEnum
CREATE TYPE "ContractKind" AS ENUM ('ART_60_7', 'ART_61');

-- CreateEnum
CREATE TYPE "WorkRegime" AS ENUM ('FULL_TIME', 'PART_TIME');

-- CreateEnum
CREATE TYPE "C607Status" AS ENUM ('DRAFT', 'SENT', 'IN_PROGRESS', 'COMPLEMENT_REQUESTED', 'CALCULATED');

-- CreateEnum
CREATE TYPE "C607CopyReason" AS ENUM ('CONTRACT_CHANGED', 'EVENTS_DURING_CONTRACT');

-- CreateEnum
CREATE TYPE "DerogationStatus" AS ENUM ('PENDING', 'ACCEPTED', 'REFUSED');

-- CreateEnum
CREATE TYPE "AssimilatedKind" AS ENUM ('SICKNESS', 'WORK_ACCIDENT', 'OCCUPATIONAL_DISEASE', 'TEMPORARY_UNEMPLOYMENT', 'CAREER_BREAK', 'MATERNITY', 'SELF_EMPLOYMENT', 'DETENTION', 'OTHER');

-- AlterEnum
ALTER TYPE "PersonStatus" ADD VALUE 'INVITED';

-- AlterTable
ALTER TABLE "RightGrant" ADD COLUMN     "justification" TEXT;

-- CreateTable
CREATE TABLE "Invitation" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "personId" UUID NOT NULL,
    "entityId" UUID NOT NULL,
    "qualityId" UUID NOT NULL,
    "subdivisionId" UUID,
    "invitedById" UUID NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessReview" (
    "id" UUID NOT NULL,
    "entityId" UUID NOT NULL,
    "qualityId" UUID NOT NULL,
    "startedById" UUID NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deadline" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "AccessReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessReviewItem" (
    "id" UUID NOT NULL,
    "reviewId" UUID NOT NULL,
    "grantId" UUID NOT NULL,
    "decision" "ReviewDecision",
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "comment" TEXT,

    CONSTRAINT "AccessReviewItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SodRule" (
    "id" UUID NOT NULL,
    "entityId" UUID NOT NULL,
    "rightA" TEXT NOT NULL,
    "rightB" TEXT NOT NULL,
    "mode" "SodMode" NOT NULL DEFAULT 'FORBID',
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SodRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Worker" (
    "id" UUID NOT NULL,
    "entityId" UUID NOT NULL,
    "nissEncrypted" TEXT NOT NULL,
    "nissBlindIndex" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "birthDate" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Worker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contract" (
    "id" UUID NOT NULL,
    "entityId" UUID NOT NULL,
    "workerId" UUID NOT NULL,
    "kind" "ContractKind" NOT NULL,
    "startDate" DATE NOT NULL,
    "plannedEndDate" DATE NOT NULL,
    "actualEndDate" DATE,
    "employerName" TEXT,
    "employerBce" TEXT,
    "regime" "WorkRegime" NOT NULL DEFAULT 'FULL_TIME',
    "weeklyHours" DECIMAL(5,2),
    "fullTimeWeeklyHours" DECIMAL(5,2),
    "daysPerWeek" INTEGER NOT NULL DEFAULT 5,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Contract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "C607Request" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "workerId" UUID NOT NULL,
    "contractId" UUID NOT NULL,
    "status" "C607Status" NOT NULL DEFAULT 'DRAFT',
    "isSecondCalculation" BOOLEAN NOT NULL DEFAULT false,
    "parentId" UUID,
    "copyReason" "C607CopyReason",
    "derogationJustification" TEXT,
    "derogationStatus" "DerogationStatus",
    "clientKey" TEXT,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "deadline" DATE,
    "takenById" UUID,
    "proposal" JSONB,
    "validatedDays" INTEGER,
    "validatedEndDate" DATE,
    "onemReason" TEXT,
    "complementRequest" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "C607Request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "C607EmploymentPeriod" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "employer" TEXT NOT NULL,
    "country" TEXT NOT NULL DEFAULT 'BE',
    "fromDate" DATE NOT NULL,
    "toDate" DATE NOT NULL,
    "regime" "WorkRegime" NOT NULL DEFAULT 'FULL_TIME',
    "weeklyHours" DECIMAL(5,2),
    "fullTimeWeeklyHours" DECIMAL(5,2),
    "declaredDays" INTEGER,
    "declaredHours" DECIMAL(7,2),

    CONSTRAINT "C607EmploymentPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "C607AssimilatedPeriod" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "kind" "AssimilatedKind" NOT NULL,
    "label" TEXT,
    "fromDate" DATE NOT NULL,
    "toDate" DATE NOT NULL,

    CONSTRAINT "C607AssimilatedPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "C607Attachment" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "addedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "C607Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "C607Event" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "kind" TEXT NOT NULL,
    "fromStatus" "C607Status",
    "toStatus" "C607Status",
    "note" TEXT,

    CONSTRAINT "C607Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "entityId" UUID NOT NULL,
    "personId" UUID,
    "audience" TEXT,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ForemTransmission" (
    "id" UUID NOT NULL,
    "entityId" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "periodFrom" DATE NOT NULL,
    "periodTo" DATE NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ForemTransmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attestation" (
    "id" UUID NOT NULL,
    "entityId" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "workerId" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "place" TEXT NOT NULL,
    "signatory" TEXT NOT NULL,
    "reason" TEXT,
    "periods" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attestation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FileTransfer" (
    "id" UUID NOT NULL,
    "fromEntityId" UUID NOT NULL,
    "toEntityId" UUID NOT NULL,
    "senderId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "ciphertext" BYTEA NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "downloadedAt" TIMESTAMP(3),

    CONSTRAINT "FileTransfer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_entityId_createdAt_idx" ON "Invitation"("entityId", "createdAt");

-- CreateIndex
CREATE INDEX "AccessReview_entityId_qualityId_closedAt_idx" ON "AccessReview"("entityId", "qualityId", "closedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AccessReviewItem_reviewId_grantId_key" ON "AccessReviewItem"("reviewId", "grantId");

-- CreateIndex
CREATE UNIQUE INDEX "SodRule_entityId_rightA_rightB_key" ON "SodRule"("entityId", "rightA", "rightB");

-- CreateIndex
CREATE INDEX "Worker_entityId_lastName_idx" ON "Worker"("entityId", "lastName");

-- CreateIndex
CREATE UNIQUE INDEX "Worker_entityId_nissBlindIndex_key" ON "Worker"("entityId", "nissBlindIndex");

-- CreateIndex
CREATE INDEX "Contract_entityId_actualEndDate_idx" ON "Contract"("entityId", "actualEndDate");

-- CreateIndex
CREATE INDEX "Contract_entityId_plannedEndDate_idx" ON "Contract"("entityId", "plannedEndDate");

-- CreateIndex
CREATE UNIQUE INDEX "C607Request_reference_key" ON "C607Request"("reference");

-- CreateIndex
CREATE INDEX "C607Request_status_deadline_idx" ON "C607Request"("status", "deadline");

-- CreateIndex
CREATE INDEX "C607Request_entityId_status_createdAt_idx" ON "C607Request"("entityId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "C607Request_contractId_idx" ON "C607Request"("contractId");

-- CreateIndex
CREATE UNIQUE INDEX "C607Request_entityId_clientKey_key" ON "C607Request"("entityId", "clientKey");

-- CreateIndex
CREATE INDEX "C607Event_requestId_at_idx" ON "C607Event"("requestId", "at");

-- CreateIndex
CREATE INDEX "Notification_entityId_personId_createdAt_idx" ON "Notification"("entityId", "personId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_personId_idx" ON "ApiToken"("personId");

-- CreateIndex
CREATE INDEX "ForemTransmission_entityId_createdAt_idx" ON "ForemTransmission"("entityId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Attestation_entityId_number_key" ON "Attestation"("entityId", "number");

-- CreateIndex
CREATE INDEX "FileTransfer_toEntityId_createdAt_idx" ON "FileTransfer"("toEntityId", "createdAt");

-- CreateIndex
CREATE INDEX "FileTransfer_fromEntityId_createdAt_idx" ON "FileTransfer"("fromEntityId", "createdAt");

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessReviewItem" ADD CONSTRAINT "AccessReviewItem_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "AccessReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_workerId_fkey" FOREIGN KEY ("workerId") REFERENCES "Worker"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "C607Request" ADD CONSTRAINT "C607Request_workerId_fkey" FOREIGN KEY ("workerId") REFERENCES "Worker"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "C607Request" ADD CONSTRAINT "C607Request_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "C607Request" ADD CONSTRAINT "C607Request_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "C607Request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "C607EmploymentPeriod" ADD CONSTRAINT "C607EmploymentPeriod_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "C607Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "C607AssimilatedPeriod" ADD CONSTRAINT "C607AssimilatedPeriod_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "C607Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "C607Attachment" ADD CONSTRAINT "C607Attachment_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "C607Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "C607Event" ADD CONSTRAINT "C607Event_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "C607Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attestation" ADD CONSTRAINT "Attestation_workerId_fkey" FOREIGN KEY ("workerId") REFERENCES "Worker"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
