-- AlterEnum
ALTER TYPE "C607Status" ADD VALUE 'REFUSED';

-- CreateTable
CREATE TABLE "C607ReferenceCounter" (
    "year" INTEGER NOT NULL,
    "lastValue" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "C607ReferenceCounter_pkey" PRIMARY KEY ("year")
);
