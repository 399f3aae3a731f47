-- CreateTable
CREATE TABLE "BatchFileSequence" (
    "senderNumber" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "lastValue" INTEGER NOT NULL,

    CONSTRAINT "BatchFileSequence_pkey" PRIMARY KEY ("senderNumber","date","environment")
);
