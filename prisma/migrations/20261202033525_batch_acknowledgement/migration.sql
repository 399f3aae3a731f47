-- CreateTable
CREATE TABLE "BatchAcknowledgement" (
    "id" UUID NOT NULL,
    "entityId" UUID NOT NULL,
    "channelId" UUID NOT NULL,
    "depositId" UUID,
    "environment" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "quotedName" TEXT,
    "resultCode" TEXT,
    "details" JSONB NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BatchAcknowledgement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BatchAcknowledgement_depositId_idx" ON "BatchAcknowledgement"("depositId");

-- CreateIndex
CREATE UNIQUE INDEX "BatchAcknowledgement_channelId_fileName_key" ON "BatchAcknowledgement"("channelId", "fileName");
