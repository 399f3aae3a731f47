-- CreateTable
CREATE TABLE "AccessPolicy" (
    "entityId" UUID NOT NULL,
    "isEnforced" BOOLEAN NOT NULL DEFAULT false,
    "allowedDays" INTEGER[] DEFAULT ARRAY[1, 2, 3, 4, 5]::INTEGER[],
    "startMinute" INTEGER NOT NULL DEFAULT 420,
    "endMinute" INTEGER NOT NULL DEFAULT 1140,
    "allowedCidrs" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "updatedById" UUID,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AccessPolicy_pkey" PRIMARY KEY ("entityId")
);

-- CreateTable
CREATE TABLE "UsagePolicy" (
    "id" UUID NOT NULL,
    "entityId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "publishedById" UUID NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UsagePolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsagePolicyAcceptance" (
    "id" UUID NOT NULL,
    "policyId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "acceptedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ip" TEXT,

    CONSTRAINT "UsagePolicyAcceptance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "UsagePolicy_entityId_version_key" ON "UsagePolicy"("entityId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "UsagePolicyAcceptance_policyId_personId_key" ON "UsagePolicyAcceptance"("policyId", "personId");

-- CreateIndex
CREATE INDEX "RateLimitBucket_expiresAt_idx" ON "RateLimitBucket"("expiresAt");

-- AddForeignKey
ALTER TABLE "UsagePolicyAcceptance" ADD CONSTRAINT "UsagePolicyAcceptance_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "UsagePolicy"("id") ON DELETE CASCADE ON UPDATE CASCADE;
