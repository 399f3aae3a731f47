-- Issue 13: the language a person works in (French by default: every existing account was French).
CREATE TYPE "Language" AS ENUM ('fr', 'nl');

ALTER TABLE "Person" ADD COLUMN "language" "Language" NOT NULL DEFAULT 'fr';
