-- Issue 15: the quality page tests each person it reads for an invitation to the quality, by person
-- (lib/access/manage/load-quality-management.ts); without this index each test read the whole table.
CREATE INDEX "Invitation_personId_idx" ON "Invitation"("personId");
