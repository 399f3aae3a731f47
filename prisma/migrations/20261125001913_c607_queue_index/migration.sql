-- CreateIndex
CREATE INDEX "C607Request_deadline_sentAt_idx" ON "C607Request"("deadline", "sentAt");
