-- Issue 14: REST clients of the « Employeur ONSS » quality (Chaman « Canaux Webservices »).
-- CreateTable
CREATE TABLE "RestClient" (
    "id" UUID NOT NULL,
    "entityId" UUID NOT NULL,
    "qualityId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "clientId" TEXT,
    "tokenUrl" TEXT NOT NULL,
    "keySealed" TEXT NOT NULL,
    "certificateDer" BYTEA NOT NULL,
    "certificateFingerprint" TEXT NOT NULL,
    "certificateValidTo" TIMESTAMP(3) NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RestClient_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RestClient_entityId_idx" ON "RestClient"("entityId");

-- CreateIndex
CREATE UNIQUE INDEX "RestClient_qualityId_name_key" ON "RestClient"("qualityId", "name");
