-- Issue 15: a centre's people in the order its lists show them (last name, first name, id). The
-- quality page and the people search walk this index and stop after their page; with the former
-- index on (entityId, lastName) alone PostgreSQL had to sort each name's people again (Incremental
-- Sort), and chose to read and sort the whole centre whenever it believed the centre small.
DROP INDEX "Person_entityId_lastName_idx";
CREATE INDEX "Person_entityId_lastName_firstName_id_idx" ON "Person"("entityId", "lastName", "firstName", "id");
