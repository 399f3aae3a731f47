-- Issue 15: keyset pagination of the ONEM queue on (deadline, "sentAt", id) and of a centre's C60.7
-- list on ("createdAt", id) (docs/c607.md, "Pages et total"). With id as the last column of each
-- index, every page (the first, the next after a cursor, the previous before one) is an index-only
-- scan that stops after 51 entries, whatever the queue's size or the number of ties on a deadline.

-- Everything ONEM sees, in queue order (replaces the full (deadline, "sentAt") index: drafts have
-- no deadline and ONEM never reads them; the deadline mails use (status, deadline)).
DROP INDEX "C607Request_deadline_sentAt_idx";
CREATE INDEX "C607Request_sent_deadline_sentAt_id_idx" ON "C607Request"("deadline", "sentAt", "id") WHERE status <> 'DRAFT';

-- What ONEM must still answer (waiting and overdue views), in queue order, now with id.
DROP INDEX "C607Request_waiting_deadline_sentAt_idx";
CREATE INDEX "C607Request_waiting_deadline_sentAt_idx" ON "C607Request"("deadline", "sentAt", "id") WHERE status = 'SENT' OR status = 'IN_PROGRESS';

-- One centre's sent requests in queue order (the queue filtered by centre); still serves the capped
-- total, the sending centres' probes and the centre filter.
DROP INDEX "C607Request_sent_entityId_idx";
CREATE INDEX "C607Request_sent_entityId_idx" ON "C607Request"("entityId", "deadline", "sentAt", "id") WHERE status <> 'DRAFT';

-- A centre's own list, newest first (read backwards).
CREATE INDEX "C607Request_entityId_createdAt_id_idx" ON "C607Request"("entityId", "createdAt", "id");
