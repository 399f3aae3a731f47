-- Issue 9: lockout, blocking and "end all sessions" stop every way in at once
-- (lib/auth/stop-all-access.ts): open sign-in challenges are revoked, API tokens suspended or revoked.

-- AlterTable
ALTER TABLE "LoginChallenge" ADD COLUMN     "revokedAt" TIMESTAMP(3),
ADD COLUMN     "revokedReason" TEXT;

-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "revokedReason" TEXT,
ADD COLUMN     "suspendedAt" TIMESTAMP(3),
ADD COLUMN     "suspendedReason" TEXT,
ADD COLUMN     "suspendedUntil" TIMESTAMP(3);
