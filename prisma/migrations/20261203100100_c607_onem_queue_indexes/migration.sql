-- Issue 15: the ONEM queue at national size (docs/benchmarks.md, EXPLAIN before/after).
-- The overdue and waiting views walked the (deadline, sentAt) index and threw away the answered
-- requests (225,000 rows removed by the filter for 50 shown): a partial index holds only the
-- requests ONEM must still answer, in queue order. The predicate is written as an OR: PostgreSQL
-- stores `status IN (…)` as `= ANY (ARRAY[…])`, which the schema diff never matched to schema.prisma.
CREATE INDEX "C607Request_waiting_deadline_sentAt_idx" ON "C607Request"("deadline", "sentAt") WHERE status = 'SENT' OR status = 'IN_PROGRESS';

-- The queue's total (every request but drafts) was a sequential scan of the whole table: a narrow
-- partial index lets it be counted from the index, and serves the centre filter and the list of
-- sending centres.
CREATE INDEX "C607Request_sent_entityId_idx" ON "C607Request"("entityId") WHERE status <> 'DRAFT';
