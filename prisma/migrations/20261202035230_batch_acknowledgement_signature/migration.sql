-- AlterTable
ALTER TABLE "BatchAcknowledgement" ADD COLUMN     "signatureNote" TEXT,
ADD COLUMN     "signatureStatus" TEXT;
