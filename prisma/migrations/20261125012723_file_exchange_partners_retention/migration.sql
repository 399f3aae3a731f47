-- AlterTable
ALTER TABLE "Entity" ADD COLUMN     "fileRetentionDays" INTEGER NOT NULL DEFAULT 30;

-- AlterTable
ALTER TABLE "FileTransfer" ADD COLUMN     "purgedAt" TIMESTAMP(3),
ALTER COLUMN "ciphertext" DROP NOT NULL;

-- CreateTable
CREATE TABLE "FileExchangePartner" (
    "entityId" UUID NOT NULL,
    "partnerEntityId" UUID NOT NULL,
    "addedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FileExchangePartner_pkey" PRIMARY KEY ("entityId","partnerEntityId")
);


-- Existing exchanges keep working: every pair of centres that already exchanged a file starts on
-- the sender's allow-list (the DPD can remove it on /gestion/securite).
INSERT INTO "FileExchangePartner" ("entityId", "partnerEntityId", "addedById", "createdAt")
SELECT "fromEntityId", "toEntityId", (array_agg("senderId" ORDER BY "createdAt"))[1], min("createdAt")
FROM "FileTransfer"
GROUP BY "fromEntityId", "toEntityId";
