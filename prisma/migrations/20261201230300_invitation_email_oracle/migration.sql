-- Issue 9, finding 10: an invitation must not tell a manager whether another centre uses an
-- address. Pending invitations (status INVITED) of different centres may share an address; an
-- account (any other status) keeps it for itself, and one centre never has it twice.

-- DropIndex
DROP INDEX "Person_email_key";

-- CreateIndex
CREATE UNIQUE INDEX "Person_entityId_email_key" ON "Person"("entityId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "Person_email_account_key" ON "Person"("email") WHERE (status <> 'INVITED');
